import {
  DeleteItemCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { ttlUserIdentity } from '../streams/stream-record.js';
import { maxExpiredAgeSeconds } from './ttl.js';
import { useLocalCloud } from './use-local-cloud.js';

const start = new Date('2026-11-29T09:00:00Z');
const startSeconds = start.getTime() / 1000;
const day = 24 * 60 * 60;
const cloud = useLocalCloud({ tables: ['orders', 'inventory'], startTime: start });
const db = new DynamoDBClient({});

const put = (item: Record<string, unknown>, TableName = 'orders') => db.send(new PutItemCommand({ TableName, Item: marshall(item) }));
const exists = async (orderId: string) =>
  (await db.send(new GetItemCommand({ TableName: 'orders', Key: marshall({ orderId }), ConsistentRead: true }))).Item !== undefined;
const removals = () => cloud().streamRecords('orders').filter((record) => record.eventName === 'REMOVE');

describe('UpdateTimeToLive and DescribeTimeToLive', () => {
  it('tells the TTL of a kit table, enables and disables it, as DynamoDB answers', async () => {
    const describeTtl = async (TableName: string) => (await db.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;
    expect(await describeTtl('orders')).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    expect(await describeTtl('inventory')).toEqual({ TimeToLiveStatus: 'DISABLED' });

    const enable = new UpdateTimeToLiveCommand({ TableName: 'inventory', TimeToLiveSpecification: { AttributeName: 'gone', Enabled: true } });
    expect((await db.send(enable)).TimeToLiveSpecification).toEqual({ AttributeName: 'gone', Enabled: true });
    expect(await describeTtl('inventory')).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'gone' });
    await expect(db.send(enable)).rejects.toThrow(/already enabled/);

    await db.send(new UpdateTimeToLiveCommand({ TableName: 'inventory', TimeToLiveSpecification: { AttributeName: 'gone', Enabled: false } }));
    expect(await describeTtl('inventory')).toEqual({ TimeToLiveStatus: 'DISABLED' });
    await expect(describeTtl('no-such-table')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('the clock and the sweep', () => {
  it('deletes an item once its TTL has passed, with a REMOVE record that names DynamoDB as the user', async () => {
    await put({ orderId: 'o-1', expiresAt: startSeconds + 30 * day });
    await cloud().clock.advanceBy(29 * day * 1000);
    expect(await exists('o-1'), 'not expired yet').toBe(true);

    await cloud().clock.advanceBy(2 * day * 1000);
    expect(await exists('o-1')).toBe(false);
    const [removal] = removals();
    expect(removal!.userIdentity).toEqual(ttlUserIdentity);
    expect(removal!.dynamodb!.OldImage).toEqual(marshall({ orderId: 'o-1', expiresAt: startSeconds + 30 * day }));
    expect(removal!.dynamodb!.ApproximateCreationDateTime).toBe(startSeconds + 31 * day);
  });

  it('never expires a value in milliseconds: it lies thousands of years ahead, as on AWS', async () => {
    await put({ orderId: 'o-ms', expiresAt: start.getTime() + 30 * day * 1000 });
    await cloud().clock.advanceBy(365 * day * 1000);
    expect(await exists('o-ms')).toBe(true);
    expect(removals()).toEqual([]);
  });

  it('ignores TTL values that are not a Number, and those more than five years in the past', async () => {
    await put({ orderId: 'o-text', expiresAt: String(startSeconds - day) });
    await put({ orderId: 'o-ancient', expiresAt: startSeconds - maxExpiredAgeSeconds - day });
    await put({ orderId: 'o-none' });
    await cloud().clock.advanceBy(1000);
    expect(await Promise.all(['o-text', 'o-ancient', 'o-none'].map(exists))).toEqual([true, true, true]);
  });

  it('marks only its own deletions: a user delete has no userIdentity', async () => {
    await put({ orderId: 'o-1', expiresAt: startSeconds + day });
    await put({ orderId: 'o-2', expiresAt: startSeconds + day });
    await db.send(new DeleteItemCommand({ TableName: 'orders', Key: marshall({ orderId: 'o-2' }) }));
    await cloud().clock.advanceTo(new Date(start.getTime() + 2 * day * 1000));
    expect(removals().map((record) => [record.dynamodb!.Keys!.orderId!.S, record.userIdentity])).toEqual([
      ['o-2', undefined],
      ['o-1', ttlUserIdentity],
    ]);
  });

  it('keeps an item whose TTL was extended before the clock passed it', async () => {
    await put({ orderId: 'o-1', expiresAt: startSeconds + day });
    await db.send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: marshall({ orderId: 'o-1' }),
        UpdateExpression: 'SET expiresAt = :later',
        ExpressionAttributeValues: marshall({ ':later': startSeconds + 10 * day }),
      }),
    );
    await cloud().clock.advanceBy(2 * day * 1000);
    expect(await exists('o-1')).toBe(true);
  });

  it('only moves forward', async () => {
    await expect(cloud().clock.advanceTo(new Date(start.getTime() - 1))).rejects.toThrow(RangeError);
    await expect(cloud().clock.advanceBy(-5)).rejects.toThrow(RangeError);
  });
});
