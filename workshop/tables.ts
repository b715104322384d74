/**
 * The kit's tables, declared once. Tests, the local cloud and (later) the
 * deployment template all read this list, so a table is never described twice.
 *
 * Every key is a string. The table *name* always comes from the environment
 * variable, as it does in a real Lambda function.
 */
import type { StreamViewType } from './streams/stream-record.js';

export interface TableDeclaration {
  /** Environment variable that holds the table's name. */
  readonly envVar: string;
  /** Name of the string partition key. */
  readonly key: string;
  /** Stream view type, when the table has a stream. */
  readonly stream?: StreamViewType;
  /** Attribute that holds the TTL (epoch seconds), when TTL is on. */
  readonly ttlAttribute?: string;
}

export const kitTables = {
  orders: { envVar: 'ORDERS_TABLE', key: 'orderId', stream: 'NEW_AND_OLD_IMAGES', ttlAttribute: 'expiresAt' },
  shipments: { envVar: 'SHIPMENTS_TABLE', key: 'orderId' },
  sales: { envVar: 'SALES_TABLE', key: 'day' },
  inventory: { envVar: 'INVENTORY_TABLE', key: 'sku' },
  idempotency: { envVar: 'IDEMPOTENCY_TABLE', key: 'id', ttlAttribute: 'expiration' },
  targets: { envVar: 'TARGETS_TABLE', key: 'targetId', stream: 'NEW_AND_OLD_IMAGES' },
} as const satisfies Record<string, TableDeclaration>;

export type KitTableName = keyof typeof kitTables;
