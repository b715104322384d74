/**
 * Tests for 08 · Idempotent consumer. The handler runs on a real (local)
 * inventory table and gets stream events shaped like the ones Lambda sends.
 * aws-sdk-client-mock only steps in to stage what a local table cannot: a
 * request that fails on its way out, an answer lost on its way back, and two
 * instances whose requests interleave. The last test throws random delivery
 * schedules at the handler and compares the table with exactly-once delivery.
 */
import { DeleteItemCommand, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStreamBuilder, redeliveryFrom } from '../../workshop/testing/stream-events.js';
import { useTables } from '../../workshop/testing/use-tables.js';
import { handler } from './inventory.js';

const tables = useTables('inventory');
const stream = createStreamBuilder();

type Handler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

// ---------------------------------------------------------------------------
// Orders, stock and what the inventory items say
// ---------------------------------------------------------------------------

let ordersMade = 0;
/** Order ids are unique across the whole file, so no test sees another's orders. */
const nextOrderId = () => `o-${++ordersMade}`;

/** An order item as the orders table holds it; lines given as `[sku, quantity]`. */
function anOrder(...lines: Array<[sku: string, quantity: number]>) {
  const orderLines = lines.map(([sku, quantity]) => ({ sku, quantity, unitPriceCents: 450 }));
  return {
    orderId: nextOrderId(),
    customerId: 'c-1',
    lines: orderLines,
    totalCents: orderLines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
    status: 'PLACED',
    createdAt: '2026-11-29T09:00:00.000Z',
  };
}

async function seedStock(stock: Record<string, number>): Promise<void> {
  await Promise.all(Object.entries(stock).map(([sku, units]) => tables.put('inventory', { sku, stock: units })));
}

/** What an inventory item says: an absent `backordered` as 0, the order sets as sorted arrays. */
interface SkuState {
  stock: unknown;
  appliedOrders: string[];
  backordered: unknown;
  backorderedOrders: string[];
}

const idsIn = (set: unknown): string[] =>
  set instanceof Set || Array.isArray(set) ? [...(set as Iterable<unknown>)].map(String).sort() : [];

function stateOfItem(item: Record<string, unknown>): SkuState {
  return {
    stock: item.stock,
    appliedOrders: idsIn(item.appliedOrders),
    backordered: item.backordered ?? 0,
    backorderedOrders: idsIn(item.backorderedOrders),
  };
}

async function stateOf(sku: string): Promise<SkuState | undefined> {
  const item = await tables.get('inventory', { sku });
  return item && stateOfItem(item);
}

/** The inventory item a test expects: nothing reserved or backordered unless it says so. */
const inventoryItem = (state: Partial<SkuState> & { stock: unknown }): SkuState => ({
  appliedOrders: [],
  backordered: 0,
  backorderedOrders: [],
  ...state,
});

const sequenceNumberOf = (record: DynamoDBRecord): string => record.dynamodb!.SequenceNumber!;

/** A fresh copy of the learner's module, as a cold-started Lambda instance would load it. */
async function coldStart(): Promise<Handler> {
  vi.resetModules();
  return (await import('./inventory.js')).handler;
}

/** Settles to what the promise did, so a test can look at a rejection without try/catch. */
const outcomeOf = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ fulfilled: true as const, value }),
    (error: unknown) => ({ fulfilled: false as const, error }),
  );

// ---------------------------------------------------------------------------
// Standing between the handler and DynamoDB (aws-sdk-client-mock)
// ---------------------------------------------------------------------------

let dynamo: AwsClientStub<DynamoDBClient> | undefined;
/** Lets every request reach the local DynamoDB directly again. */
function stopIntercepting(): void {
  dynamo?.restore();
  dynamo = undefined;
}
afterEach(stopIntercepting);

type Around = (command: object, send: () => Promise<unknown>) => Promise<unknown>;

/**
 * Puts aws-sdk-client-mock in front of every DynamoDBClient (the handler builds
 * its own) and hands each request the handler makes to `around`, with `send` to
 * pass it on to the local DynamoDB. The test's own client always goes straight through.
 */
function interceptHandlerRequests(around: Around): void {
  dynamo = mockClient(DynamoDBClient);
  const realSend = dynamo.send.wrappedMethod;
  dynamo.send.callsFake(function (this: DynamoDBClient, command) {
    const send = () => realSend.call(this, command);
    return (this === tables.client ? send() : around(command, send)) as ReturnType<typeof realSend>;
  });
}

const faults = {
  /** The request never reached DynamoDB (throttled): nothing was written. */
  failedOnTheWay: 'the request failed before reaching DynamoDB',
  /** DynamoDB did the write, but the answer never came back (a timeout). */
  answerLost: 'DynamoDB did the write but its answer was lost',
} as const;
type Fault = (typeof faults)[keyof typeof faults];

async function sendWithFault(fault: Fault, send: () => Promise<unknown>): Promise<never> {
  if (fault === faults.failedOnTheWay) {
    throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: {} });
  }
  await send().catch(() => undefined);
  throw Object.assign(new Error('Socket timed out before the response arrived'), { name: 'TimeoutError' });
}

/** The sku a request is about, read from its Key. */
const skuOf = (command: object): string | undefined =>
  (command as { input?: { Key?: { sku?: { S?: string } } } }).input?.Key?.sku?.S;

/** Makes the handler's first request about `targetSku` fail once, in the way `fault` says. */
function failFirstRequestAbout(targetSku: string, fault: Fault): void {
  let failed = false;
  interceptHandlerRequests((command, send) => {
    if (failed || skuOf(command) !== targetSku) return send();
    failed = true;
    return sendWithFault(fault, send);
  });
}

/**
 * Runs handler invocations side by side, in lockstep: each DynamoDB request
 * waits until every invocation still running has sent one too, then they all
 * go together. So none of them sees another's write before making its own,
 * which is how two Lambda instances can interleave on AWS.
 */
async function inLockstep<T>(...invocations: Array<() => Promise<T>>): Promise<T[]> {
  let running = invocations.length;
  let waiting: Array<() => void> = [];
  const releaseWhenAllWait = () => {
    if (waiting.length === 0 || waiting.length < running) return;
    const go = waiting;
    waiting = [];
    go.forEach((release) => release());
  };
  interceptHandlerRequests(async (_command, send) => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      releaseWhenAllWait();
    });
    return send();
  });
  return Promise.all(
    invocations.map(async (invoke) => {
      try {
        return await invoke();
      } finally {
        running -= 1;
        releaseWhenAllWait();
      }
    }),
  );
}

// ---------------------------------------------------------------------------

describe('inventory handler: reserving stock for a new order', () => {
  it("takes each line's quantity from the stock of its sku", async () => {
    await seedStock({ TEA: 10, CUP: 5 });

    await handler(stream.event(stream.insert(anOrder(['TEA', 3], ['CUP', 2]))));

    expect((await stateOf('TEA'))?.stock, 'an INSERT of an order takes each line from its sku item: 10 - 3').toBe(7);
    expect((await stateOf('CUP'))?.stock, 'an INSERT of an order takes each line from its sku item: 5 - 2').toBe(3);
  });

  it('adds the order id to appliedOrders on each sku item it took stock from, in the same write', async () => {
    await seedStock({ TEA: 10, CUP: 5 });
    const order = anOrder(['TEA', 3], ['CUP', 2]);

    await handler(stream.event(stream.insert(order)));

    const message = 'the write that takes the stock should also ADD the orderId to the string set appliedOrders';
    expect(await stateOf('TEA'), message).toEqual(inventoryItem({ stock: 7, appliedOrders: [order.orderId] }));
    expect(await stateOf('CUP'), message).toEqual(inventoryItem({ stock: 3, appliedOrders: [order.orderId] }));
  });

  it('handles the orders of a batch in stream order, each line taking stock while there is enough', async () => {
    await seedStock({ TEA: 5 });
    const [first, second, third] = [anOrder(['TEA', 3]), anOrder(['TEA', 3]), anOrder(['TEA', 2])];

    await handler(stream.event(stream.insert(first), stream.insert(second), stream.insert(third)));

    expect(await stateOf('TEA'), '5 in stock: the first order takes 3, the second (3) is backordered, the third takes the last 2').toEqual(
      inventoryItem({ stock: 0, appliedOrders: [first.orderId, third.orderId], backordered: 3, backorderedOrders: [second.orderId] }),
    );
  });

  it('answers { batchItemFailures: [] } when every record was handled', async () => {
    await seedStock({ TEA: 10 });

    const response = await handler(stream.event(stream.insert(anOrder(['TEA', 1])), stream.insert(anOrder(['TEA', 1]))));

    expect(response, 'all good: an empty batchItemFailures list').toEqual({ batchItemFailures: [] });
  });

  it.each([
    { kind: 'MODIFY (the order was cancelled)', record: (o: ReturnType<typeof anOrder>) => stream.modify(o, { ...o, status: 'CANCELLED' }) },
    { kind: 'REMOVE (someone deleted the order)', record: (o: ReturnType<typeof anOrder>) => stream.remove(o) },
    { kind: 'REMOVE by TTL (the order expired)', record: (o: ReturnType<typeof anOrder>) => stream.ttlExpiry(o) },
  ])('ignores a $kind: the stock is left alone', async ({ record }) => {
    await seedStock({ TEA: 10 });

    const response = await handler(stream.event(record(anOrder(['TEA', 3]))));

    expect(await stateOf('TEA'), 'only an INSERT places an order; every other record changes nothing').toEqual(inventoryItem({ stock: 10 }));
    expect(response).toEqual({ batchItemFailures: [] });
  });

  it('reports an INSERT without NewImage as failed instead of dropping its order', async () => {
    const keysOnly = createStreamBuilder({ viewType: 'KEYS_ONLY' });
    const record = keysOnly.insert(anOrder(['TEA', 1]));

    const response = await handler(keysOnly.event(record));

    expect(response, 'without NewImage the order cannot be read: fail the record (the stream needs NEW_IMAGE or NEW_AND_OLD_IMAGES)').toEqual({
      batchItemFailures: [{ itemIdentifier: sequenceNumberOf(record) }],
    });
  });
});

describe('inventory handler: not enough stock, or no such sku', () => {
  it('backorders the whole line when the stock is short, and leaves the stock untouched', async () => {
    await seedStock({ TEA: 2 });
    const order = anOrder(['TEA', 3]);

    const response = await handler(stream.event(stream.insert(order)));

    expect(await stateOf('TEA'), 'stock 2 < 3: never take part of a line; ADD 3 to backordered and the orderId to backorderedOrders').toEqual(
      inventoryItem({ stock: 2, backordered: 3, backorderedOrders: [order.orderId] }),
    );
    expect(response, 'a backorder is a normal outcome, not a failure').toEqual({ batchItemFailures: [] });
  });

  it('backorders a short line once, however often the order is delivered', async () => {
    await seedStock({ TEA: 2 });
    const order = anOrder(['TEA', 3]);
    const record = stream.insert(order);

    await handler(stream.event(record, record));
    await (await coldStart())(stream.event(record));

    expect(await stateOf('TEA'), 'the backorder needs a guard too: a condition that refuses an order already in backorderedOrders').toEqual(
      inventoryItem({ stock: 2, backordered: 3, backorderedOrders: [order.orderId] }),
    );
  });

  it('still reserves the lines of the order that fit', async () => {
    await seedStock({ TEA: 10, CUP: 1 });
    const order = anOrder(['TEA', 2], ['CUP', 3]);

    await handler(stream.event(stream.insert(order)));

    expect(await stateOf('TEA'), 'each line is decided on its own: TEA has enough').toEqual(inventoryItem({ stock: 8, appliedOrders: [order.orderId] }));
    expect(await stateOf('CUP'), 'CUP has 1 of 3: backordered whole').toEqual(
      inventoryItem({ stock: 1, backordered: 3, backorderedOrders: [order.orderId] }),
    );
  });

  it('backorders a line for an unknown sku on a new item for that sku, once', async () => {
    const order = anOrder(['GHOST', 2]);
    const record = stream.insert(order);

    await handler(stream.event(record));
    await handler(stream.event(record));

    const ghost = await stateOf('GHOST');
    expect(ghost, 'no item for the sku: the backorder creates it (ADD creates a missing item)').toBeDefined();
    expect({ ...ghost, stock: ghost?.stock ?? 0 }, 'an unknown sku has no stock to take: backorder the line, once').toEqual(
      inventoryItem({ stock: 0, backordered: 2, backorderedOrders: [order.orderId] }),
    );
  });

  it('keeps a backordered line backordered when the order is redelivered after a restock', async () => {
    await seedStock({ TEA: 1 });
    const order = anOrder(['TEA', 3]);
    const record = stream.insert(order);
    await handler(stream.event(record));
    const backordered = await tables.get('inventory', { sku: 'TEA' });
    await tables.put('inventory', { ...backordered, stock: 10 }); // the truck arrived

    await handler(stream.event(record));

    expect(await stateOf('TEA'), 'a line is decided once: the reserve condition must also refuse an order in backorderedOrders').toEqual(
      inventoryItem({ stock: 10, backordered: 3, backorderedOrders: [order.orderId] }),
    );
  });
});

describe('inventory handler: lines of one order that name the same sku', () => {
  it('adds their quantities and reserves them as one line', async () => {
    await seedStock({ TEA: 10 });
    const order = anOrder(['TEA', 2], ['TEA', 3]);

    await handler(stream.event(stream.insert(order)));

    expect(await stateOf('TEA'), 'TEA×2 and TEA×3 in one order are one line of 5 (the guard would skip a second line of the same order)').toEqual(
      inventoryItem({ stock: 5, appliedOrders: [order.orderId] }),
    );
  });

  it('backorders the summed quantity whole when only each line alone would fit', async () => {
    await seedStock({ TEA: 4 });
    const order = anOrder(['TEA', 2], ['TEA', 3]);

    await handler(stream.event(stream.insert(order)));

    expect(await stateOf('TEA'), '2 + 3 = 5 > 4 in stock: the one summed line is backordered whole').toEqual(
      inventoryItem({ stock: 4, backordered: 5, backorderedOrders: [order.orderId] }),
    );
  });
});

describe('inventory handler: at-least-once delivery', () => {
  it('applies a record delivered twice in one batch once', async () => {
    await seedStock({ TEA: 10 });
    const order = anOrder(['TEA', 3]);
    const record = stream.insert(order);

    await handler(stream.event(record, record));

    expect(await stateOf('TEA'), 'the same record twice: guard the write with a condition that refuses an order already in appliedOrders').toEqual(
      inventoryItem({ stock: 7, appliedOrders: [order.orderId] }),
    );
  });

  it('applies a replayed batch once, also on a cold-started instance', async () => {
    await seedStock({ TEA: 10, CUP: 10 });
    const [first, second] = [anOrder(['TEA', 3]), anOrder(['TEA', 1], ['CUP', 2])];
    const event = stream.event(stream.insert(first), stream.insert(second));

    await handler(event);
    await handler(event);
    await (await coldStart())(event);

    expect(await stateOf('TEA'), 'the batch came three times, the last to a new instance: only the table can remember').toEqual(
      inventoryItem({ stock: 6, appliedOrders: [first.orderId, second.orderId] }),
    );
    expect(await stateOf('CUP')).toEqual(inventoryItem({ stock: 8, appliedOrders: [second.orderId] }));
  });

  it.each([faults.failedOnTheWay, faults.answerLost])(
    'reports the first failing record, stops there, and applies every line once after the retry (%s)',
    async (fault) => {
      await seedStock({ TEA: 10, CUP: 10, POT: 10 });
      const [first, second, third] = [anOrder(['TEA', 1]), anOrder(['TEA', 2], ['CUP', 3]), anOrder(['POT', 4])];
      const secondRecord = stream.insert(second);
      const event = stream.event(stream.insert(first), secondRecord, stream.insert(third));
      failFirstRequestAbout('CUP', fault); // the second order's CUP line, after its TEA line went through

      const response = await outcomeOf(handler(event));
      const potBeforeRetry = await stateOf('POT');
      stopIntercepting();
      const retry = await (await coldStart())(redeliveryFrom(event, sequenceNumberOf(secondRecord)));

      expect(response, 'catch the error and report the failing record by its SequenceNumber (nothing before it)').toEqual({
        fulfilled: true,
        value: { batchItemFailures: [{ itemIdentifier: sequenceNumberOf(secondRecord) }] },
      });
      expect(potBeforeRetry, 'nothing after the failing record is processed: Lambda redelivers it').toEqual(inventoryItem({ stock: 10 }));
      expect(retry, 'the redelivered records all go through').toEqual({ batchItemFailures: [] });
      expect(await stateOf('TEA'), "the second order's TEA line went through before the failure: the retry must not take it again").toEqual(
        inventoryItem({ stock: 7, appliedOrders: [first.orderId, second.orderId] }),
      );
      expect(await stateOf('CUP'), 'the CUP line is taken exactly once, whether or not the failed write had landed').toEqual(
        inventoryItem({ stock: 7, appliedOrders: [second.orderId] }),
      );
      expect(await stateOf('POT')).toEqual(inventoryItem({ stock: 6, appliedOrders: [third.orderId] }));
    },
  );

  it('fails the whole batch by throwing when the failing record has no SequenceNumber', async () => {
    await seedStock({ TEA: 10 });
    const record = stream.insert(anOrder(['TEA', 1]));
    delete record.dynamodb!.SequenceNumber;
    failFirstRequestAbout('TEA', faults.failedOnTheWay);

    const outcome = await outcomeOf(handler(stream.event(record)));

    expect(outcome.fulfilled, 'with no SequenceNumber to report, rethrow: Lambda retries the whole batch').toBe(false);
  });
});

describe('inventory handler: two instances at the same moment', () => {
  it('loses no update when two instances reserve different orders of the same sku', async () => {
    await seedStock({ TEA: 10 });
    const [first, second] = [anOrder(['TEA', 3]), anOrder(['TEA', 4])];
    const [instanceA, instanceB] = [await coldStart(), await coldStart()];

    await inLockstep(
      () => instanceA(stream.event(stream.insert(first))),
      () => instanceB(stream.event(stream.insert(second))),
    );

    expect(await stateOf('TEA'), 'both read 10 before either wrote? Let DynamoDB do the arithmetic: SET stock = stock - :q, in one conditional write').toEqual(
      inventoryItem({ stock: 3, appliedOrders: [first.orderId, second.orderId] }),
    );
  });

  it('reserves once when two instances get the same record at the same moment', async () => {
    await seedStock({ TEA: 10 });
    const order = anOrder(['TEA', 3]);
    const record = stream.insert(order);
    const [instanceA, instanceB] = [await coldStart(), await coldStart()];

    await inLockstep(
      () => instanceA(stream.event(record)),
      () => instanceB(stream.event(record)),
    );

    expect(await stateOf('TEA'), 'a read says "not applied yet" to both instances: only a condition on the write itself guards it').toEqual(
      inventoryItem({ stock: 7, appliedOrders: [order.orderId] }),
    );
  });

  it('backorders once when two instances get the same short order at the same moment', async () => {
    await seedStock({ TEA: 1 });
    const order = anOrder(['TEA', 3]);
    const record = stream.insert(order);
    const [instanceA, instanceB] = [await coldStart(), await coldStart()];

    await inLockstep(
      () => instanceA(stream.event(record)),
      () => instanceB(stream.event(record)),
    );

    expect(await stateOf('TEA'), 'the backorder write needs its own condition, checked by DynamoDB, not by a read before it').toEqual(
      inventoryItem({ stock: 1, backordered: 3, backorderedOrders: [order.orderId] }),
    );
  });
});

// ---------------------------------------------------------------------------
// Property: any at-least-once schedule ends where exactly-once delivery ends
// ---------------------------------------------------------------------------

const knownSkus = ['TEA', 'CUP', 'POT'] as const;
type Stock = Record<(typeof knownSkus)[number], number>;

/** One delivery by the event source mapping, and what goes wrong with it. */
interface Delivery {
  /** How many records of the stream, from the checkpoint, the batch holds. */
  batchSize: number;
  /** The checkpoint was lost: it falls back this many records first (a replay). */
  rewind: number;
  /** A record of the batch (by index) that comes twice in it. */
  duplicate: number | undefined;
  /** The handler's n-th DynamoDB request of this invocation fails. */
  fault: { atRequest: number; fault: Fault } | undefined;
  /** The batch goes to a new instance. */
  coldStart: boolean;
}

const deliveries: fc.Arbitrary<Delivery> = fc.record({
  batchSize: fc.integer({ min: 1, max: 4 }),
  rewind: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
  duplicate: fc.option(fc.nat({ max: 3 }), { nil: undefined, freq: 3 }),
  fault: fc.option(fc.record({ atRequest: fc.integer({ min: 1, max: 6 }), fault: fc.constantFrom(faults.failedOnTheWay, faults.answerLost) }), {
    nil: undefined,
    freq: 2,
  }),
  coldStart: fc.boolean(),
});

const scenarios = fc.record({
  stock: fc.record({ TEA: fc.nat({ max: 8 }), CUP: fc.nat({ max: 8 }), POT: fc.nat({ max: 8 }) }),
  /** Each order's lines; GHOST is a sku with no item. */
  orders: fc.array(
    fc.array(fc.record({ sku: fc.constantFrom(...knownSkus, 'GHOST'), quantity: fc.integer({ min: 1, max: 4 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    { minLength: 1, maxLength: 6 },
  ),
  schedule: fc.array(deliveries, { maxLength: 8 }),
});

interface ModelSku {
  stock: number;
  appliedOrders: string[];
  backordered: number;
  backorderedOrders: string[];
}

/** The model: every order handled once, in stream order, by the rules of the exercise. */
function exactlyOnce(stock: Stock, orders: ReadonlyArray<ReturnType<typeof anOrder>>): Record<string, ModelSku> {
  const empty = (units: number): ModelSku => ({ stock: units, appliedOrders: [], backordered: 0, backorderedOrders: [] });
  const state = new Map(Object.entries(stock).map(([name, units]) => [name, empty(units)]));
  for (const { orderId, lines } of orders) {
    const quantities = new Map<string, number>();
    for (const line of lines) quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
    for (const [name, quantity] of quantities) {
      const item = state.get(name) ?? empty(0); // an unknown sku: nothing to take
      state.set(name, item);
      if (item.stock >= quantity) {
        item.stock -= quantity;
        item.appliedOrders.push(orderId);
      } else {
        item.backordered += quantity;
        item.backorderedOrders.push(orderId);
      }
    }
  }
  for (const item of state.values()) {
    item.appliedOrders.sort();
    item.backorderedOrders.sort();
  }
  return Object.fromEntries(state);
}

async function inventoryState(): Promise<Record<string, SkuState>> {
  const items = await tables.scan('inventory');
  // An unknown sku may be created with or without a stock attribute: count none as 0.
  return Object.fromEntries(items.map((item) => [String(item.sku), { ...stateOfItem(item), stock: item.stock ?? 0 }]));
}

async function emptyInventory(): Promise<void> {
  for (const item of await tables.scan('inventory')) {
    await tables.client.send(new DeleteItemCommand({ TableName: tables.name('inventory'), Key: marshall({ sku: item.sku }) }));
  }
}

/**
 * Plays the event source mapping: batches from a checkpoint, in stream order.
 * Success moves the checkpoint past the batch; reported failures move it to the
 * lowest sequence number reported; a thrown error (or an identifier that is not
 * in the batch) retries the whole batch. After the random schedule, deliveries
 * without faults drain the rest of the stream.
 */
async function deliverAtLeastOnce(records: DynamoDBRecord[], schedule: Delivery[], setFault: (f: Delivery['fault']) => void) {
  let instance = await coldStart();
  let checkpoint = 0;

  async function deliver(delivery: Delivery) {
    if (delivery.coldStart) instance = await coldStart();
    checkpoint = Math.max(0, checkpoint - delivery.rewind);
    const batch = records.slice(checkpoint, checkpoint + delivery.batchSize);
    if (batch.length === 0) return;
    const withDuplicate = [...batch];
    if (delivery.duplicate !== undefined && delivery.duplicate < batch.length) {
      withDuplicate.splice(delivery.duplicate, 0, batch[delivery.duplicate]!);
    }

    setFault(delivery.fault);
    const outcome = await outcomeOf(instance({ Records: withDuplicate }));
    setFault(undefined);

    if (!outcome.fulfilled) return; // the whole batch comes again
    const reported = (outcome.value?.batchItemFailures ?? []).map((failure) => String(failure.itemIdentifier ?? ''));
    if (reported.length === 0) {
      checkpoint += batch.length;
      return;
    }
    const positions = reported.map((id) => batch.findIndex((record) => sequenceNumberOf(record) === id));
    if (positions.includes(-1)) return; // not a sequence number of this batch: Lambda retries the whole batch
    checkpoint += Math.min(...positions); // the lowest sequence number reported (the batch is in stream order)
  }

  for (const delivery of schedule) await deliver(delivery);
  const clean: Delivery = { batchSize: 4, rewind: 0, duplicate: undefined, fault: undefined, coldStart: false };
  for (let round = 0; checkpoint < records.length; round++) {
    if (round === 20) throw new Error(`The stream is stuck at record ${checkpoint}: it fails there on every delivery, even without faults`);
    await deliver(clean);
  }
}

describe('inventory handler: any delivery schedule (property-based)', () => {
  it(
    'ends with the same stock, backorders and order sets as exactly-once delivery, whatever is duplicated, replayed, split or failed',
    async () => {
      let fault: Delivery['fault'];
      let requests = 0;
      interceptHandlerRequests((_command, send) => {
        requests += 1;
        return fault && requests === fault.atRequest ? sendWithFault(fault.fault, send) : send();
      });
      const setFault = (next: Delivery['fault']) => {
        fault = next;
        requests = 0;
      };

      await fc.assert(
        fc.asyncProperty(scenarios, async ({ stock, orders, schedule }) => {
          await emptyInventory();
          await seedStock(stock);
          const placed = orders.map((lines) => anOrder(...lines.map(({ sku, quantity }): [string, number] => [sku, quantity])));
          const ordersStream = createStreamBuilder();
          const records = placed.map((order) => ordersStream.insert(order));

          await deliverAtLeastOnce(records, schedule, setFault);

          expect(
            await inventoryState(),
            'at-least-once delivery must end exactly where exactly-once delivery ends (fast-check prints the schedule that broke it)',
          ).toEqual(exactlyOnce(stock, placed));
        }),
        { numRuns: 30, plugins: [fc.interruptAfterTimeLimit(8_000)] },
      );
    },
    20_000,
  );
});
