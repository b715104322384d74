/**
 * Tests for 06 · A stream handler. The events are what Lambda would deliver
 * from the orders table's stream (built by the kit's stream builder); the
 * shipments land in a real (local) table, new and empty for each test.
 */
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../workshop/testing/order.js';
import { createStreamBuilder } from '../../workshop/testing/stream-events.js';
import { useTables } from '../../workshop/testing/use-tables.js';
import { handler } from './shipping.js';

const tables = useTables('shipments');

afterEach(() => {
  vi.restoreAllMocks();
});

// ---- orders, shipments and the requests the handler sends ------------------

/** An order as the order service saved it. Its createdAt is NOT the stream record's time. */
function order(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'o-1',
    customerId: 'c-1',
    email: 'hana@example.com',
    lines: [{ sku: 'TEA-SENCHA', quantity: 2, unitPriceCents: 1200 }],
    totalCents: 2400,
    status: 'PLACED',
    createdAt: '2026-11-29T08:59:58.000Z',
    ...overrides,
  };
}

const cancelled = (o: Order): Order => ({ ...o, status: 'CANCELLED' });

type Builder = ReturnType<typeof createStreamBuilder>;

/** A shipment already in the table. */
function shipment(overrides: Record<string, unknown> = {}) {
  return { orderId: 'o-1', customerId: 'c-1', status: 'RESERVED', reservedAt: '2026-11-29T08:00:00.000Z', ...overrides };
}

/** A moment of the stream, to pass as a record's time. */
const at = (iso: string) => new Date(iso);

interface Request {
  command: string;
  orderId: string | undefined;
  isWrite: boolean;
  phase: 'sent' | 'done';
}

const writeCommands = [PutItemCommand, UpdateItemCommand, DeleteItemCommand, BatchWriteItemCommand, TransactWriteItemsCommand];

/**
 * Runs the handler while watching every request it sends to DynamoDB (they
 * still reach the local table): when each was sent and when it finished.
 */
async function handleWatched(event: DynamoDBStreamEvent): Promise<Request[]> {
  const requests: Request[] = [];
  const realSend = DynamoDBClient.prototype.send;
  const watchedSend = async function (this: DynamoDBClient, command: { input: unknown }, ...rest: unknown[]) {
    const input = command.input as { Item?: { orderId?: { S?: string } }; Key?: { orderId?: { S?: string } } };
    const seen = {
      command: command.constructor.name.replace(/Command$/, ''),
      orderId: input.Item?.orderId?.S ?? input.Key?.orderId?.S,
      isWrite: writeCommands.some((type) => command instanceof type),
    };
    requests.push({ ...seen, phase: 'sent' });
    try {
      return await (realSend as (...args: unknown[]) => Promise<unknown>).call(this, command, ...rest);
    } finally {
      requests.push({ ...seen, phase: 'done' });
    }
  };
  const spy = vi.spyOn(DynamoDBClient.prototype, 'send').mockImplementation(watchedSend as typeof realSend);
  try {
    await handler(event);
  } finally {
    spy.mockRestore();
  }
  return requests;
}

const writesSent = (requests: Request[]) =>
  requests.filter((r) => r.isWrite && r.phase === 'sent').map((r) => `${r.command} ${r.orderId}`);

/** The most requests that were in flight at the same moment. */
function mostInFlight(requests: Request[]): number {
  let inFlight = 0;
  let most = 0;
  for (const request of requests) {
    inFlight += request.phase === 'sent' ? 1 : -1;
    most = Math.max(most, inFlight);
  }
  return most;
}

// ---- INSERT ------------------------------------------------------------------

describe('handler: an order is placed (INSERT)', () => {
  it('reserves a shipment with exactly orderId, customerId, status RESERVED and reservedAt', async () => {
    const stream = createStreamBuilder();
    const placed = order({ orderId: 'o-1', customerId: 'c-7' });

    await handler(stream.event(stream.insert(placed, at('2026-11-29T09:00:00Z'))));

    expect(
      await tables.get('shipments', { orderId: 'o-1' }),
      'put { orderId, customerId, status: "RESERVED", reservedAt } into SHIPMENTS_TABLE, and nothing else of the order',
    ).toEqual({ orderId: 'o-1', customerId: 'c-7', status: 'RESERVED', reservedAt: '2026-11-29T09:00:00.000Z' });
  });

  it("stamps reservedAt with the record's ApproximateCreationDateTime (epoch seconds) as an ISO string", async () => {
    const stream = createStreamBuilder();
    const event = stream.event(stream.insert(order(), at('2026-12-24T18:30:05Z')));

    await handler(event);

    expect(
      (await tables.get('shipments', { orderId: 'o-1' }))?.reservedAt,
      "reservedAt = new Date(ApproximateCreationDateTime * 1000).toISOString(): the record's time, not the order's createdAt, not Date.now()",
    ).toBe('2026-12-24T18:30:05.000Z');
  });

  it('reserves a shipment for each order of a batch', async () => {
    const stream = createStreamBuilder();

    await handler(
      stream.event(
        stream.insert(order({ orderId: 'o-1', customerId: 'c-1' }), at('2026-11-29T09:00:00Z')),
        stream.insert(order({ orderId: 'o-2', customerId: 'c-2' }), at('2026-11-29T09:00:01Z')),
      ),
    );

    const shipments = await tables.scan('shipments');
    expect(shipments, 'one shipment per INSERT record').toHaveLength(2);
    expect(await tables.get('shipments', { orderId: 'o-2' })).toEqual({
      orderId: 'o-2',
      customerId: 'c-2',
      status: 'RESERVED',
      reservedAt: '2026-11-29T09:00:01.000Z',
    });
  });

  it('treats the same INSERT delivered twice as a silent no-op: no error, one unchanged shipment', async () => {
    const stream = createStreamBuilder();
    const event = stream.event(stream.insert(order(), at('2026-11-29T09:00:00Z')));
    await handler(event);
    const first = await tables.get('shipments', { orderId: 'o-1' });

    const redelivery = handler(event);

    await expect(
      redelivery,
      'a duplicate delivery is normal for a stream: catch ConditionalCheckFailedException and carry on (a throw would make Lambda retry the whole batch, again and again)',
    ).resolves.toBeUndefined();
    expect(await tables.scan('shipments')).toEqual([first]);
  });

  it('keeps the first reservedAt when an INSERT for the same order arrives again with a later time', async () => {
    const stream = createStreamBuilder();
    await handler(stream.event(stream.insert(order(), at('2026-11-29T09:00:00Z'))));

    await handler(stream.event(stream.insert(order(), at('2026-11-29T09:05:00Z'))));

    expect(
      (await tables.get('shipments', { orderId: 'o-1' }))?.reservedAt,
      'create the shipment only if none exists: PutItem with ConditionExpression attribute_not_exists(orderId)',
    ).toBe('2026-11-29T09:00:00.000Z');
  });

  it('does not un-cancel a shipment when the INSERT is delivered again after the cancellation', async () => {
    const stream = createStreamBuilder();
    const placed = order();
    const insertBatch = stream.event(stream.insert(placed));
    await handler(insertBatch);
    await handler(stream.event(stream.modify(placed, cancelled(placed))));

    await handler(insertBatch); // at-least-once: the first batch comes round again

    expect(
      (await tables.get('shipments', { orderId: 'o-1' }))?.status,
      'an unconditional PutItem would reset the shipment to RESERVED and ship a cancelled order',
    ).toBe('CANCELLED');
  });

  it('leaves a SHIPPED shipment as it is when its INSERT is delivered again', async () => {
    await tables.put('shipments', shipment({ status: 'SHIPPED' }));
    const stream = createStreamBuilder();

    await handler(stream.event(stream.insert(order())));

    expect(await tables.get('shipments', { orderId: 'o-1' }), 'a redelivered INSERT must not touch an existing shipment').toEqual(
      shipment({ status: 'SHIPPED' }),
    );
  });
});

// ---- MODIFY to CANCELLED ---------------------------------------------------------

describe('handler: an order is cancelled (MODIFY to CANCELLED)', () => {
  it('cancels the reserved shipment when the status changes from PLACED to CANCELLED', async () => {
    await tables.put('shipments', shipment());
    const stream = createStreamBuilder();
    const placed = order();

    await handler(stream.event(stream.modify(placed, cancelled(placed))));

    expect(
      await tables.get('shipments', { orderId: 'o-1' }),
      'set the shipment status to CANCELLED (UpdateItem); keep its customerId and reservedAt',
    ).toMatchObject({ orderId: 'o-1', customerId: 'c-1', status: 'CANCELLED', reservedAt: shipment().reservedAt });
  });

  it('writes nothing when the cancelled order has no shipment (an order shipping never saw)', async () => {
    const stream = createStreamBuilder();
    const placed = order({ orderId: 'o-unknown' });

    await expect(handler(stream.event(stream.modify(placed, cancelled(placed)))), 'a failed condition is not an error').resolves.toBeUndefined();

    expect(
      await tables.scan('shipments'),
      'UpdateItem creates a missing item! Add a condition: the shipment must exist (attribute_exists(orderId)) and be RESERVED',
    ).toEqual([]);
  });

  it('leaves a SHIPPED shipment SHIPPED: a parcel that has left cannot be cancelled here', async () => {
    await tables.put('shipments', shipment({ status: 'SHIPPED' }));
    const stream = createStreamBuilder();
    const placed = order();

    await expect(handler(stream.event(stream.modify(placed, cancelled(placed)))), 'a failed condition is not an error').resolves.toBeUndefined();

    expect(
      (await tables.get('shipments', { orderId: 'o-1' }))?.status,
      'cancel only a shipment that is still RESERVED (ConditionExpression on its status)',
    ).toBe('SHIPPED');
  });

  it('treats a redelivered cancellation as a silent no-op', async () => {
    await tables.put('shipments', shipment());
    const stream = createStreamBuilder();
    const placed = order();
    const event = stream.event(stream.modify(placed, cancelled(placed)));
    await handler(event);

    await expect(handler(event), 'the second delivery finds the shipment CANCELLED already: do nothing, and do not fail').resolves.toBeUndefined();

    expect((await tables.get('shipments', { orderId: 'o-1' }))?.status).toBe('CANCELLED');
  });
});

// ---- everything else ---------------------------------------------------------

describe('handler: changes shipping does not act on', () => {
  it.each([
    { change: 'PLACED → SHIPPED', before: order(), after: order({ status: 'SHIPPED' }) },
    { change: 'PLACED → PLACED, new e-mail', before: order(), after: order({ email: 'hana@example.org' }) },
    {
      change: 'CANCELLED → CANCELLED, new e-mail',
      before: order({ status: 'CANCELLED' }),
      after: order({ status: 'CANCELLED', email: 'hana@example.org' }),
    },
    {
      change: 'CANCELLED → CANCELLED, TTL set',
      before: order({ status: 'CANCELLED' }),
      after: order({ status: 'CANCELLED', expiresAt: 1_796_000_000 }),
    },
  ])('sends no write for a MODIFY $change', async ({ before, after }) => {
    await tables.put('shipments', shipment());
    const stream = createStreamBuilder();

    const requests = await handleWatched(stream.event(stream.modify(before, after)));

    expect(
      writesSent(requests),
      'only a change of status TO CANCELLED (old status not CANCELLED, new status CANCELLED) is news for shipping',
    ).toEqual([]);
    expect(await tables.get('shipments', { orderId: 'o-1' }), 'the shipment should be untouched').toEqual(shipment());
  });

  it.each([
    { removal: 'a user', remove: (s: Builder, o: Order) => s.remove(o) },
    {
      removal: 'DynamoDB TTL',
      remove: (s: Builder, o: Order) => s.ttlExpiry({ ...o, expiresAt: 1_796_000_000 }),
    },
  ])('sends no write for a REMOVE by $removal', async ({ remove }) => {
    await tables.put('shipments', shipment());
    const stream = createStreamBuilder();

    const requests = await handleWatched(stream.event(remove(stream, order())));

    expect(writesSent(requests), 'a REMOVE is not shipping\'s business: no write at all').toEqual([]);
    expect(await tables.get('shipments', { orderId: 'o-1' }), 'the shipment should be untouched').toEqual(shipment());
  });
});

// ---- a batch -------------------------------------------------------------------

describe('handler: a batch of records', () => {
  it('handles the records in stream order: an INSERT and its cancellation in one batch end CANCELLED', async () => {
    const stream = createStreamBuilder();
    const placed = order();

    await handler(stream.event(stream.insert(placed), stream.modify(placed, cancelled(placed))));

    expect(
      (await tables.get('shipments', { orderId: 'o-1' }))?.status,
      'the cancellation can only find the shipment once the INSERT has created it: handle the records in order',
    ).toBe('CANCELLED');
  });

  it("sends a record's write only after the previous record's write has finished (one at a time, no Promise.all)", async () => {
    const stream = createStreamBuilder();
    const first = order({ orderId: 'o-1' });
    const second = order({ orderId: 'o-2', customerId: 'c-2' });

    const requests = await handleWatched(
      stream.event(stream.insert(first), stream.insert(second), stream.modify(first, cancelled(first))),
    );

    expect(
      mostInFlight(requests),
      'await each record before starting the next: with Promise.all the INSERT and the cancellation of o-1 race, and DynamoDB decides which lands first',
    ).toBe(1);
    expect(writesSent(requests), 'the writes should follow the order of the records').toEqual([
      'PutItem o-1',
      'PutItem o-2',
      'UpdateItem o-1',
    ]);
    expect((await tables.get('shipments', { orderId: 'o-1' }))?.status).toBe('CANCELLED');
  });

  it('handles a mixed batch: each order ends as its own records say', async () => {
    await tables.put('shipments', shipment({ orderId: 'o-old', status: 'SHIPPED' }));
    const stream = createStreamBuilder({ startAt: new Date('2026-11-29T10:00:00Z') });
    const tea = order({ orderId: 'o-tea', customerId: 'c-1' });
    const cups = order({ orderId: 'o-cups', customerId: 'c-2', lines: [{ sku: 'CUP', quantity: 4, unitPriceCents: 800 }], totalCents: 3200 });
    const pot = order({ orderId: 'o-pot', customerId: 'c-3', lines: [{ sku: 'POT', quantity: 1, unitPriceCents: 5400 }], totalCents: 5400 });
    const old = order({ orderId: 'o-old', customerId: 'c-9', status: 'SHIPPED' });

    await handler(
      stream.event(
        stream.insert(tea), // 10:00:00
        stream.insert(cups), // 10:00:01
        stream.modify(cups, { ...cups, email: 'taro@example.com' }), // 10:00:02
        stream.modify(tea, cancelled(tea)), // 10:00:03
        stream.insert(pot), // 10:00:04
        stream.modify(old, cancelled(old)), // 10:00:05: too late, it has shipped
        stream.ttlExpiry({ ...old, expiresAt: 1_796_000_000 }), // 10:00:06
        stream.modify(cups, { ...cups, status: 'SHIPPED' }), // 10:00:07
      ),
    );

    const byOrder = Object.fromEntries((await tables.scan('shipments')).map((s) => [s.orderId, s]));
    expect(byOrder, 'each order: INSERT reserves, a change to CANCELLED cancels a RESERVED shipment, anything else writes nothing').toEqual({
      'o-tea': { orderId: 'o-tea', customerId: 'c-1', status: 'CANCELLED', reservedAt: '2026-11-29T10:00:00.000Z' },
      'o-cups': { orderId: 'o-cups', customerId: 'c-2', status: 'RESERVED', reservedAt: '2026-11-29T10:00:01.000Z' },
      'o-pot': { orderId: 'o-pot', customerId: 'c-3', status: 'RESERVED', reservedAt: '2026-11-29T10:00:04.000Z' },
      'o-old': shipment({ orderId: 'o-old', status: 'SHIPPED' }),
    });
  });
});

// ---- the stream view type ------------------------------------------------------

describe('handler: a stream without the images it needs', () => {
  it('rejects a KEYS_ONLY INSERT with an error naming the view type it needs, and writes nothing', async () => {
    const stream = createStreamBuilder({ viewType: 'KEYS_ONLY' });

    const outcome = handler(stream.event(stream.insert(order())));

    await expect(
      outcome,
      'an INSERT without NewImage cannot be handled: throw an Error whose message names NEW_IMAGE or NEW_AND_OLD_IMAGES, the StreamViewType to set',
    ).rejects.toThrow(/NEW_IMAGE|NEW_AND_OLD_IMAGES/);
    expect(await tables.scan('shipments')).toEqual([]);
  });

  it.each([{ viewType: 'KEYS_ONLY' as const }, { viewType: 'NEW_IMAGE' as const }])(
    'rejects a MODIFY to CANCELLED from a $viewType stream with an error naming NEW_AND_OLD_IMAGES',
    async ({ viewType }) => {
      await tables.put('shipments', shipment());
      const stream = createStreamBuilder({ viewType });
      const placed = order();

      const outcome = handler(stream.event(stream.modify(placed, cancelled(placed))));

      await expect(
        outcome,
        'a cancellation is a change of status: without both OldImage and NewImage you cannot see it. Throw, naming NEW_AND_OLD_IMAGES',
      ).rejects.toThrow(/NEW_AND_OLD_IMAGES/);
      expect(await tables.get('shipments', { orderId: 'o-1' }), 'nothing should be written').toEqual(shipment());
    },
  );
});

// ---- DynamoDB fails ------------------------------------------------------------

describe('handler: when DynamoDB fails (aws-sdk-client-mock)', () => {
  let dynamodb: AwsClientStub<DynamoDBClient>;

  beforeEach(() => {
    dynamodb = mockClient(DynamoDBClient);
  });

  afterEach(() => {
    // The other tests of this file talk to the real (local) table again.
    dynamodb.restore();
  });

  const throttled = () =>
    new ProvisionedThroughputExceededException({
      message: 'The level of configured provisioned throughput for the table was exceeded.',
      $metadata: { httpStatusCode: 400 },
    });

  it.each([
    {
      record: 'an INSERT',
      throttle: () => dynamodb.on(PutItemCommand).rejects(throttled()),
      event: (s: Builder) => s.event(s.insert(order())),
    },
    {
      record: 'a cancellation',
      throttle: () => dynamodb.on(UpdateItemCommand).rejects(throttled()),
      event: (s: Builder) => s.event(s.modify(order(), cancelled(order()))),
    },
  ])('lets a throttled write for $record fail the invocation, so Lambda retries the batch', async ({ throttle, event }) => {
    dynamodb.onAnyCommand().resolves({});
    throttle();

    const outcome = handler(event(createStreamBuilder()));

    await expect(
      outcome,
      'only ConditionalCheckFailedException means "done already": rethrow every other error, or the record is lost for good',
    ).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });
});
