/**
 * DynamoDB Streams events for tests and docs, built from plain objects.
 *
 *   const stream = createStreamBuilder();               // the orders table, NEW_AND_OLD_IMAGES
 *   const event = stream.event(
 *     stream.insert(order),
 *     stream.modify(order, { ...order, status: 'CANCELLED' }),
 *     stream.ttlExpiry(order),                          // REMOVE by DynamoDB's TTL
 *   );
 *   await handler(event);
 *
 * Each builder hands out growing sequence numbers that cross from 21 to 22
 * digits (compare them as BigInt!) and a clock that moves one second per record.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { kitTables, type KitTableName } from '../tables.js';
import {
  buildStreamRecord,
  compareSequenceNumbers,
  SequenceNumbers,
  streamArnOf,
  type StreamEventName,
  type StreamViewType,
} from '../streams/stream-record.js';

export interface StreamBuilderOptions {
  /** A kit table (default `orders`), or any table by name and key attributes. */
  readonly table?: KitTableName | { readonly name: string; readonly keyAttributes: readonly string[] };
  /** Default: the table's declared view type, else NEW_AND_OLD_IMAGES. */
  readonly viewType?: StreamViewType;
  /** The first sequence number (default: 50 steps below the 22-digit boundary). */
  readonly firstSequenceNumber?: bigint;
  /** When the first record happened (default 2026-11-29T09:00:00Z). */
  readonly startAt?: Date;
  readonly region?: string;
}

type Item = Record<string, unknown>;

export function createStreamBuilder(options: StreamBuilderOptions = {}) {
  const table = options.table ?? 'orders';
  const declared = typeof table === 'string' ? kitTables[table] : undefined;
  const tableName = typeof table === 'string' ? table : table.name;
  const keyAttributes = typeof table === 'string' ? [kitTables[table].key] : table.keyAttributes;
  const viewType = options.viewType ?? (declared && 'stream' in declared ? declared.stream : 'NEW_AND_OLD_IMAGES');
  const streamArn = streamArnOf(tableName, options.region);
  const sequenceNumbers = new SequenceNumbers(options.firstSequenceNumber);
  let clockSeconds = Math.floor((options.startAt ?? new Date('2026-11-29T09:00:00Z')).getTime() / 1000);

  const toImage = (item: Item | undefined) => (item ? marshall(item, { removeUndefinedValues: true }) : undefined);

  function record(eventName: StreamEventName, oldItem: Item | undefined, newItem: Item | undefined, at?: Date, byTtl = false) {
    const seconds = at ? Math.floor(at.getTime() / 1000) : clockSeconds++;
    return buildStreamRecord({
      eventName,
      keyAttributes,
      oldImage: toImage(oldItem),
      newImage: toImage(newItem),
      viewType,
      sequenceNumber: sequenceNumbers.take(),
      approximateCreationDateTimeSeconds: seconds,
      streamArn,
      byTtl,
    });
  }

  return {
    streamArn,
    viewType,
    /** A new item was put. */
    insert: (item: Item, at?: Date) => record('INSERT', undefined, item, at),
    /** An existing item changed from `before` to `after`. */
    modify: (before: Item, after: Item, at?: Date) => record('MODIFY', before, after, at),
    /** Someone deleted the item. */
    remove: (item: Item, at?: Date) => record('REMOVE', item, undefined, at),
    /** DynamoDB's TTL deleted the item (the record names the service as the user). */
    ttlExpiry: (item: Item, at?: Date) => record('REMOVE', item, undefined, at, true),
    /** The event a Lambda function receives for these records. */
    event: (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records }),
  };
}

/**
 * What Lambda delivers next after a partial batch failure: the records from
 * the reported sequence number on (compared as BigInt, never as strings).
 */
export function redeliveryFrom(event: DynamoDBStreamEvent, sequenceNumber: string): DynamoDBStreamEvent {
  return {
    Records: event.Records.filter((r) => compareSequenceNumbers(r.dynamodb?.SequenceNumber ?? '0', sequenceNumber) >= 0),
  };
}
