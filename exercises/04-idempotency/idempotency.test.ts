/**
 * Tests for 04 · Idempotency. They run on a real (local) DynamoDB table, with a
 * clock the test moves by hand: nobody waits for real time to pass. The last
 * group swaps DynamoDB for aws-sdk-client-mock to stage what dynalite cannot.
 */
import { createHash } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTables } from '../../workshop/testing/use-tables.js';
import { IdempotencyInProgressError, makeIdempotent } from './idempotency.js';

const tables = useTables('idempotency');

/** The talk's day, 16 Feb 2018, 10:00 UTC, in epoch milliseconds (the clock's unit) and seconds. */
const startMs = Date.UTC(2018, 1, 16, 10, 0, 0);
const startEpochSeconds = startMs / 1000;

let nowMs = startMs;
const now = () => nowMs;
beforeEach(() => {
  nowMs = startMs;
});

type Options<I> = Parameters<typeof makeIdempotent<I, unknown>>[1];

/** A wrapper on this test's table and clock. */
function idempotent<I, R>(fn: (input: I) => Promise<R>, options: Partial<Options<I>> = {}) {
  return makeIdempotent(fn, { tableName: tables.name('idempotency'), now, ...options });
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/**
 * A fn whose FIRST call stays in flight until `release()`; later calls resolve
 * at once with `laterResult`. `started` resolves when the first call begins.
 */
function heldOnFirstCall<I, R>(firstResult: R, laterResult: R) {
  const started = deferred<void>();
  const gate = deferred<void>();
  let calls = 0;
  const fn = vi.fn(async (_input: I): Promise<R> => {
    calls += 1;
    if (calls > 1) return laterResult;
    started.resolve();
    await gate.promise;
    return firstResult;
  });
  return { fn, started: started.promise, release: () => gate.resolve() };
}

/** Settles to what the promise did, so a test can look at a rejection without try/catch. */
const outcomeOf = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ fulfilled: true as const, value }),
    (error: unknown) => ({ fulfilled: false as const, error }),
  );

describe('makeIdempotent: replaying a completed call', () => {
  it('runs fn on the first call and returns its result', async () => {
    const fn = vi.fn(async (order: { orderId: string }) => ({ confirmed: order.orderId }));
    const confirm = idempotent(fn);

    const result = await confirm({ orderId: 'o-1' });

    expect(result, 'the first call should return what fn returned').toEqual({ confirmed: 'o-1' });
    expect(fn, 'the first call should run fn exactly once').toHaveBeenCalledTimes(1);
  });

  it('returns the stored result on the second call without running fn again', async () => {
    const fn = vi.fn(async (order: { orderId: string }) => ({ confirmed: order.orderId }));
    const confirm = idempotent(fn);

    await confirm({ orderId: 'o-1' });
    const second = await confirm({ orderId: 'o-1' });

    expect(fn, 'fn ran twice for the same input: take the lock with a conditional PutItem and replay a COMPLETED record').toHaveBeenCalledTimes(1);
    expect(second, 'the second call should return the stored result').toEqual({ confirmed: 'o-1' });
  });

  it('replays the stored result as a JSON round trip (a Date comes back as its ISO string)', async () => {
    const placedAt = new Date(startMs);
    const confirm = idempotent(async () => ({ placedAt, totalCents: 1200 }));

    const first = await confirm({ orderId: 'o-1' });
    const second = await confirm({ orderId: 'o-1' });

    expect(first.placedAt, 'the first call returns fn\'s own value, untouched').toBeInstanceOf(Date);
    expect(second, 'the replay should be JSON.parse of the stored `data` (JSON.stringify of the result)').toEqual({
      placedAt: placedAt.toISOString(),
      totalCents: 1200,
    });
  });

  it('replays a call whose fn resolved to undefined without running fn again', async () => {
    const fn = vi.fn(async (_order: { orderId: string }): Promise<void> => undefined);
    const send = idempotent(fn);

    await send({ orderId: 'o-1' });
    const second = await send({ orderId: 'o-1' });

    expect(fn, 'a result of undefined still completes the record (JSON.stringify(undefined) is undefined: store no `data`)').toHaveBeenCalledTimes(1);
    expect(second).toBeUndefined();
  });

  it('replays for a wrapper made later, as another Lambda instance would: the table is the memory, not the process', async () => {
    await idempotent(async () => 'sent by instance A')({ orderId: 'o-1' });
    const fnOfInstanceB = vi.fn(async (_order: { orderId: string }) => 'sent by instance B');

    const result = await idempotent(fnOfInstanceB, { client: new DynamoDBClient({}) })({ orderId: 'o-1' });

    expect(fnOfInstanceB, 'a second wrapper must find the record in DynamoDB and not run its fn').not.toHaveBeenCalled();
    expect(result).toBe('sent by instance A');
  });
});

describe('makeIdempotent: the idempotency key', () => {
  it.each([
    { depth: 'at the top level', first: { a: 1, b: 2 }, second: { b: 2, a: 1 } },
    {
      depth: 'inside nested objects and arrays',
      first: { order: { id: 'o-1', lines: [{ sku: 'TEA', quantity: 2 }] }, customer: { id: 'c-1', tier: 'gold' } },
      second: { customer: { tier: 'gold', id: 'c-1' }, order: { lines: [{ quantity: 2, sku: 'TEA' }], id: 'o-1' } },
    },
  ])('gives inputs that differ only in key order one key, $depth', async ({ first, second }) => {
    const fn = vi.fn(async (_input: object) => 'done');
    const wrapped = idempotent(fn);

    await wrapped(first);
    await wrapped(second);

    expect(fn, 'sort object keys at every depth before hashing, so key order does not change the key').toHaveBeenCalledTimes(1);
    expect(await tables.scan('idempotency'), 'both calls should share one record').toHaveLength(1);
  });

  it.each([
    { differ: 'in a value', first: { a: 1 }, second: { a: 2 } },
    { differ: 'in array order (arrays keep their order)', first: { skus: ['TEA', 'CUP'] }, second: { skus: ['CUP', 'TEA'] } },
    { differ: 'in a nested value', first: { order: { quantity: 1 } }, second: { order: { quantity: 2 } } },
  ])('gives inputs that differ $differ different keys', async ({ first, second }) => {
    const fn = vi.fn(async (_input: object) => 'done');
    const wrapped = idempotent(fn);

    await wrapped(first);
    await wrapped(second);

    expect(fn, 'different inputs must get different keys, so each runs fn').toHaveBeenCalledTimes(2);
    expect(await tables.scan('idempotency'), 'each input should have its own record').toHaveLength(2);
  });

  it('uses the SHA-256 hex of the canonical JSON (keys sorted) as the record id', async () => {
    await idempotent(async () => 'done')({ sku: 'TEA', customer: { tier: 'gold', id: 'c-1' } });

    const [record] = await tables.scan('idempotency');

    expect(record?.id, 'id = sha256 hex of JSON.stringify with keys sorted at every depth').toBe(
      sha256Hex('{"customer":{"id":"c-1","tier":"gold"},"sku":"TEA"}'),
    );
  });

  it('uses keyOf(input) as the record id when it is given, ignoring the rest of the input', async () => {
    const fn = vi.fn(async (_order: { orderId: string; attempt: number }) => 'done');
    const wrapped = idempotent(fn, { keyOf: (order) => order.orderId });

    await wrapped({ orderId: 'o-1', attempt: 1 });
    await wrapped({ orderId: 'o-1', attempt: 2 });

    expect(fn, 'with keyOf, inputs with the same keyOf(input) share one record').toHaveBeenCalledTimes(1);
    expect(await tables.get('idempotency', { id: 'o-1' }), 'the record id should be keyOf(input) itself').toBeDefined();
  });
});

describe('makeIdempotent: the record in the table', () => {
  it('holds INPROGRESS while fn runs, with expiration in epoch SECONDS and inProgressExpiration in epoch MILLISECONDS', async () => {
    const held = heldOnFirstCall<{ orderId: string }, string>('done', 'done');
    const pending = idempotent(held.fn, { keyOf: (o) => o.orderId, expiresAfterSeconds: 600, inProgressTimeoutMs: 5_000 })({
      orderId: 'o-1',
    });
    await held.started;

    const record = await tables.get('idempotency', { id: 'o-1' });
    held.release();
    await pending;

    expect(record?.status, 'write the lock as status INPROGRESS before running fn').toBe('INPROGRESS');
    expect(record?.inProgressExpiration, 'inProgressExpiration = now() + inProgressTimeoutMs, in milliseconds').toBe(startMs + 5_000);
    expect(record?.expiration, 'expiration is epoch SECONDS: now() / 1000 + expiresAfterSeconds').toBeGreaterThanOrEqual(startEpochSeconds + 600);
    expect(record?.expiration, 'expiration is epoch SECONDS: now() / 1000 + expiresAfterSeconds').toBeLessThanOrEqual(startEpochSeconds + 601);
  });

  it('becomes COMPLETED with data = JSON of the result and expiration in epoch SECONDS', async () => {
    const result = { confirmed: 'o-1', totalCents: 1200 };
    await idempotent(async () => result, { keyOf: () => 'o-1', expiresAfterSeconds: 600 })({});

    const record = await tables.get('idempotency', { id: 'o-1' });

    expect(record?.status, 'when fn resolves, set status COMPLETED').toBe('COMPLETED');
    expect(typeof record?.data, 'store the result as a JSON string in `data`').toBe('string');
    expect(JSON.parse(String(record?.data)), '`data` should be JSON.stringify(result)').toEqual(result);
    expect(record?.expiration, 'expiration is epoch SECONDS (a TTL value), not milliseconds').toBeGreaterThanOrEqual(startEpochSeconds + 600);
    expect(record?.expiration, 'expiration is epoch SECONDS (a TTL value), not milliseconds').toBeLessThanOrEqual(startEpochSeconds + 601);
  });

  it('defaults to 3600 s to expire, 60000 ms in progress, and Date.now as the clock', async () => {
    const held = heldOnFirstCall<{ orderId: string }, string>('done', 'done');
    const beforeMs = Date.now();
    const pending = makeIdempotent(held.fn, { tableName: tables.name('idempotency'), keyOf: (o) => o.orderId })({ orderId: 'o-1' });
    await held.started;
    const afterMs = Date.now();

    const record = await tables.get('idempotency', { id: 'o-1' });
    held.release();
    await pending;

    expect(record?.status, 'write the lock as status INPROGRESS before running fn').toBe('INPROGRESS');
    expect(record?.inProgressExpiration, 'default: Date.now() + 60000 ms').toBeGreaterThanOrEqual(beforeMs + 60_000);
    expect(record?.inProgressExpiration, 'default: Date.now() + 60000 ms').toBeLessThanOrEqual(afterMs + 60_000);
    expect(record?.expiration, 'default: Date.now() / 1000 + 3600 s').toBeGreaterThanOrEqual(Math.floor(beforeMs / 1000) + 3600);
    expect(record?.expiration, 'default: Date.now() / 1000 + 3600 s').toBeLessThanOrEqual(Math.ceil(afterMs / 1000) + 3600);
  });
});

describe('makeIdempotent: expiry and the in-progress timeout', () => {
  it('still replays one millisecond before expiresAfterSeconds have passed', async () => {
    const fn = vi.fn(async (_order: { orderId: string }) => 'done');
    const wrapped = idempotent(fn, { expiresAfterSeconds: 60 });

    await wrapped({ orderId: 'o-1' });
    nowMs += 60_000 - 1;
    await wrapped({ orderId: 'o-1' });

    expect(fn, 'a record is valid until expiration (epoch seconds) has passed').toHaveBeenCalledTimes(1);
  });

  it('runs fn again once the record has expired, and stores the new result', async () => {
    let run = 0;
    const fn = vi.fn(async (_order: { orderId: string }) => `run ${++run}`);
    const wrapped = idempotent(fn, { keyOf: (o) => o.orderId, expiresAfterSeconds: 60 });

    await wrapped({ orderId: 'o-1' });
    nowMs += 61_000;
    const second = await wrapped({ orderId: 'o-1' });

    expect(fn, 'an expired record counts as absent: the condition should accept `expiration < now in seconds`').toHaveBeenCalledTimes(2);
    expect(second).toBe('run 2');
    expect(await tables.get('idempotency', { id: 'o-1' }), 'the new run should store its own result').toMatchObject({
      status: 'COMPLETED',
      data: JSON.stringify('run 2'),
    });
  });

  it.each([
    { elapsed: 'at once', elapsedMs: 0 },
    { elapsed: 'one millisecond before the in-progress timeout', elapsedMs: 4_999 },
  ])('rejects a second call with IdempotencyInProgressError $elapsed, without running fn', async ({ elapsedMs }) => {
    const held = heldOnFirstCall<{ orderId: string }, string>('first', 'second');
    const wrapped = idempotent(held.fn, { inProgressTimeoutMs: 5_000 });
    const first = wrapped({ orderId: 'o-1' });
    await held.started;

    nowMs += elapsedMs;
    const second = await outcomeOf(wrapped({ orderId: 'o-1' }));
    held.release();

    expect(second.fulfilled ? second.value : second.error, 'an INPROGRESS record inside its timeout means "busy": throw IdempotencyInProgressError').toBeInstanceOf(
      IdempotencyInProgressError,
    );
    expect(held.fn, 'fn must not run while another call holds the lock').toHaveBeenCalledTimes(1);
    expect(await first, 'the first call still finishes normally').toBe('first');
    expect(await wrapped({ orderId: 'o-1' }), 'once the first call completed, calls replay its result').toBe('first');
  });

  it('takes over an INPROGRESS record once inProgressTimeoutMs has passed (its instance died or timed out)', async () => {
    const held = heldOnFirstCall<{ orderId: string }, string>('first', 'second');
    const wrapped = idempotent(held.fn, { keyOf: (o) => o.orderId, inProgressTimeoutMs: 5_000 });
    const first = wrapped({ orderId: 'o-1' });
    await held.started;

    nowMs += 5_001;
    const second = await outcomeOf(wrapped({ orderId: 'o-1' }));
    const record = await tables.get('idempotency', { id: 'o-1' });
    held.release();
    await first;

    expect(second, 'past inProgressExpiration the condition should let the next call take the lock and run fn').toEqual({
      fulfilled: true,
      value: 'second',
    });
    expect(held.fn).toHaveBeenCalledTimes(2);
    expect(record, 'the take-over should complete the record with its own result').toMatchObject({
      status: 'COMPLETED',
      data: JSON.stringify('second'),
    });
  });

  describe('with a record another instance left in the table', () => {
    const seed = (record: Record<string, unknown>) => tables.put('idempotency', { id: 'o-1', ...record });
    const keyOf = (order: { orderId: string }) => order.orderId;

    it('replays a COMPLETED record that has not expired, without running fn', async () => {
      await seed({ status: 'COMPLETED', expiration: startEpochSeconds + 60, data: JSON.stringify({ sent: true }) });
      const fn = vi.fn(async (_order: { orderId: string }) => ({ sent: false }));

      const result = await idempotent(fn, { keyOf })({ orderId: 'o-1' });

      expect(fn, 'expiration is epoch SECONDS: compare it with now() / 1000').not.toHaveBeenCalled();
      expect(result, 'return JSON.parse(data) of the stored record').toEqual({ sent: true });
    });

    it('rejects with IdempotencyInProgressError for an INPROGRESS record inside its timeout, without running fn', async () => {
      await seed({ status: 'INPROGRESS', expiration: startEpochSeconds + 3600, inProgressExpiration: startMs + 1_000 });
      const fn = vi.fn(async (_order: { orderId: string }) => 'done');

      const outcome = await outcomeOf(idempotent(fn, { keyOf })({ orderId: 'o-1' }));

      expect(outcome.fulfilled ? outcome.value : outcome.error, 'inProgressExpiration is epoch MILLISECONDS: compare it with now()').toBeInstanceOf(
        IdempotencyInProgressError,
      );
      expect(fn).not.toHaveBeenCalled();
    });

    it.each([
      { state: 'COMPLETED but expired', record: { status: 'COMPLETED', expiration: startEpochSeconds - 1, data: '"old"' } },
      {
        state: 'INPROGRESS past its inProgressExpiration',
        record: { status: 'INPROGRESS', expiration: startEpochSeconds + 3600, inProgressExpiration: startMs - 1 },
      },
      {
        state: 'INPROGRESS but expired as a whole',
        record: { status: 'INPROGRESS', expiration: startEpochSeconds - 1, inProgressExpiration: startMs + 60_000 },
      },
    ])('runs fn when the record is $state', async ({ record }) => {
      await seed(record);
      const fn = vi.fn(async (_order: { orderId: string }) => 'fresh');

      const result = await idempotent(fn, { keyOf })({ orderId: 'o-1' });

      expect(fn, 'the lock condition: key absent OR expiration < now (s) OR (INPROGRESS AND inProgressExpiration < now (ms))').toHaveBeenCalledTimes(1);
      expect(result).toBe('fresh');
      expect(await tables.get('idempotency', { id: 'o-1' }), 'the run should complete the record with its own result').toMatchObject({
        status: 'COMPLETED',
        data: '"fresh"',
      });
    });
  });
});

describe('makeIdempotent: when fn fails', () => {
  it.each([
    { how: 'rejects', fail: (error: Error) => Promise.reject(error) },
    {
      how: 'throws synchronously',
      fail: (error: Error): Promise<never> => {
        throw error;
      },
    },
  ])('deletes the record and rethrows the same error when fn $how; the next call runs fn again and is then replayed', async ({ fail }) => {
    const boom = new Error('payment provider is down');
    const fn = vi.fn(async (_order: { orderId: string }) => 'paid').mockImplementationOnce(() => fail(boom));
    const pay = idempotent(fn);

    const first = await outcomeOf(pay({ orderId: 'o-1' }));
    const recordsAfterFailure = await tables.scan('idempotency');
    const second = await pay({ orderId: 'o-1' });
    const third = await pay({ orderId: 'o-1' });

    expect(first.fulfilled, 'the call should reject when fn throws').toBe(false);
    expect(first.fulfilled ? undefined : first.error, 'rethrow the very error fn threw (not a copy, not a wrapper)').toBe(boom);
    expect(recordsAfterFailure, 'delete the INPROGRESS record when fn throws, so a retry can run').toEqual([]);
    expect(second, 'after a failure the next call should run fn again').toBe('paid');
    expect(third, 'the successful retry completes the record as usual').toBe('paid');
    expect(fn, 'fn runs for the failed call and the retry, then the retry\'s result is replayed').toHaveBeenCalledTimes(2);
  });
});

describe('makeIdempotent: two instances racing on one key', () => {
  /** A fresh copy of the learner's module, as a cold-started Lambda instance would load it. */
  async function coldStart() {
    vi.resetModules();
    return import('./idempotency.js');
  }

  /**
   * Holds each client's first request until every client has sent one (or `open` is called),
   * so neither instance can see the other's write before making its own.
   */
  function sendFirstRequestsTogether(clients: DynamoDBClient[]) {
    const everyoneArrived = deferred<void>();
    let arrived = 0;
    for (const client of clients) {
      let first = true;
      client.middlewareStack.add(
        (next) => async (args) => {
          if (first) {
            first = false;
            arrived += 1;
            if (arrived === clients.length) everyoneArrived.resolve();
            await everyoneArrived.promise;
          }
          return next(args);
        },
        { step: 'initialize' },
      );
    }
    return { open: () => everyoneArrived.resolve() };
  }

  it('runs fn exactly once; the loser gets IdempotencyInProgressError or the stored result', async () => {
    const instances = [await coldStart(), await coldStart()];
    const clients = [new DynamoDBClient({}), new DynamoDBClient({})];
    const barrier = sendFirstRequestsTogether(clients);
    const held = heldOnFirstCall<{ orderId: string }, string>('charged once', 'charged TWICE');
    const wrappers = instances.map((instance, i) =>
      instance.makeIdempotent(held.fn, { tableName: tables.name('idempotency'), client: clients[i], now }),
    );

    const calls = wrappers.map((wrapped) => outcomeOf(wrapped({ orderId: 'o-1' })));
    const loserAnswered = Promise.race(calls); // the winner stays inside fn until release()
    await Promise.race([held.started, loserAnswered]);
    barrier.open(); // in case one instance never reached DynamoDB
    await loserAnswered;
    held.release();
    const outcomes = await Promise.all(calls);

    expect(held.fn, 'fn ran on both instances: the only guard that works across instances is the conditional PutItem').toHaveBeenCalledTimes(1);
    const winners = outcomes.filter((outcome) => outcome.fulfilled && outcome.value === 'charged once');
    expect(winners.length, 'one instance should run fn and return its result').toBeGreaterThanOrEqual(1);
    outcomes.forEach((outcome, i) => {
      if (outcome.fulfilled) {
        expect(outcome.value, 'a loser that resolves should return the stored result').toBe('charged once');
      } else {
        expect(outcome.error, 'a loser that rejects should reject with IdempotencyInProgressError').toBeInstanceOf(
          instances[i]!.IdempotencyInProgressError,
        );
      }
    });
  });
});

describe('makeIdempotent: talking to DynamoDB (aws-sdk-client-mock)', () => {
  let dynamo: AwsClientStub<DynamoDBClient>;
  beforeEach(() => {
    dynamo = mockClient(DynamoDBClient);
  });
  afterEach(() => {
    dynamo.restore();
  });

  const tableName = 'idempotency-mocked';
  const keyOf = (order: { orderId: string }) => order.orderId;
  const completedItem = marshall({ id: 'o-1', status: 'COMPLETED', expiration: startEpochSeconds + 60, data: '"stored"' });
  const conditionFailed = (Item?: typeof completedItem) =>
    new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {}, Item });

  it('takes the lock with its first request: one conditional PutItem asking for ALL_OLD, no read before it', async () => {
    dynamo.onAnyCommand().resolves({});

    await makeIdempotent(async () => 'done', { tableName, keyOf, now })({ orderId: 'o-1' });

    const firstRequest = dynamo.calls()[0]?.args[0];
    expect(firstRequest, 'a read before the write loses the race: the first request must be the PutItem').toBeInstanceOf(PutItemCommand);
    expect(dynamo, 'the lock PutItem needs a ConditionExpression and ReturnValuesOnConditionCheckFailure: ALL_OLD').toHaveReceivedNthCommandWith(
      PutItemCommand,
      1,
      {
        TableName: tableName,
        ConditionExpression: expect.any(String),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    );
  });

  it('reads the record with a strongly consistent GetItem when ConditionalCheckFailedException carries no Item', async () => {
    dynamo.on(PutItemCommand).rejects(conditionFailed());
    dynamo.on(GetItemCommand).resolves({ Item: completedItem });
    const fn = vi.fn(async (_order: { orderId: string }) => 'ran again');

    const result = await makeIdempotent(fn, { tableName, keyOf, now })({ orderId: 'o-1' });

    expect(result, 'the record read back is COMPLETED: return its stored result').toBe('stored');
    expect(fn).not.toHaveBeenCalled();
    expect(dynamo, 'without an Item on the error, read the record with GetItem and ConsistentRead: true').toHaveReceivedCommandWith(
      GetItemCommand,
      { TableName: tableName, Key: marshall({ id: 'o-1' }), ConsistentRead: true },
    );
  });

  it('uses the Item that comes with ConditionalCheckFailedException without reading again', async () => {
    dynamo.on(PutItemCommand).rejects(conditionFailed(completedItem));
    const fn = vi.fn(async (_order: { orderId: string }) => 'ran again');

    const result = await makeIdempotent(fn, { tableName, keyOf, now })({ orderId: 'o-1' });

    expect(result, 'the Item on the error is COMPLETED: return its stored result').toBe('stored');
    expect(fn).not.toHaveBeenCalled();
    expect(dynamo, 'AWS returns the old item with the error (ALL_OLD): no GetItem needed').not.toHaveReceivedCommand(GetItemCommand);
  });

  it('copes when the record vanished between the failed PutItem and the read: it runs fn once or reports in progress', async () => {
    dynamo.on(PutItemCommand).rejectsOnce(conditionFailed()).resolves({});
    dynamo.on(GetItemCommand).resolves({});
    const fn = vi.fn(async (_order: { orderId: string }) => 'done');

    const outcome = await outcomeOf(makeIdempotent(fn, { tableName, keyOf, now })({ orderId: 'o-1' }));

    if (outcome.fulfilled) {
      expect(outcome.value).toBe('done');
      expect(fn).toHaveBeenCalledTimes(1);
    } else {
      expect(outcome.error, 'GetItem found nothing: retry the lock or throw IdempotencyInProgressError, never crash').toBeInstanceOf(
        IdempotencyInProgressError,
      );
      expect(fn).not.toHaveBeenCalled();
    }
  });

  it('rejects without running fn when the lock PutItem is throttled', async () => {
    dynamo
      .on(PutItemCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: {} }));
    const fn = vi.fn(async (_order: { orderId: string }) => 'done');

    const outcome = await outcomeOf(makeIdempotent(fn, { tableName, keyOf, now })({ orderId: 'o-1' }));

    expect(outcome.fulfilled, 'only a ConditionalCheckFailedException means "someone else has it"; rethrow any other error').toBe(false);
    expect(fn, 'without the lock, fn must not run').not.toHaveBeenCalled();
  });
});
