import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useTables } from './use-tables.js';

describe('useTables', () => {
  const tables = useTables('orders', 'inventory');

  it('creates each table with its declared key and points the environment at it', async () => {
    expect(process.env.ORDERS_TABLE).toBe(tables.name('orders'));
    const { Table } = await tables.client.send(new DescribeTableCommand({ TableName: tables.name('inventory') }));
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'sku', KeyType: 'HASH' }]);
    await tables.put('orders', { orderId: 'o-1', totalCents: 1200 });
    expect(await tables.get('orders', { orderId: 'o-1' })).toEqual({ orderId: 'o-1', totalCents: 1200 });
  });

  it('gives the next test empty tables of its own', async () => {
    expect(await tables.scan('orders')).toEqual([]);
    expect(await tables.get('orders', { orderId: 'o-1' })).toBeUndefined();
  });
});
