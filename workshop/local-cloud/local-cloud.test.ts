import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { startLocalCloud } from './index.js';
import { useLocalCloud } from './use-local-cloud.js';

describe('startLocalCloud', () => {
  it('creates the kit tables, stream and bucket, and puts the environment back when it stops', async () => {
    const before = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    const folder = await mkdtemp(path.join(tmpdir(), 'local-cloud-s3-'));
    const cloud = await startLocalCloud({ tables: ['orders', 'shipments'], s3Folder: folder });
    try {
      expect(cloud.env).toMatchObject({ ORDERS_TABLE: 'orders', SHIPMENTS_TABLE: 'shipments', ORDER_EVENTS_STREAM: 'order-events', ARCHIVE_BUCKET: 'order-archive' });
      expect(cloud.env.INVENTORY_TABLE).toBeUndefined();
      expect(cloud.tableName('orders')).toBe('orders');
      expect(() => cloud.tableName('inventory')).toThrow(/not in this local cloud/);
      cloud.applyEnv();
      expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(cloud.env.AWS_ENDPOINT_URL_DYNAMODB);
    } finally {
      await cloud.stop();
      await rm(folder, { recursive: true, force: true });
    }
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(before);
    expect(process.env.ORDERS_TABLE).toBeUndefined();
  });
});

describe('useLocalCloud', () => {
  const seen: string[] = [];
  beforeEach(() => void (seen.length = 0));
  const shipping = async (event: DynamoDBStreamEvent) => {
    seen.push(...event.Records.map((record) => record.dynamodb!.Keys!.orderId!.S!));
  };

  // #region use-local-cloud
  const cloud = useLocalCloud({ tables: ['orders'] });
  // Built once, as Lambda code builds its clients: it keeps the endpoint of its first call.
  const dynamodb = new DynamoDBClient({});

  it.each(['o-1', 'o-2'])('gives each test a fresh cloud at the same address (%s)', async (orderId) => {
    const subscription = cloud().subscribe('orders', shipping, { batchSize: 10, maximumRetryAttempts: 2 });
    await dynamodb.send(new PutItemCommand({ TableName: process.env.ORDERS_TABLE, Item: marshall({ orderId }) }));
    await cloud().drain();
    expect(seen).toEqual([orderId]); // this test's order only: the cloud is new
    expect(subscription.failures).toEqual([]); // nothing on the on-failure list
  });
  // #endregion use-local-cloud
});
