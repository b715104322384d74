import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSequenceNumbers } from '../streams/stream-record.js';
import { Chaos, resolveSeed } from './chaos.js';
import { startLocalCloud, type LocalCloudOptions } from './index.js';
import { useLocalCloud } from './use-local-cloud.js';

// No SDK retries in these handlers: an injected error reaches the handler at once.
const client = () => new DynamoDBClient({ maxAttempts: 1 });

/**
 * Inventory, exactly once per order: the order id joins the sku's set of
 * applied orders in the same conditional update that takes the stock.
 */
async function inventory(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT') continue;
    const order = unmarshall(record.dynamodb!.NewImage as never);
    try {
      await client().send(
        new UpdateItemCommand({
          TableName: process.env.INVENTORY_TABLE,
          Key: marshall({ sku: order.sku }),
          UpdateExpression: 'ADD reserved :quantity, appliedOrders :order',
          ConditionExpression: 'attribute_not_exists(appliedOrders) OR NOT contains(appliedOrders, :id)',
          ExpressionAttributeValues: marshall({ ':quantity': order.quantity, ':order': new Set([order.orderId]), ':id': order.orderId }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) continue; // applied before: a duplicate
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb!.SequenceNumber! }] };
    }
  }
  return { batchItemFailures: [] };
}

const orders = Array.from({ length: 12 }, (_, n) => ({ orderId: `o-${n + 1}`, sku: n % 2 ? 'apple' : 'pear', quantity: n + 1 }));

/** One whole run: orders in, the stream delivered under chaos; returns what happened. */
async function runWithSeed(seed: number, options: LocalCloudOptions = {}) {
  const folder = await mkdtemp(path.join(tmpdir(), 'local-cloud-s3-'));
  const cloud = await startLocalCloud({
    tables: ['orders', 'inventory'],
    seed,
    chaos: { duplicateRate: 0.2, replayRate: 0.1, sdkErrorRate: 0.2 },
    startTime: new Date('2026-11-29T09:00:00Z'),
    s3Folder: folder,
    ...options,
  });
  cloud.applyEnv();
  try {
    cloud.subscribe('orders', inventory, { batchSize: 3, reportBatchItemFailures: true });
    for (const order of orders) await client().send(new PutItemCommand({ TableName: 'orders', Item: marshall(order) }));
    await cloud.drain();
    const reserved = await Promise.all(
      ['apple', 'pear'].map(async (sku) => {
        const { Item } = await client().send(new GetItemCommand({ TableName: 'inventory', Key: marshall({ sku }), ConsistentRead: true }));
        return unmarshall(Item ?? {}).reserved as number;
      }),
    );
    return { trace: JSON.stringify(cloud.trace.toJSON()), chaos: cloud.trace.ofType('chaos').length, reserved };
  } finally {
    await cloud.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

const expectedReserved = ['apple', 'pear'].map((sku) => orders.filter((order) => order.sku === sku).reduce((sum, order) => sum + order.quantity, 0));

describe('the same seed gives the same run', () => {
  it('replays a run event for event, and another seed gives another run', async () => {
    const first = await runWithSeed(7);
    const again = await runWithSeed(7);
    const other = await runWithSeed(8);
    expect(first.chaos, 'this seed must make some chaos to prove anything').toBeGreaterThan(0);
    expect(again.trace).toBe(first.trace);
    expect(other.trace).not.toBe(first.trace);
    // Duplicates, replays and errors, yet every order reserved its stock exactly once.
    for (const run of [first, again, other]) expect(run.reserved).toEqual(expectedReserved);
  }, 20_000); // three whole runs, about a second on an idle machine: a busy one needs headroom

  it('takes the seed from CHAOS_SEED when none is given, and says how to replay', () => {
    expect(resolveSeed(undefined, { CHAOS_SEED: '1234' })).toBe(1234);
    expect(resolveSeed(5, { CHAOS_SEED: '1234' })).toBe(5);
    expect(() => resolveSeed(undefined, { CHAOS_SEED: 'abc' })).toThrow(/CHAOS_SEED must be an integer/);
    expect(new Chaos(1234).replayHint('workshop/x.test.ts')).toBe(
      'Chaos seed=1234. Replay this run with: CHAOS_SEED=1234 npx vitest run workshop/x.test.ts',
    );
  });

  it('refuses rates that are not probabilities', () => {
    expect(() => new Chaos(1, { sdkErrorRate: 1.5 })).toThrow(/sdkErrorRate.*1.5/);
    expect(() => new Chaos(1, { duplicateRate: 0.6, replayRate: 0.5 })).toThrow(RangeError);
  });
});

describe('under chaos', () => {
  // The seed comes from CHAOS_SEED, or is random: a failure prints it and the replay command.
  const cloud = useLocalCloud({ tables: ['orders', 'inventory'], chaos: { duplicateRate: 0.3, replayRate: 0.2, sdkErrorRate: 0.3 } });

  it('delivers duplicates and replays, yet each key in order and every record at least once', async () => {
    const delivered: DynamoDBRecord[][] = [];
    cloud().subscribe('orders', async (event: DynamoDBStreamEvent) => {
      delivered.push(event.Records);
    }, { batchSize: 2 });
    for (let n = 0; n < 30; n++)
      await client().send(new PutItemCommand({ TableName: 'orders', Item: marshall({ orderId: `o-${n % 4}`, version: n }) }));
    await cloud().drain();

    const all = delivered.flat();
    const stream = cloud().streamRecords('orders');
    expect(all.length, 'chaos delivered some records more than once').toBeGreaterThan(stream.length);
    expect(new Set(all.map((record) => record.eventID))).toEqual(new Set(stream.map((record) => record.eventID)));
    for (const batch of delivered) {
      const inBatch = batch.map((record) => record.dynamodb!.SequenceNumber!);
      expect([...inBatch].sort(compareSequenceNumbers), 'a batch is in stream order').toEqual(inBatch);
    }
    // What a handler that ignores repeats sees, per key: every change, in order.
    const firstSeen = new Map<string, number[]>();
    const seen = new Set<string>();
    for (const record of all) {
      if (seen.has(record.eventID!)) continue;
      seen.add(record.eventID!);
      const key = record.dynamodb!.Keys!.orderId!.S!;
      firstSeen.set(key, [...(firstSeen.get(key) ?? []), Number(record.dynamodb!.NewImage!.version!.N)]);
    }
    for (const versions of firstSeen.values()) expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('fails some of the SDK calls handlers make, and none of the calls a test makes', async () => {
    // 40 orders: at a rate of 0.3, the chance that no call at all fails is below one in a million.
    const many = Array.from({ length: 40 }, (_, n) => ({ orderId: `o-${n + 1}`, sku: 'apple', quantity: 1 }));
    for (const order of many) await client().send(new PutItemCommand({ TableName: 'orders', Item: marshall(order) }));
    cloud().subscribe('orders', inventory, { reportBatchItemFailures: true, batchSize: 4 });
    await cloud().drain();
    const injected = cloud().trace.ofType('chaos').filter((event) => event.kind === 'sdk-error');
    expect(injected.length).toBeGreaterThan(0);
    expect(injected.every((event) => event.subject.startsWith('dynamodb UpdateItem inventory'))).toBe(true);
    expect(cloud().trace.ofType('retry').length).toBeGreaterThan(0);
    const { Item } = await client().send(new GetItemCommand({ TableName: 'inventory', Key: marshall({ sku: 'apple' }), ConsistentRead: true }));
    expect(unmarshall(Item!).reserved, 'each order reserved once, whatever failed').toBe(40);
  });
});
