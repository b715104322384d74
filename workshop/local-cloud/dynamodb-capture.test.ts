import zlib from 'node:zlib';
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { compareSequenceNumbers, type StreamViewType } from '../streams/stream-record.js';
import { kitTables } from '../tables.js';
import { useLocalCloud } from './use-local-cloud.js';
import { createKitTable } from './create-kit-table.js';

const cloud = useLocalCloud({ tables: ['orders', 'inventory'], startTime: new Date('2026-11-29T09:00:00Z') });
const db = () => new DynamoDBClient({});
const order = { orderId: 'o-1', status: 'PLACED', totalCents: 1200 };

const put = (item: Record<string, unknown>, table = 'orders') => db().send(new PutItemCommand({ TableName: table, Item: marshall(item) }));
const records = (table = 'orders') => cloud().streamRecords(table);
const newItems = (table = 'orders') => records(table).map((record) => record.dynamodb?.NewImage && unmarshall(record.dynamodb.NewImage as never));

/** A table like orders, with another stream view type. */
const createTableWithStream = (name: string, viewType: StreamViewType) => createKitTable(db(), name, { ...kitTables.orders, stream: viewType });

describe('a stream record for every change', () => {
  it('records INSERT, MODIFY and REMOVE shaped as Lambda receives them', async () => {
    await put(order);
    await db().send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: marshall({ orderId: 'o-1' }),
        UpdateExpression: 'SET #status = :cancelled',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: marshall({ ':cancelled': 'CANCELLED' }),
      }),
    );
    await db().send(new DeleteItemCommand({ TableName: 'orders', Key: marshall({ orderId: 'o-1' }) }));

    const [insert, modify, remove] = records();
    expect(records().map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(insert).toMatchObject({
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ap-northeast-1',
      eventSourceARN: 'arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders/stream/2026-11-29T09:00:00.000',
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2026-11-29T09:00:00Z') / 1000,
        Keys: { orderId: { S: 'o-1' } },
        NewImage: marshall(order),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(insert!.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(insert!.dynamodb!.SizeBytes).toBeGreaterThan(0);
    expect(unmarshall(modify!.dynamodb!.OldImage as never)).toEqual(order);
    expect(unmarshall(modify!.dynamodb!.NewImage as never)).toEqual({ ...order, status: 'CANCELLED' });
    expect(remove!.dynamodb!.NewImage).toBeUndefined();
    expect(unmarshall(remove!.dynamodb!.OldImage as never)).toEqual({ ...order, status: 'CANCELLED' });
    expect(remove!.userIdentity, 'only TTL deletions carry a userIdentity').toBeUndefined();
  });

  it.each([
    ['KEYS_ONLY', false, false],
    ['NEW_IMAGE', true, false],
    ['OLD_IMAGE', false, true],
    ['NEW_AND_OLD_IMAGES', true, true],
  ] as const)('%s: a MODIFY carries the new image: %s, the old image: %s', async (viewType, hasNew, hasOld) => {
    const table = `view-${viewType.toLowerCase()}`;
    await createTableWithStream(table, viewType);
    await put(order, table);
    await put({ ...order, status: 'SHIPPED' }, table);

    const modify = records(table)[1]!;
    expect(modify.eventName).toBe('MODIFY');
    expect(modify.dynamodb!.StreamViewType).toBe(viewType);
    expect(modify.dynamodb!.Keys).toEqual({ orderId: { S: 'o-1' } });
    expect(modify.dynamodb!.NewImage !== undefined, 'NewImage').toBe(hasNew);
    expect(modify.dynamodb!.OldImage !== undefined, 'OldImage').toBe(hasOld);
  });

  it('stores what DynamoDB stores: numbers come back normalised in the new image', async () => {
    await db().send(new PutItemCommand({ TableName: 'orders', Item: { orderId: { S: 'o-1' }, totalCents: { N: '01200.0' } } }));
    expect(records()[0]!.dynamodb!.NewImage).toEqual({ orderId: { S: 'o-1' }, totalCents: { N: '1200' } });
  });

  it('gives sequence numbers that grow, compared as BigInt, even when they get longer', async () => {
    for (let n = 0; n < 12; n++) await put({ ...order, orderId: `o-${n}` });
    const sequenceNumbers = records().map((record) => record.dynamodb!.SequenceNumber!);
    expect(new Set(sequenceNumbers.map((s) => s.length)).size, 'the kit crosses a length boundary early on purpose').toBeGreaterThan(1);
    for (let n = 1; n < sequenceNumbers.length; n++) expect(compareSequenceNumbers(sequenceNumbers[n]!, sequenceNumbers[n - 1]!)).toBe(1);
  });

  it('shows the stream in DescribeTable, and passes other operations straight through', async () => {
    await put(order);
    const { Table } = await db().send(new DescribeTableCommand({ TableName: 'orders' }));
    expect(Table).toMatchObject({ StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    const { Items } = await db().send(
      new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'orderId = :id', ExpressionAttributeValues: marshall({ ':id': 'o-1' }) }),
    );
    expect(Items?.map((item) => unmarshall(item))).toEqual([order]);
    expect(Table!.LatestStreamArn).toBe(records()[0]!.eventSourceARN);
  });
});

describe('no record for a write that changes nothing', () => {
  it('writing the same item again, attributes and set members in another order', async () => {
    await db().send(new PutItemCommand({ TableName: 'orders', Item: { orderId: { S: 'o-1' }, tags: { SS: ['a', 'b'] }, status: { S: 'PLACED' } } }));
    await db().send(new PutItemCommand({ TableName: 'orders', Item: { status: { S: 'PLACED' }, tags: { SS: ['b', 'a'] }, orderId: { S: 'o-1' } } }));
    await db().send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: marshall({ orderId: 'o-1' }),
        UpdateExpression: 'SET #status = :same',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: marshall({ ':same': 'PLACED' }),
      }),
    );
    expect(records().map((record) => record.eventName)).toEqual(['INSERT']);
  });

  it('deleting an item that is not there', async () => {
    await db().send(new DeleteItemCommand({ TableName: 'orders', Key: marshall({ orderId: 'nobody' }) }));
    expect(records()).toEqual([]);
  });

  it('a conditional write whose condition fails', async () => {
    await put(order);
    await expect(
      db().send(new PutItemCommand({ TableName: 'orders', Item: marshall({ ...order, status: 'X' }), ConditionExpression: 'attribute_not_exists(orderId)' })),
    ).rejects.toThrow(/conditional request failed/i);
    expect(records()).toHaveLength(1);
  });

  it('writes to a table without a stream', async () => {
    await put({ sku: 'apple', stock: 3 }, 'inventory');
    expect(records('inventory')).toEqual([]);
  });
});

describe('what the client asked for is what it gets', () => {
  it('returns no Attributes unless asked, even though the capture asked for them', async () => {
    const first = await put(order);
    expect(first.Attributes).toBeUndefined();
    const second = await db().send(new PutItemCommand({ TableName: 'orders', Item: marshall({ ...order, totalCents: 5 }), ReturnValues: 'ALL_OLD' }));
    expect(unmarshall(second.Attributes!)).toEqual(order);
    const update = await db().send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: marshall({ orderId: 'o-1' }),
        UpdateExpression: 'ADD totalCents :one',
        ExpressionAttributeValues: marshall({ ':one': 1 }),
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    expect(unmarshall(update.Attributes!)).toEqual({ totalCents: 6 });
    const removed = await db().send(new DeleteItemCommand({ TableName: 'orders', Key: marshall({ orderId: 'o-1' }) }));
    expect(removed.Attributes).toBeUndefined();
    expect(newItems().map((item) => item?.totalCents)).toEqual([1200, 5, 6, undefined]);
  });

  it('answers a rewritten body with a matching length and CRC32, as DynamoDB does', async () => {
    const body = JSON.stringify({ TableName: 'orders', Item: marshall(order) });
    const response = await fetch(cloud().env.AWS_ENDPOINT_URL_DYNAMODB!, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.PutItem',
        'x-amz-date': '20261129T090000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261129/ap-northeast-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc',
      },
      body,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(JSON.parse(bytes.toString())).toEqual({});
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('x-amz-crc32')).toBe(String(zlib.crc32(bytes)));
  });
});

describe('BatchWriteItem', () => {
  it('gives one record per changed item, in request order', async () => {
    await put({ orderId: 'o-2', status: 'PLACED' });
    await put({ orderId: 'o-4', status: 'PLACED' });
    await db().send(
      new BatchWriteItemCommand({
        RequestItems: {
          orders: [
            { PutRequest: { Item: marshall({ orderId: 'o-3', status: 'PLACED' }) } },
            { DeleteRequest: { Key: marshall({ orderId: 'o-2' }) } },
            { PutRequest: { Item: marshall({ orderId: 'o-4', status: 'PLACED' }) } }, // unchanged
            { PutRequest: { Item: marshall({ orderId: 'o-1', status: 'PLACED' }) } },
            { DeleteRequest: { Key: marshall({ orderId: 'o-9' }) } }, // not there
          ],
          inventory: [{ PutRequest: { Item: marshall({ sku: 'apple', stock: 1 }) } }],
        },
      }),
    );
    const batch = records().slice(2);
    expect(batch.map((record) => `${record.eventName} ${record.dynamodb!.Keys!.orderId!.S}`)).toEqual(['INSERT o-3', 'REMOVE o-2', 'INSERT o-1']);
  });

  it('records nothing for a batch DynamoDB refuses', async () => {
    const duplicate = { PutRequest: { Item: marshall(order) } };
    await expect(db().send(new BatchWriteItemCommand({ RequestItems: { orders: [duplicate, duplicate] } }))).rejects.toThrow(/duplicates/);
    expect(records()).toEqual([]);
  });
});

describe('many writers at once', () => {
  it('keeps exactly one record per change, each item in order, images chained', async () => {
    const items = ['o-1', 'o-2', 'o-3'];
    const writesPerItem = 15;
    const clients = Array.from({ length: 5 }, () => db());
    await Promise.all(
      items.flatMap((orderId) =>
        Array.from({ length: writesPerItem }, (_, n) => {
          const client = clients[n % clients.length]!;
          if (n % 3 === 0) return client.send(new PutItemCommand({ TableName: 'orders', Item: marshall({ orderId, writer: n, count: 1000 + n }) }));
          return client.send(
            new UpdateItemCommand({
              TableName: 'orders',
              Key: marshall({ orderId }),
              UpdateExpression: 'SET writer = :n ADD #count :one',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: marshall({ ':n': n, ':one': 1 }),
            }),
          );
        }),
      ),
    );

    const all = records();
    expect(all).toHaveLength(items.length * writesPerItem);
    for (const orderId of items) {
      const mine = all.filter((record) => record.dynamodb!.Keys!.orderId!.S === orderId);
      expect(mine).toHaveLength(writesPerItem);
      expect(mine[0]!.eventName).toBe('INSERT');
      // Each change starts from where the previous one left the item: nothing lost, nothing out of order.
      for (let n = 1; n < mine.length; n++) expect(mine[n]!.dynamodb!.OldImage).toEqual(mine[n - 1]!.dynamodb!.NewImage);
      expect(mine.map((record) => record.dynamodb!.NewImage!.writer!.N).sort()).toEqual(
        Array.from({ length: writesPerItem }, (_, n) => String(n)).sort(),
      );
    }
    const sequenceNumbers = all.map((record: DynamoDBRecord) => record.dynamodb!.SequenceNumber!);
    expect([...sequenceNumbers].sort(compareSequenceNumbers)).toEqual(sequenceNumbers);
  });
});
