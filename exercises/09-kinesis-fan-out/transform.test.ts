/**
 * Tests for 09 · Kinesis fan-out. Kinesis has no local stand-in, so
 * aws-sdk-client-mock plays it: each test decides, entry by entry, what
 * PutRecords answers. Backoff goes through an injected `sleep` that only
 * records the delays — nothing waits for real time.
 */
import {
  KinesisClient,
  PutRecordsCommand,
  ResourceNotFoundException,
  type PutRecordsCommandInput,
  type PutRecordsRequestEntry,
  type PutRecordsResultEntry,
} from '@aws-sdk/client-kinesis';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../workshop/testing/order.js';
import { createStreamBuilder } from '../../workshop/testing/stream-events.js';
import { createHandler, handler, PublishError, toOrderEvent, type OrderEvent } from './transform.js';

// ---- orders, stream records and the events they should become ----------------

function order(orderId: string, overrides: Partial<Order> = {}): Order {
  return {
    orderId,
    customerId: `c-${orderId}`,
    email: 'hanako@example.com',
    lines: [
      { sku: 'TEA-SENCHA', quantity: 2, unitPriceCents: 1200 },
      { sku: 'CUP-WHITE', quantity: 1, unitPriceCents: 2500 },
    ],
    totalCents: 4900,
    status: 'PLACED',
    createdAt: '2026-11-29T08:59:58.000Z',
    ...overrides,
  };
}

/** The event a record should become, worked out by the test from the record itself. */
function expectedEvent(type: OrderEvent['type'], record: DynamoDBRecord, item: Order): OrderEvent {
  return {
    type,
    version: 1,
    orderId: item.orderId,
    customerId: item.customerId,
    totalCents: item.totalCents,
    occurredAt: new Date(record.dynamodb!.ApproximateCreationDateTime! * 1000).toISOString(),
    sequenceNumber: record.dynamodb!.SequenceNumber!,
  };
}

let stream: ReturnType<typeof createStreamBuilder>;
beforeEach(() => {
  stream = createStreamBuilder();
});

/** One INSERT per order id, as one stream event. */
function placed(orderIds: string[], overrides: Partial<Order> = {}) {
  return stream.event(...orderIds.map((id) => stream.insert(order(id, overrides))));
}

const ids = (count: number, prefix = 'o-') =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

// ---- toOrderEvent -----------------------------------------------------------

describe('toOrderEvent — which changes are order events', () => {
  it('turns an INSERT into OrderPlaced, dated by the record (ISO of ApproximateCreationDateTime)', () => {
    const record = stream.insert(order('o-1001'), new Date('2026-12-01T10:20:30Z'));

    expect(toOrderEvent(record), 'an INSERT is a new order: OrderPlaced, version 1, with the fields of the new image').toEqual({
      type: 'OrderPlaced',
      version: 1,
      orderId: 'o-1001',
      customerId: 'c-o-1001',
      totalCents: 4900,
      occurredAt: '2026-12-01T10:20:30.000Z',
      sequenceNumber: record.dynamodb!.SequenceNumber,
    });
  });

  it('turns a MODIFY that changes status to CANCELLED into OrderCancelled', () => {
    const before = order('o-1001');
    const record = stream.modify(before, { ...before, status: 'CANCELLED' }, new Date('2026-12-02T08:00:05Z'));

    expect(toOrderEvent(record), 'status PLACED → CANCELLED is a cancellation: OrderCancelled with the new image\'s fields').toEqual({
      type: 'OrderCancelled',
      version: 1,
      orderId: 'o-1001',
      customerId: 'c-o-1001',
      totalCents: 4900,
      occurredAt: '2026-12-02T08:00:05.000Z',
      sequenceNumber: record.dynamodb!.SequenceNumber,
    });
  });

  it.each([
    ['a MODIFY to SHIPPED', () => stream.modify(order('o-1'), order('o-1', { status: 'SHIPPED' }))],
    ['a MODIFY that keeps PLACED (e-mail changed)', () => stream.modify(order('o-1'), order('o-1', { email: 'new@example.com' }))],
    [
      'a MODIFY of an order that was already CANCELLED (expiresAt added)',
      () => stream.modify(order('o-1', { status: 'CANCELLED' }), order('o-1', { status: 'CANCELLED', expiresAt: 1_798_534_800 })),
    ],
    ['a REMOVE by a user', () => stream.remove(order('o-1'))],
    ['a REMOVE by TTL', () => stream.ttlExpiry(order('o-1', { expiresAt: 1_795_942_000 }))],
  ])('returns undefined for %s', (_name, build) => {
    expect(
      toOrderEvent(build()),
      'only INSERT and a MODIFY whose status changes to CANCELLED are order events; everything else returns undefined',
    ).toBeUndefined();
  });

  it('throws an error naming the stream view type when a record lacks the image it needs', () => {
    const keysOnly = createStreamBuilder({ viewType: 'KEYS_ONLY' });
    const newImageOnly = createStreamBuilder({ viewType: 'NEW_IMAGE' });
    const before = order('o-1');

    expect(
      () => toOrderEvent(keysOnly.insert(before)),
      'an INSERT without NewImage cannot become an event: throw an error that names the view type the stream needs',
    ).toThrow(/NEW_IMAGE|NEW_AND_OLD_IMAGES/);
    expect(
      () => toOrderEvent(newImageOnly.modify(before, { ...before, status: 'CANCELLED' })),
      'without OldImage you cannot tell whether the status changed: throw an error that names NEW_AND_OLD_IMAGES',
    ).toThrow(/NEW_AND_OLD_IMAGES/);
  });
});

// ---- a Kinesis that answers entry by entry ------------------------------------

type ErrorCode = 'ProvisionedThroughputExceededException' | 'InternalFailure';
const errorMessages: Record<ErrorCode, string> = {
  ProvisionedThroughputExceededException:
    'Rate exceeded for shard shardId-000000000000 in stream order-events under account 123456789012.',
  InternalFailure: 'Internal service failure.',
};

let kinesis: AwsClientStub<KinesisClient>;
/** What happened, in order: `put o-1,o-2` for a request, `sleep 100` for a wait. */
let log: string[];
let delays: number[];
const sleep = vi.fn(async (ms: number) => {
  delays.push(ms);
  log.push(`sleep ${ms}`);
});
const originalStreamName = process.env.ORDER_EVENTS_STREAM;

beforeEach(() => {
  kinesis = mockClient(KinesisClient);
  log = [];
  delays = [];
  sleep.mockClear();
  process.env.ORDER_EVENTS_STREAM = 'order-events';
  kinesisAnswers(); // every entry accepted, unless a test says otherwise
});
afterEach(() => {
  kinesis.restore();
  if (originalStreamName === undefined) delete process.env.ORDER_EVENTS_STREAM;
  else process.env.ORDER_EVENTS_STREAM = originalStreamName;
});

/**
 * Kinesis answers every entry of every PutRecords call: `decide(partitionKey, call)`
 * returns an ErrorCode to fail the entry (call counts from 1), or undefined to accept it.
 * The answer has one result per entry, in request order, as AWS's has.
 */
function kinesisAnswers(decide: (partitionKey: string, call: number) => ErrorCode | undefined = () => undefined) {
  let call = 0;
  kinesis.on(PutRecordsCommand).callsFake((input: PutRecordsCommandInput) => {
    call += 1;
    const entries = input.Records ?? [];
    log.push(`put ${entries.map((entry) => entry.PartitionKey).join(',')}`);
    const Records: PutRecordsResultEntry[] = entries.map((entry, i) => {
      const code = decide(entry.PartitionKey ?? '', call);
      return code
        ? { ErrorCode: code, ErrorMessage: errorMessages[code] }
        : { ShardId: 'shardId-000000000000', SequenceNumber: `4964${String(call).padStart(4, '0')}${String(i).padStart(6, '0')}` };
    });
    return { FailedRecordCount: Records.filter((result) => result.ErrorCode).length, Records };
  });
}

const requests = () => kinesis.commandCalls(PutRecordsCommand).map((call) => call.args[0].input);
const partitionKeys = (request: PutRecordsCommandInput | undefined) => (request?.Records ?? []).map((entry) => entry.PartitionKey);

/** The event an entry carries: its Data must be valid UTF-8 holding JSON. */
function decode(entry: PutRecordsRequestEntry): unknown {
  expect(entry.Data, 'Data should be the UTF-8 bytes of the JSON (a Uint8Array, e.g. from TextEncoder)').toBeInstanceOf(Uint8Array);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(entry.Data);
  return JSON.parse(text);
}

/** Bytes of a request as Kinesis counts them against its limits: data plus partition keys. */
const requestBytes = (request: PutRecordsCommandInput) =>
  (request.Records ?? []).reduce((sum, entry) => sum + (entry.Data?.byteLength ?? 0) + Buffer.byteLength(entry.PartitionKey ?? ''), 0);

const MiB = 1024 * 1024;

/** The handler under test, with the recording sleep (no real waiting). */
const publisher = (deps: Parameters<typeof createHandler>[0] = {}) => createHandler({ sleep, ...deps });

/** Settles to the error the promise rejected with (or fails the test if it resolved). */
async function rejectionOf(promise: Promise<unknown>, why: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return expect.fail(why);
}

// ---- the handler: what goes to Kinesis ---------------------------------------

describe('createHandler — publishing to Kinesis', () => {
  it('puts one entry per order event on ORDER_EVENTS_STREAM, keyed by orderId, in record order', async () => {
    const first = order('o-1');
    const records = [
      stream.insert(first),
      stream.insert(order('o-2')),
      stream.remove(order('o-9')),
      stream.modify(first, { ...first, status: 'CANCELLED' }),
      stream.insert(order('o-3')),
    ];

    await publisher()(stream.event(...records));

    expect(kinesis, 'all four events fit in one PutRecords request').toHaveReceivedCommandTimes(PutRecordsCommand, 1);
    const [request] = requests();
    expect(request?.StreamName, 'send to the stream named by ORDER_EVENTS_STREAM').toBe('order-events');
    expect(partitionKeys(request), 'PartitionKey is the orderId, and entries keep the order of the records (the REMOVE is no event)').toEqual([
      'o-1',
      'o-2',
      'o-1',
      'o-3',
    ]);
    expect(
      request?.Records?.map(decode),
      'each Data should parse to the event of its record (JSON.stringify the event, then TextEncoder)',
    ).toEqual([
      expectedEvent('OrderPlaced', records[0]!, first),
      expectedEvent('OrderPlaced', records[1]!, order('o-2')),
      expectedEvent('OrderCancelled', records[3]!, first),
      expectedEvent('OrderPlaced', records[4]!, order('o-3')),
    ]);
  });

  it('encodes Data as UTF-8 bytes, so a non-ASCII customer id arrives intact (bytes are not characters)', async () => {
    const item = order('o-1', { customerId: 'cust-山田花子-Zoë' });
    const record = stream.insert(item);

    await publisher()(stream.event(record));

    const entry = requests()[0]?.Records?.[0];
    expect(entry, 'one entry should have been sent').toBeDefined();
    expect(decode(entry!), 'decoding Data as UTF-8 should give back the event, customer id and all').toEqual(
      expectedEvent('OrderPlaced', record, item),
    );
    const json = JSON.stringify(decode(entry!));
    expect(entry!.Data!.byteLength, '山 and ë take several bytes each in UTF-8: Data has more bytes than the JSON has characters').toBeGreaterThan(
      json.length,
    );
  });

  it('reads ORDER_EVENTS_STREAM when it is called, not when it is created', async () => {
    const publish = publisher();

    process.env.ORDER_EVENTS_STREAM = 'order-events-blue';
    await publish(placed(['o-1']));
    process.env.ORDER_EVENTS_STREAM = 'order-events-green';
    await publish(placed(['o-2']));

    expect(
      requests().map((request) => request.StreamName),
      'read process.env.ORDER_EVENTS_STREAM inside the handler, on every call',
    ).toEqual(['order-events-blue', 'order-events-green']);
  });

  it('uses deps.streamName instead of ORDER_EVENTS_STREAM when given', async () => {
    await publisher({ streamName: 'orders-for-analytics' })(placed(['o-1']));

    expect(kinesis, 'deps.streamName wins over the environment variable').toHaveReceivedCommandWith(PutRecordsCommand, {
      StreamName: 'orders-for-analytics',
    });
  });

  it('fails with an error naming ORDER_EVENTS_STREAM when no stream name is configured', async () => {
    delete process.env.ORDER_EVENTS_STREAM;

    await expect(
      publisher()(placed(['o-1'])),
      'with neither deps.streamName nor ORDER_EVENTS_STREAM, throw an error that names the variable to set',
    ).rejects.toThrow(/ORDER_EVENTS_STREAM/);
    expect(kinesis, 'nothing can be sent without a stream name').not.toHaveReceivedCommand(PutRecordsCommand);
  });

  it.each([
    ['an empty batch', () => stream.event()],
    [
      'a batch of REMOVEs and MODIFYs that are no events',
      () =>
        stream.event(
          stream.remove(order('o-1')),
          stream.ttlExpiry(order('o-2')),
          stream.modify(order('o-3'), order('o-3', { status: 'SHIPPED' })),
        ),
    ],
  ])('makes no PutRecords call for %s', async (_name, build) => {
    await expect(publisher()(build()), 'a batch without events is a success').resolves.toBeUndefined();

    expect(kinesis, 'no events, no request: PutRecords with zero entries is an error on AWS').not.toHaveReceivedCommand(
      PutRecordsCommand,
    );
  });

  it('exports `handler`, a handler made by createHandler() with the defaults', async () => {
    await handler(placed(['o-1']));

    expect(kinesis, 'handler should publish like createHandler() does').toHaveReceivedCommandWith(PutRecordsCommand, {
      StreamName: 'order-events',
    });
  });
});

// ---- the handler: request limits ------------------------------------------------

describe('createHandler — PutRecords limits', () => {
  it('sends 501 events as two requests, 500 then 1, in order', async () => {
    const orderIds = ids(501);

    await publisher()(placed(orderIds));

    expect(kinesis, 'PutRecords takes at most 500 entries: 501 events need two requests').toHaveReceivedCommandTimes(PutRecordsCommand, 2);
    expect(requests().map((request) => request.Records?.length), 'fill the first request (500), then the rest (1)').toEqual([500, 1]);
    expect(requests().flatMap(partitionKeys), 'the two requests together carry every event once, in record order').toEqual(orderIds);
  });

  it('counts partition keys toward the 5 MiB per-request limit', async () => {
    // Six events of about 0.83 MiB each, keyed by 256-character order ids: their data alone
    // fits in 5 MiB, data plus keys does not.
    const orderIds = ids(6, 'o-').map((id) => id.padEnd(256, 'k'));
    const dataBytes = 873_685;
    const emptyJson = JSON.stringify({
      type: 'OrderPlaced',
      version: 1,
      orderId: orderIds[0],
      customerId: '',
      totalCents: 4900,
      occurredAt: '2026-11-29T09:00:00.000Z',
      sequenceNumber: '1'.repeat(22),
    });
    const customerId = 'c'.repeat(dataBytes - emptyJson.length);

    await publisher()(placed(orderIds, { customerId }));

    const sent = requests();
    const allEntries = sent.flatMap((request) => request.Records ?? []);
    const totalData = allEntries.reduce((sum, entry) => sum + (entry.Data?.byteLength ?? 0), 0);
    expect(totalData, 'test setup: the data alone should fit in 5 MiB').toBeLessThanOrEqual(5 * MiB);
    expect(totalData + 6 * 256, 'test setup: data plus partition keys should not').toBeGreaterThan(5 * MiB);
    for (const request of sent)
      expect(
        requestBytes(request),
        'a request may carry at most 5 MiB counting every entry\'s Data bytes AND its PartitionKey bytes',
      ).toBeLessThanOrEqual(5 * MiB);
    expect(sent.map((request) => request.Records?.length), 'five entries fit in the first request, the sixth goes in a second').toEqual([5, 1]);
    expect(sent.flatMap(partitionKeys), 'every event once, in record order').toEqual(orderIds);
  });

  it('measures sizes in UTF-8 bytes, not characters', async () => {
    // 300,000 × あ = 900,000 bytes but only 300,000 characters per event.
    const orderIds = ids(6);

    await publisher()(placed(orderIds, { customerId: 'あ'.repeat(300_000) }));

    const sent = requests();
    for (const request of sent)
      expect(
        requestBytes(request),
        'あ is 3 bytes in UTF-8: measure Data.byteLength (bytes), not the JSON string\'s length (characters)',
      ).toBeLessThanOrEqual(5 * MiB);
    expect(sent.map((request) => request.Records?.length), 'five 0.86 MiB events fit in 5 MiB, the sixth does not').toEqual([5, 1]);
    expect(sent.flatMap(partitionKeys), 'every event once, in record order').toEqual(orderIds);
  });

  it('refuses an event over the 1 MiB record limit with an error naming its order, before sending anything', async () => {
    // 350,000 × あ = 1,050,000 bytes (over 1 MiB = 1,048,576) in 350,000 characters.
    const event = stream.event(
      stream.insert(order('o-1')),
      stream.insert(order('o-huge', { customerId: 'あ'.repeat(350_000) })),
      stream.insert(order('o-3')),
    );

    await expect(
      publisher()(event),
      'an entry over 1 MiB (Data bytes + PartitionKey bytes) can never be accepted: throw an error that names its orderId',
    ).rejects.toThrow(/o-huge/);
    expect(kinesis, 'check every entry\'s size before the first request: nothing should be sent').not.toHaveReceivedCommand(
      PutRecordsCommand,
    );
  });
});

// ---- the handler: partial failures ----------------------------------------------

describe('createHandler — partial failures and retries', () => {
  it('resends only the failed entries, in their original order', async () => {
    kinesisAnswers((key, call) =>
      call === 1 && key === 'o-2' ? 'ProvisionedThroughputExceededException' : call === 1 && key === 'o-4' ? 'InternalFailure' : undefined,
    );
    const records = ['o-1', 'o-2', 'o-3', 'o-4', 'o-5'].map((id) => stream.insert(order(id)));

    await publisher()(stream.event(...records));

    expect(kinesis, 'one request, then one resend of the two failed entries').toHaveReceivedCommandTimes(PutRecordsCommand, 2);
    const resend = requests()[1];
    expect(
      partitionKeys(resend),
      'Records[i] of the answer belongs to entry i of the request: resend only the entries whose answer has an ErrorCode',
    ).toEqual(['o-2', 'o-4']);
    expect(resend?.Records?.map(decode), 'the resent entries carry the same events').toEqual([
      expectedEvent('OrderPlaced', records[1]!, order('o-2')),
      expectedEvent('OrderPlaced', records[3]!, order('o-4')),
    ]);
    expect(resend?.StreamName, 'resend to the same stream').toBe('order-events');
  });

  it('waits before every resend, and not after the last attempt', async () => {
    kinesisAnswers((key) => (key === 'o-2' ? 'ProvisionedThroughputExceededException' : undefined));

    await rejectionOf(publisher()(placed(['o-1', 'o-2', 'o-3'])), 'o-2 never gets through: the handler should reject');

    expect(log, 'each resend comes after a sleep(ms); after the 4th (last) attempt there is nothing left to wait for').toEqual([
      'put o-1,o-2,o-3',
      `sleep ${delays[0]}`,
      'put o-2',
      `sleep ${delays[1]}`,
      'put o-2',
      `sleep ${delays[2]}`,
      'put o-2',
    ]);
  });

  it('doubles the delay before each resend (exponential backoff)', async () => {
    kinesisAnswers(() => 'ProvisionedThroughputExceededException');

    await rejectionOf(publisher()(placed(['o-1'])), 'every attempt fails: the handler should reject');

    expect(delays, 'three resends, three waits (await deps.sleep(ms) before each resend)').toHaveLength(3);
    expect(delays[0], 'the first delay should be a positive number of milliseconds').toBeGreaterThan(0);
    expect(delays, 'each delay twice the one before: base, 2 × base, 4 × base').toEqual([delays[0], 2 * delays[0]!, 4 * delays[0]!]);
  });

  it('resolves when a later attempt gets every entry through', async () => {
    kinesisAnswers((key, call) => (key === 'o-3' && call <= 2 ? 'InternalFailure' : undefined));

    await expect(publisher()(placed(['o-1', 'o-2', 'o-3'])), 'the third attempt succeeds: the batch is published').resolves.toBeUndefined();

    expect(log.filter((line) => line.startsWith('put')), 'first request, then o-3 alone twice').toEqual([
      'put o-1,o-2,o-3',
      'put o-3',
      'put o-3',
    ]);
  });

  it('gives up after maxAttempts with a PublishError listing exactly the orderIds still failing', async () => {
    kinesisAnswers((key, call) =>
      key === 'o-2' || key === 'o-5' ? 'ProvisionedThroughputExceededException' : key === 'o-4' && call <= 2 ? 'InternalFailure' : undefined,
    );

    const error = await rejectionOf(
      publisher({ maxAttempts: 3 })(placed(['o-1', 'o-2', 'o-3', 'o-4', 'o-5'])),
      'o-2 and o-5 fail on every attempt: the handler should reject with a PublishError',
    );

    expect(error, 'reject with a PublishError when entries are still failing after maxAttempts').toBeInstanceOf(PublishError);
    expect(error, 'PublishError extends Error').toBeInstanceOf(Error);
    expect((error as PublishError).failedOrderIds, 'failedOrderIds: the entries left after the last attempt (o-4 got through on the 3rd)').toEqual([
      'o-2',
      'o-5',
    ]);
    expect(kinesis, 'maxAttempts: 3 means three PutRecords calls in all').toHaveReceivedCommandTimes(PutRecordsCommand, 3);
  });

  it.each([
    ['by default', 4, {}],
    ['with maxAttempts: 1', 1, { maxAttempts: 1 }],
    ['with maxAttempts: 2', 2, { maxAttempts: 2 }],
  ])('%s, makes %i PutRecords call(s) in all, then gives up', async (_label, calls, deps) => {
    kinesisAnswers(() => 'ProvisionedThroughputExceededException');

    const error = await rejectionOf(publisher(deps)(placed(['o-1'])), 'every attempt fails: the handler should reject');

    expect(error, 'the entry never got through: PublishError').toBeInstanceOf(PublishError);
    expect(kinesis, 'maxAttempts counts attempts in all, the first one included (default 4)').toHaveReceivedCommandTimes(
      PutRecordsCommand,
      calls,
    );
    expect(sleep, 'one wait before each resend, none after the last attempt').toHaveBeenCalledTimes(calls - 1);
  });

  it('sends no later request once a request cannot be published, so nothing overtakes its events', async () => {
    const orderIds = ids(501);
    kinesisAnswers((key) => (key === 'o-001' ? 'ProvisionedThroughputExceededException' : undefined));

    const error = await rejectionOf(publisher({ maxAttempts: 2 })(placed(orderIds)), 'o-001 never gets through: the handler should reject');

    expect(error, 'o-001 is still failing after maxAttempts: PublishError').toBeInstanceOf(PublishError);
    expect((error as PublishError).failedOrderIds, 'the first request left o-001 behind').toEqual(['o-001']);
    expect(log, 'publish one request at a time: the request with o-501 must wait until the first one is through').toEqual([
      `put ${orderIds.slice(0, 500).join(',')}`,
      `sleep ${delays[0]}`,
      'put o-001',
    ]);
  });

  it('lets an error thrown by PutRecords reject the handler as it is, so Lambda retries the batch', async () => {
    const notFound = new ResourceNotFoundException({
      message: 'Stream order-events under account 123456789012 not found.',
      $metadata: { httpStatusCode: 400 },
    });
    kinesis.on(PutRecordsCommand).rejects(notFound);

    const error = await rejectionOf(publisher()(placed(['o-1'])), 'the request failed as a whole: the handler should reject');

    expect(error, 'rethrow the SDK\'s error unchanged').toBe(notFound);
    expect(
      kinesis,
      'a thrown error already went through the SDK\'s own retries: do not retry it again, let Lambda retry the batch',
    ).toHaveReceivedCommandTimes(PutRecordsCommand, 1);
  });

  it('without deps.sleep, waits on a real timer before resending', async () => {
    vi.useFakeTimers();
    try {
      kinesisAnswers((_key, call) => (call === 1 ? 'ProvisionedThroughputExceededException' : undefined));

      const done = createHandler()(placed(['o-1']));
      done.catch(() => {}); // if it rejects early, the assertions below say why; no "unhandled rejection" on top
      await vi.advanceTimersByTimeAsync(0);
      expect(kinesis, 'the resend should wait for a timer (setTimeout), not go out at once').toHaveReceivedCommandTimes(PutRecordsCommand, 1);
      await vi.runAllTimersAsync();
      await done;

      expect(kinesis, 'once the timer fires, the failed entry is resent').toHaveReceivedCommandTimes(PutRecordsCommand, 2);
    } finally {
      vi.useRealTimers();
    }
  });
});
