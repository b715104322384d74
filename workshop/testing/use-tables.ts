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
  DeleteTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeEach } from 'vitest';
import { createKitTable } from '../local-cloud/create-kit-table.js';
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

export function useTables<T extends KitTableName>(...tables: T[]): TestTables<T> {
  const client = new DynamoDBClient({});
  const names = new Map<T, string>();

  beforeEach(async () => {
    for (const table of tables) {
      const declaration = kitTables[table];
      const name = `${table}-${randomUUID()}`;
      await createKitTable(client, name, declaration);
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
