import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { compareSequenceNumbers } from '../streams/stream-record.js';
import { SubscriberStuckError } from './errors.js';
import type { MappingOptions } from './event-source-mapping.js';
import { useLocalCloud } from './use-local-cloud.js';

const cloud = useLocalCloud({ tables: ['orders'], startTime: new Date('2026-11-29T09:00:00Z') });
const db = new DynamoDBClient({});

async function placeOrders(count: number, from = 1): Promise<void> {
  for (let n = from; n < from + count; n++) await db.send(new PutItemCommand({ TableName: 'orders', Item: marshall({ orderId: `o-${n}` }) }));
}

const idOf = (record: DynamoDBRecord) => record.dynamodb!.Keys!.orderId!.S!;
const sequenceNumberOf = (record: DynamoDBRecord) => record.dynamodb!.SequenceNumber!;

/** A handler that remembers every batch it was given (as order ids) and answers as told. */
function recorder(answer: (event: DynamoDBStreamEvent, call: number) => DynamoDBBatchResponse | void = () => undefined) {
  const batches: string[][] = [];
  const handler = async (event: DynamoDBStreamEvent) => {
    batches.push(event.Records.map(idOf));
    return answer(event, batches.length);
  };
  return { batches, handler };
}

const subscribe = (handler: (event: DynamoDBStreamEvent) => unknown, options: MappingOptions = {}) =>
  cloud().subscribe('orders', handler as never, { name: 'test-subscriber', ...options });

describe('delivery', () => {
  it('delivers every record once, in order, in batches of batchSize', async () => {
    const { batches, handler } = recorder();
    subscribe(handler, { batchSize: 2 });
    await placeOrders(5);
    await cloud().drain();
    expect(batches).toEqual([['o-1', 'o-2'], ['o-3', 'o-4'], ['o-5']]);

    await placeOrders(1, 6);
    await cloud().drain();
    expect(batches.at(-1)).toEqual(['o-6']);
  });

  it('defaults to batches of 100 and starts from the oldest record (TRIM_HORIZON)', async () => {
    await placeOrders(101);
    const { batches, handler } = recorder();
    subscribe(handler);
    await cloud().drain();
    expect(batches.map((batch) => batch.length)).toEqual([100, 1]);
  });

  it('with LATEST, sees only records written after subscribing', async () => {
    await placeOrders(2);
    const { batches, handler } = recorder();
    subscribe(handler, { startingPosition: 'LATEST' });
    await placeOrders(1, 3);
    await cloud().drain();
    expect(batches).toEqual([['o-3']]);
  });

  it('hands each invocation its own copy of the records', async () => {
    await placeOrders(1);
    subscribe(async (event: DynamoDBStreamEvent) => {
      event.Records[0]!.dynamodb!.Keys = {};
    });
    const { batches, handler } = recorder();
    subscribe(handler);
    await cloud().drain();
    expect(batches).toEqual([['o-1']]);
  });

  it('rejects settings Lambda would refuse, quoting the value', () => {
    expect(() => subscribe(async () => {}, { batchSize: 0 })).toThrow(/batchSize.*received 0/);
    expect(() => subscribe(async () => {}, { maximumRetryAttempts: -2 })).toThrow(/maximumRetryAttempts.*received -2/);
    expect(() => cloud().subscribe('nope', async () => {})).toThrow(/has no stream/);
  });
});

describe('when the handler throws', () => {
  it('retries the whole batch, then gives its position to the on-failure list', async () => {
    const { batches, handler } = recorder(() => {
      throw new Error('provider down');
    });
    const subscription = subscribe(handler, { batchSize: 3, maximumRetryAttempts: 2 });
    await placeOrders(4);
    await cloud().drain();

    expect(batches, 'each batch: 1 attempt + 2 retries').toEqual([
      ...Array(3).fill(['o-1', 'o-2', 'o-3']),
      ...Array(3).fill(['o-4']),
    ]);
    const records = cloud().streamRecords('orders');
    expect(subscription.failures).toHaveLength(2);
    expect(subscription.failures[0]).toEqual({
      requestContext: {
        requestId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        functionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:test-subscriber',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 3,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-11-29T09:00:00.000Z',
      DDBStreamBatchInfo: {
        shardId: expect.stringMatching(/^shardId-\d{20}-[0-9a-f]{8}$/),
        startSequenceNumber: sequenceNumberOf(records[0]!),
        endSequenceNumber: sequenceNumberOf(records[2]!),
        approximateArrivalOfFirstRecord: '2026-11-29T09:00:00Z',
        approximateArrivalOfLastRecord: '2026-11-29T09:00:00Z',
        batchSize: 3,
        streamArn: records[0]!.eventSourceARN,
      },
    });
  });

  it('with maximumRetryAttempts 0, tries once', async () => {
    const { batches, handler } = recorder(() => {
      throw new Error('boom');
    });
    const subscription = subscribe(handler, { maximumRetryAttempts: 0 });
    await placeOrders(2);
    await cloud().drain();
    expect(batches).toEqual([['o-1', 'o-2']]);
    expect(subscription.failures[0]!.requestContext.approximateInvokeCount).toBe(1);
  });

  it('bisects a failing batch until the poison record is alone; splitting costs no retry', async () => {
    const { batches, handler } = recorder((event) => {
      if (event.Records.some((record) => idOf(record) === 'o-6')) throw new Error('poison');
    });
    const subscription = subscribe(handler, { batchSize: 8, bisectBatchOnFunctionError: true, maximumRetryAttempts: 1 });
    await placeOrders(8);
    await cloud().drain();

    expect(batches).toEqual([
      ['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6', 'o-7', 'o-8'],
      ['o-1', 'o-2', 'o-3', 'o-4'],
      ['o-5', 'o-6', 'o-7', 'o-8'],
      ['o-5', 'o-6'],
      ['o-5'],
      ['o-6'],
      ['o-6'], // the one retry maximumRetryAttempts allows
      ['o-7', 'o-8'],
    ]);
    expect(subscription.failures.map((failure) => failure.DDBStreamBatchInfo.batchSize)).toEqual([1]);
    expect(subscription.failures[0]!.DDBStreamBatchInfo.startSequenceNumber).toBe(sequenceNumberOf(cloud().streamRecords('orders')[5]!));
  });
});

describe('ReportBatchItemFailures', () => {
  it('redelivers from the LOWEST reported sequence number, compared as BigInt', async () => {
    await placeOrders(12);
    const records = cloud().streamRecords('orders');
    // o-8 has a 21-digit sequence number, o-10 a 22-digit one: as strings, "10…" < "99…".
    const [short, long] = [sequenceNumberOf(records[7]!), sequenceNumberOf(records[9]!)];
    expect(short.length).toBeLessThan(long.length);
    expect(compareSequenceNumbers(short, long)).toBe(-1);

    const { batches, handler } = recorder((_event, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: long }, { itemIdentifier: short }] } : { batchItemFailures: [] },
    );
    subscribe(handler, { batchSize: 12, reportBatchItemFailures: true });
    await cloud().drain();
    expect(batches[1]).toEqual(['o-8', 'o-9', 'o-10', 'o-11', 'o-12']);
    expect(batches).toHaveLength(2);
  });

  it.each([
    ['an empty itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null itemIdentifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a wrongly named key', { batchItemFailures: [{ itemId: 'x' }] }],
    ['an itemIdentifier that is not in the batch', { batchItemFailures: [{ itemIdentifier: '123456789012345678901' }] }],
  ])('fails the whole batch for %s', async (_case, answer) => {
    const { batches, handler } = recorder((_event, call) => (call === 1 ? (answer as never) : undefined));
    subscribe(handler, { reportBatchItemFailures: true });
    await placeOrders(3);
    await cloud().drain();
    expect(batches).toEqual([
      ['o-1', 'o-2', 'o-3'],
      ['o-1', 'o-2', 'o-3'],
    ]);
  });

  it.each([
    ['an empty list', { batchItemFailures: [] }],
    ['a null list', { batchItemFailures: null }],
    ['an empty answer', {}],
    ['no answer', undefined],
  ])('counts %s as full success', async (_case, answer) => {
    const { batches, handler } = recorder(() => answer as never);
    subscribe(handler, { reportBatchItemFailures: true });
    await placeOrders(2);
    await cloud().drain();
    expect(batches).toEqual([['o-1', 'o-2']]);
  });

  it('ignores the answer when ReportBatchItemFailures is off', async () => {
    const { batches, handler } = recorder((event) => ({ batchItemFailures: [{ itemIdentifier: sequenceNumberOf(event.Records[0]!) }] }));
    subscribe(handler);
    await placeOrders(2);
    await cloud().drain();
    expect(batches).toHaveLength(1);
  });

  it('puts only the records from the reported one on the on-failure list', async () => {
    const { batches, handler } = recorder((event) => ({ batchItemFailures: [{ itemIdentifier: sequenceNumberOf(event.Records.at(-1)!) }] }));
    const subscription = subscribe(handler, { reportBatchItemFailures: true, maximumRetryAttempts: 1 });
    await placeOrders(3);
    await cloud().drain();
    expect(batches).toEqual([['o-1', 'o-2', 'o-3'], ['o-3']]);
    expect(subscription.failures[0]).toMatchObject({
      requestContext: { approximateInvokeCount: 2 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      DDBStreamBatchInfo: { batchSize: 1, startSequenceNumber: sequenceNumberOf(cloud().streamRecords('orders')[2]!) },
    });
    expect(subscription.failures[0]!.responseContext.functionError, 'the function answered; it did not throw').toBeUndefined();
  });
});

describe('independent subscribers', () => {
  it('each keeps its own position: one that keeps failing never stalls another', async () => {
    const healthy = recorder();
    const failing = recorder(() => {
      throw new Error('always');
    });
    subscribe(failing.handler, { name: 'failing' });
    subscribe(healthy.handler, { name: 'healthy', batchSize: 1 });
    await placeOrders(3);

    const drained = cloud().drain({ stuckAfterAttempts: 10 });
    await expect(drained).rejects.toThrow(SubscriberStuckError);
    await expect(drained).rejects.toThrow(/"failing" failed 10 times in a row.*always/);
    expect(healthy.batches).toEqual([['o-1'], ['o-2'], ['o-3']]);
    expect(failing.batches).toHaveLength(10);
  });

  it('a stuck subscriber tries again on the next drain', async () => {
    let up = false;
    const { batches, handler } = recorder(() => {
      if (!up) throw new Error('provider down');
    });
    subscribe(handler);
    await placeOrders(1);
    await expect(cloud().drain({ stuckAfterAttempts: 3 })).rejects.toThrow(SubscriberStuckError);
    up = true;
    await cloud().drain();
    expect(batches).toHaveLength(4);
  });
});

describe('filter criteria', () => {
  it('skips records no pattern matches, for good, and moves on', async () => {
    const { batches, handler } = recorder();
    subscribe(handler, { filterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { NewImage: { orderId: { S: ['o-2', { prefix: 'o-1' }] } } } }) }] } });
    await placeOrders(12);
    await cloud().drain();
    expect(batches).toEqual([['o-1', 'o-2', 'o-10', 'o-11', 'o-12']]);
    expect(cloud().trace.ofType('filtered')).toHaveLength(7);
    await cloud().drain();
    expect(batches).toHaveLength(1);
  });
});
