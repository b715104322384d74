/**
 * What the local cloud knows about one table beyond what dynalite keeps:
 * its key, its stream and its TTL setting. dynalite has neither streams nor
 * TTL, so the capture in front of it remembers them.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Image } from '../streams/stream-record.js';
import type { StreamLog } from './stream-log.js';

export interface CloudTable {
  readonly name: string;
  /** The partition key, then the sort key when there is one. */
  readonly keyAttributes: readonly string[];
  /** Set while the table has a stream. */
  stream?: StreamLog;
  /** Set while TTL is enabled: the attribute holding epoch seconds. */
  ttlAttribute?: string;
}

/** The item's key (its key attributes only), or undefined when one is missing. */
export function keyOf(table: CloudTable, item: Record<string, AttributeValue> | undefined): Image | undefined {
  if (!item) return undefined;
  const key: Image = {};
  for (const name of table.keyAttributes) {
    const value = item[name];
    if (value === undefined) return undefined;
    key[name] = value;
  }
  return key;
}

/** A string that names one item of one table, for locks and lookups. */
export function itemId(table: CloudTable, key: Image): string {
  return JSON.stringify([table.name, ...table.keyAttributes.map((name) => key[name])]);
}
