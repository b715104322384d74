/**
 * Tests for 07 · Partial batch failures. The sales table is a real table on the
 * local DynamoDB. Throttling is staged with aws-sdk-client-mock: writes to one
 * day's item fail, and every other request still reaches the local table. The
 * last group plays Lambda's part and delivers the batch again from the record
 * the handler reported, as the event source mapping does.
 */
import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  UpdateItemCommand,
  type UpdateItemCommandInput,
  type UpdateItemCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareSequenceNumbers } from '../../workshop/streams/stream-record.js';
import { createStreamBuilder, redeliveryFrom } from '../../workshop/testing/stream-events.js';
import { useTables } from '../../workshop/testing/use-tables.js';
import { handler } from './sales.js';

const tables = useTables('sales');

// ---------------------------------------------------------------- orders

let ordersMade = 0;

/** An order item as the order service saves it (a single line, so totalCents is easy to read). */
function order(totalCents: number, createdAt: string) {
  ordersMade += 1;
  return {
    orderId: `o-${ordersMade}`,
    customerId: 'c-1',
    lines: [{ sku: 'TEA', quantity: 1, unitPriceCents: totalCents }],
    totalCents,
    status: 'PLACED',
    createdAt,
  };
}

type Order = ReturnType<typeof order>;
type Stream = ReturnType<typeof createStreamBuilder>;

const nov29 = '2026-11-29';
const nov30 = '2026-11-30';
const dec01 = '2026-12-01';

/** An order placed in the middle of a UTC day. */
const orderOn = (day: string, totalCents: number) => order(totalCents, `${day}T10:00:00.000Z`);

/**
 * A stream whose first three sequence numbers have 21 digits and the rest 22,
 * as AWS's grow: `999…985`, `999…992`, `999…999`, then `1000…006`, `1000…013`, …
 * Compared as strings, every 22-digit number sorts before every 21-digit one.
 */
const streamCrossingTo22Digits = () => createStreamBuilder({ firstSequenceNumber: 10n ** 21n - 15n });

const sequenceNumberOf = (event: DynamoDBStreamEvent, index: number): string => {
  const sequenceNumber = event.Records[index]?.dynamodb?.SequenceNumber;
  if (!sequenceNumber) throw new Error(`test arrangement: the event has no record ${index}`);
  return sequenceNumber;
};

/** The sales table as `{ day: { totalCents, orderCount } }`. */
async function salesByDay(): Promise<Record<string, { totalCents: unknown; orderCount: unknown }>> {
  const items = await tables.scan('sales');
  return Object.fromEntries(items.map((item) => [String(item.day), { totalCents: item.totalCents, orderCount: item.orderCount }]));
}

// ---------------------------------------------------------------- throttling

/** The real `send`, kept before aws-sdk-client-mock replaces it on every DynamoDBClient. */
const sendToLocalDynamo = DynamoDBClient.prototype.send as (
  this: DynamoDBClient,
  command: UpdateItemCommand,
) => Promise<UpdateItemCommandOutput>;

let dynamo: AwsClientStub<DynamoDBClient> | undefined;
afterEach(() => {
  dynamo?.restore();
  dynamo = undefined;
});

const throttled = () =>
  new ProvisionedThroughputExceededException({
    message: 'The level of configured provisioned throughput for the table was exceeded.',
    $metadata: { httpStatusCode: 400 },
  });

/**
 * DynamoDB throttles the UpdateItem requests on the items of these days (a hot
 * partition), each day the given number of times, or until `heal()`. Every
 * other request reaches the local table as usual.
 */
function throttleWrites(days: Record<string, number>) {
  const throttlesLeft = new Map(Object.entries(days));
  dynamo = mockClient(DynamoDBClient);
  dynamo.send.callThrough();
  for (const day of throttlesLeft.keys()) {
    dynamo.on(UpdateItemCommand, { Key: { day: { S: day } } }).callsFake(async (input: UpdateItemCommandInput, getClient) => {
      const left = throttlesLeft.get(day) ?? 0;
      if (left > 0) {
        throttlesLeft.set(day, left - 1);
        throw throttled();
      }
      return sendToLocalDynamo.call(getClient() as DynamoDBClient, new UpdateItemCommand(input));
    });
  }
  return {
    /** The throttling is over: from now on every write succeeds. */
    heal: () => throttlesLeft.clear(),
  };
}

const forever = Number.POSITIVE_INFINITY;

// ---------------------------------------------------------------- Lambda's part

/**
 * Plays the event source mapping with ReportBatchItemFailures on: delivers the
 * batch, and while the handler reports failures, delivers it again from the
 * lowest reported sequence number (compared as BigInt). A thrown error, or an
 * empty itemIdentifier, fails the whole batch: it is delivered again as it was.
 */
async function deliverUntilDone(event: DynamoDBStreamEvent, maxDeliveries = 10) {
  const deliveries: DynamoDBStreamEvent[] = [];
  let batch = event;
  while (deliveries.length < maxDeliveries) {
    deliveries.push(batch);
    let response: DynamoDBBatchResponse;
    try {
      response = await handler(batch);
    } catch {
      continue; // the whole batch again
    }
    const reported = (response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier);
    if (reported.length === 0) return { done: true, deliveries };
    if (reported.some((itemIdentifier) => !itemIdentifier)) continue; // the whole batch again
    const inBatch = batch.Records.map((record) => record.dynamodb?.SequenceNumber);
    for (const itemIdentifier of reported) {
      expect(inBatch, 'every itemIdentifier must be the dynamodb.SequenceNumber of a record in the batch').toContain(itemIdentifier);
    }
    const checkpoint = reported.reduce((lowest, next) => (compareSequenceNumbers(next, lowest) < 0 ? next : lowest));
    batch = redeliveryFrom(batch, checkpoint);
  }
  return { done: false, deliveries };
}

const firstSequenceNumberOf = (batch: DynamoDBStreamEvent | undefined) => batch?.Records[0]?.dynamodb?.SequenceNumber;

// ---------------------------------------------------------------- tests

describe('sales handler: totals per UTC day', () => {
  it('adds each new order to its day: totalCents grows by the order total, orderCount by one', async () => {
    const stream = createStreamBuilder();
    const event = stream.event(
      stream.insert(order(1200, '2026-11-29T09:15:00.000Z')),
      stream.insert(order(800, '2026-11-29T18:40:00.000Z')),
      stream.insert(order(2500, '2026-11-30T10:00:00.000Z')),
    );

    const response = await handler(event);

    expect(response, 'when every record is counted, answer { batchItemFailures: [] }').toEqual({ batchItemFailures: [] });
    expect(await salesByDay(), 'one item per UTC day (key `day`, YYYY-MM-DD), with ADD totalCents :total, orderCount :one').toEqual({
      [nov29]: { totalCents: 2000, orderCount: 2 },
      [nov30]: { totalCents: 2500, orderCount: 1 },
    });
  });

  it('adds to the totals already in the table', async () => {
    await tables.put('sales', { day: nov29, totalCents: 10_000, orderCount: 7 });
    const stream = createStreamBuilder();

    await handler(stream.event(stream.insert(orderOn(nov29, 1200))));

    expect(await salesByDay(), 'ADD adds to the numbers that are there; a PutItem would overwrite them').toEqual({
      [nov29]: { totalCents: 11_200, orderCount: 8 },
    });
  });

  it("takes the day from the order's createdAt, not from the time of the stream record", async () => {
    const stream = createStreamBuilder();
    const placedJustBeforeMidnight = order(1500, '2026-11-29T23:59:59.400Z');

    await handler(stream.event(stream.insert(placedJustBeforeMidnight, new Date('2026-11-30T00:00:01Z'))));

    expect(await salesByDay(), 'the sale belongs to the day of createdAt, even if the record was written a moment later').toEqual({
      [nov29]: { totalCents: 1500, orderCount: 1 },
    });
  });

  describe('on a machine whose clock is set to Tokyo time (TZ=Asia/Tokyo)', () => {
    let savedTz: string | undefined;
    beforeEach(() => {
      savedTz = process.env.TZ;
      process.env.TZ = 'Asia/Tokyo';
    });
    afterEach(() => {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    });

    it.each([
      { createdAt: '2026-11-29T23:59:59.999Z', day: nov29, note: 'the last millisecond of the UTC day' },
      { createdAt: '2026-11-30T00:00:00.000Z', day: nov30, note: 'the first millisecond of the next UTC day' },
      { createdAt: '2026-11-29T15:30:00.000Z', day: nov29, note: 'already 00:30 on 30 November in Tokyo' },
      { createdAt: '2026-12-31T23:59:59.999Z', day: '2026-12-31', note: 'New Year in Tokyo, still the old year in UTC' },
    ])('counts an order created at $createdAt for $day ($note)', async ({ createdAt, day }) => {
      const stream = createStreamBuilder();

      await handler(stream.event(stream.insert(order(900, createdAt))));

      expect(
        Object.keys(await salesByDay()),
        'the day is the UTC date of createdAt: toISOString().slice(0, 10), not getDate() in local time',
      ).toEqual([day]);
    });
  });

  it.each([
    { change: 'a MODIFY (the order was cancelled)', record: (s: Stream, o: Order) => s.modify(o, { ...o, status: 'CANCELLED' }) },
    { change: 'a REMOVE (someone deleted the order)', record: (s: Stream, o: Order) => s.remove(o) },
    { change: 'a REMOVE by TTL (the order expired)', record: (s: Stream, o: Order) => s.ttlExpiry(o) },
  ])('counts nothing for $change', async ({ record }) => {
    const stream = createStreamBuilder();

    const response = await handler(stream.event(record(stream, orderOn(nov29, 1200))));

    expect(await salesByDay(), 'only an INSERT is a new sale: skip every other event').toEqual({});
    expect(response, 'a skipped record is not a failure').toEqual({ batchItemFailures: [] });
  });

  it('counts an order once when its INSERT, a MODIFY and a REMOVE come in one batch', async () => {
    const stream = createStreamBuilder();
    const placed = orderOn(nov29, 1200);
    const shipped = { ...placed, status: 'SHIPPED' };

    await handler(stream.event(stream.insert(placed), stream.modify(placed, shipped), stream.remove(shipped)));

    expect(await salesByDay(), 'only the INSERT counts').toEqual({ [nov29]: { totalCents: 1200, orderCount: 1 } });
  });
});

describe('sales handler: when a record fails', () => {
  it.each([
    { position: 'first in the batch', failing: 0 },
    { position: 'right after the sequence numbers grew from 21 to 22 digits', failing: 3 },
    { position: 'last in the batch', failing: 5 },
  ])('reports the failing record alone, by its SequenceNumber, and counts only the records before it ($position)', async ({ failing }) => {
    // Every order is on 29 November except the failing one, whose day is throttled.
    const stream = streamCrossingTo22Digits();
    const totals = [1000, 200, 30, 4, 50_000, 600_000];
    const event = stream.event(
      ...totals.map((totalCents, i) => stream.insert(i === failing ? orderOn(nov30, 7) : orderOn(nov29, totalCents))),
    );
    throttleWrites({ [nov30]: forever });

    const response = await handler(event);

    expect(response, 'report exactly the failing record: { itemIdentifier: record.dynamodb.SequenceNumber }, nothing before or after it').toEqual({
      batchItemFailures: [{ itemIdentifier: sequenceNumberOf(event, failing) }],
    });
    const before = totals.slice(0, failing);
    expect(
      await salesByDay(),
      'count the records before the failure, and none after it: Lambda delivers every later record again',
    ).toEqual(before.length === 0 ? {} : { [nov29]: { totalCents: before.reduce((a, b) => a + b, 0), orderCount: before.length } });
  });

  it('stops at the first failure: reports it alone even when a later record would fail too', async () => {
    const stream = streamCrossingTo22Digits();
    const event = stream.event(
      stream.insert(orderOn(nov29, 1000)),
      stream.insert(orderOn(nov29, 200)),
      stream.insert(orderOn(nov30, 30)), // 21 digits: the first failure
      stream.insert(orderOn(nov29, 4)),
      stream.insert(orderOn(nov30, 50)), // 22 digits: would fail too
    );
    throttleWrites({ [nov30]: forever });

    const response = await handler(event);

    expect(
      response,
      'report the FIRST failing record. (Sequence numbers differ in length: compared as strings, "1000…" < "999…")',
    ).toEqual({ batchItemFailures: [{ itemIdentifier: sequenceNumberOf(event, 2) }] });
    expect(await salesByDay(), 'nothing after the first failure is counted').toEqual({ [nov29]: { totalCents: 1200, orderCount: 2 } });
  });

  it('fails the whole batch by throwing when the failing record has no SequenceNumber', async () => {
    const stream = createStreamBuilder();
    const event = stream.event(stream.insert(orderOn(nov29, 1000)), stream.insert(orderOn(nov30, 30)), stream.insert(orderOn(nov29, 4)));
    delete event.Records[1]!.dynamodb!.SequenceNumber;
    throttleWrites({ [nov30]: forever });

    const outcome = await handler(event).then(
      (response) => ({ threw: false, response }),
      (error: unknown) => ({ threw: true, error }),
    );

    expect(outcome, 'a record without SequenceNumber cannot be reported (an empty itemIdentifier fails the batch anyway): throw').toMatchObject({
      threw: true,
    });
  });
});

describe('sales handler: redelivery, as Lambda does it', () => {
  /**
   * Eight records, two of them skipped. The first write to 30 November (record 4)
   * is throttled; its sequence number has 22 digits, and records with 21 and 22
   * digits come before it.
   */
  function aBatchWithAThrottledDay() {
    const stream = streamCrossingTo22Digits();
    const first = orderOn(nov29, 1200);
    const second = order(800, '2026-11-29T23:59:59.999Z');
    const event = stream.event(
      stream.insert(first), //                                   0: 21 digits
      stream.insert(second), //                                  1
      stream.modify(first, { ...first, status: 'CANCELLED' }), // 2: skipped
      stream.insert(orderOn(nov29, 450)), //                     3: 22 digits
      stream.insert(order(3000, '2026-11-30T00:00:00.000Z')), // 4: throttled 30 November
      stream.insert(orderOn(nov29, 700)), //                     5
      stream.insert(orderOn(nov30, 999)), //                     6
      stream.remove(second), //                                  7: skipped
    );
    const exactTotals = {
      [nov29]: { totalCents: 1200 + 800 + 450 + 700, orderCount: 4 },
      [nov30]: { totalCents: 3000 + 999, orderCount: 2 },
    };
    return { event, failing: 4, exactTotals };
  }

  it('counts every order exactly once when Lambda redelivers from the reported record after the throttling', async () => {
    const { event, failing, exactTotals } = aBatchWithAThrottledDay();
    const throttling = throttleWrites({ [nov30]: forever });

    const first = await handler(event);
    expect(first, 'the first delivery should report the throttled record').toEqual({
      batchItemFailures: [{ itemIdentifier: sequenceNumberOf(event, failing) }],
    });
    throttling.heal();
    const second = await handler(redeliveryFrom(event, first.batchItemFailures[0]!.itemIdentifier));

    expect(second, 'the redelivered records all succeed now').toEqual({ batchItemFailures: [] });
    expect(
      await salesByDay(),
      'exact totals: every order once. More means a record was counted in both deliveries; less means one was lost',
    ).toEqual(exactTotals);
  });

  it('counts every order exactly once when Lambda keeps redelivering until the batch succeeds', async () => {
    const stream = streamCrossingTo22Digits();
    const event = stream.event(
      stream.insert(orderOn(nov29, 1000)), // 0
      stream.insert(orderOn(nov30, 200)), //  1: throttled once
      stream.insert(orderOn(nov29, 30)), //   2
      stream.insert(orderOn(dec01, 4)), //    3: throttled twice
      stream.insert(orderOn(nov30, 50)), //   4
      stream.insert(orderOn(dec01, 600)), //  5
    );
    throttleWrites({ [nov30]: 1, [dec01]: 2 });

    const { done, deliveries } = await deliverUntilDone(event);

    expect(await salesByDay(), 'exact totals: every order once, none twice, none lost').toEqual({
      [nov29]: { totalCents: 1030, orderCount: 2 },
      [nov30]: { totalCents: 250, orderCount: 2 },
      [dec01]: { totalCents: 604, orderCount: 2 },
    });
    expect(done, 'the batch should succeed once the throttling is over').toBe(true);
    expect(deliveries.map(firstSequenceNumberOf), 'each delivery after the first starts at the record that failed').toEqual([
      sequenceNumberOf(event, 0),
      sequenceNumberOf(event, 1),
      sequenceNumberOf(event, 3),
      sequenceNumberOf(event, 3),
    ]);
  });

  it('keeps reporting a record that still fails, and counts the records before it only once', async () => {
    const { event, failing } = aBatchWithAThrottledDay();
    throttleWrites({ [nov30]: forever });

    const { done, deliveries } = await deliverUntilDone(event, 3);

    expect(await salesByDay(), 'the records before the failing one are counted once, and nothing after it').toEqual({
      [nov29]: { totalCents: 1200 + 800 + 450, orderCount: 3 },
    });
    expect(done, 'a record that keeps failing keeps its batch from finishing (on AWS, until MaximumRetryAttempts or the record expires)').toBe(false);
    expect(deliveries.slice(1).map(firstSequenceNumberOf), 'Lambda resumes at the failing record each time').toEqual([
      sequenceNumberOf(event, failing),
      sequenceNumberOf(event, failing),
    ]);
  });
});
