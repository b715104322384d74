/**
 * Real DynamoDB tables for a test, on the local dynalite.
 *
 *   const tables = useTables('orders');
 *   it('…', async () => {
 *     await handler(event);                         // reads process.env.ORDERS_TABLE
 *     expect(await tables.get('orders', { orderId })).toMatchObject({ … });
 *   });
 *
 * Before each test every named table is created afresh under a new name and
 * its environment variable (ORDERS_TABLE, …) points at it; after the test it is
 * deleted. So each test starts from empty tables and sees nobody else's items.
 */
import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeEach } from 'vitest';
import { kitTables, type KitTableName } from '../tables.js';

export type Item = Record<string, unknown>;

export interface TestTables<T extends KitTableName> {
  /** The current test's name for a table, for example `orders-3f2a…`. */
  name(table: T): string;
  /** A client for the local DynamoDB, for arranging and checking state. */
  readonly client: DynamoDBClient;
  put(table: T, item: Item): Promise<void>;
  /** Reads an item with a strongly consistent read; `undefined` when absent. */
  get(table: T, key: Item): Promise<Item | undefined>;
  /** Every item of the table (fine for the few items a test writes). */
  scan(table: T): Promise<Item[]>;
}

/**
 * dynalite answers CreateTable with CREATING and turns the table ACTIVE a tick
 * later; a write in between fails with ResourceNotFoundException. Ask until it
 * is ACTIVE (each round trip gives dynalite that tick; no timers, so tests with
 * fake timers still work).
 */
async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
  }
  throw new Error(`Table ${tableName} did not become ACTIVE on the local DynamoDB`);
}

export function useTables<T extends KitTableName>(...tables: T[]): TestTables<T> {
  const client = new DynamoDBClient({});
  const names = new Map<T, string>();

  beforeEach(async () => {
    for (const table of tables) {
      const declaration = kitTables[table];
      const name = `${table}-${randomUUID()}`;
      await client.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: declaration.key, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: declaration.key, KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await waitUntilActive(client, name);
      names.set(table, name);
      process.env[declaration.envVar] = name;
    }
  });

  afterEach(async () => {
    for (const [table, name] of names) {
      await client.send(new DeleteTableCommand({ TableName: name }));
      delete process.env[kitTables[table].envVar];
    }
    names.clear();
  });

  const name = (table: T): string => {
    const current = names.get(table);
    if (!current) throw new Error(`Table "${table}" is only there while a test runs (inside it/test).`);
    return current;
  };

  return {
    name,
    client,
    async put(table, item) {
      await client.send(new PutItemCommand({ TableName: name(table), Item: marshall(item, { removeUndefinedValues: true }) }));
    },
    async get(table, key) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: name(table), Key: marshall(key), ConsistentRead: true }),
      );
      return Item ? unmarshall(Item) : undefined;
    },
    async scan(table) {
      const { Items = [] } = await client.send(new ScanCommand({ TableName: name(table), ConsistentRead: true }));
      return Items.map((item) => unmarshall(item));
    },
  };
}
