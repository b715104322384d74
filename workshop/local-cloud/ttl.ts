/**
 * Time to Live. dynalite has no TTL, so the local cloud answers
 * UpdateTimeToLive and DescribeTimeToLive itself, and deletes expired items
 * whenever its clock moves (clock.ts).
 *
 * As on AWS: the TTL attribute must be a top-level Number holding epoch
 * SECONDS; an item expires once that time is in the past, but not when it lies
 * more than five years back; a value in milliseconds lies thousands of years
 * ahead, so that item never expires. The deletion is a REMOVE record whose
 * userIdentity names DynamoDB itself (write-capture.ts, deleteExpired).
 *
 * Unlike AWS: the deletion happens at once when the clock passes the time
 * (AWS takes up to a few days, and the expired item stays readable until
 * then), and enabling TTL takes effect at once (AWS: up to an hour).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Image } from '../streams/stream-record.js';
import { keyOf, type CloudTable } from './cloud-table.js';
import type { DynaliteClient } from './dynalite-client.js';
import type { WriteCapture } from './write-capture.js';

/** AWS leaves alone items whose TTL lies more than five years in the past. */
export const maxExpiredAgeSeconds = 5 * 365 * 24 * 60 * 60;

/** A JSON answer the proxy sends back as it is. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

interface TimeToLiveSpecification {
  AttributeName?: string;
  Enabled?: boolean;
}

function notFound(tableName: unknown): JsonAnswer {
  return {
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: `Requested resource not found: Table: ${String(tableName)} not found`,
    },
  };
}

function invalid(message: string): JsonAnswer {
  return { status: 400, body: { __type: 'com.amazon.coral.validate#ValidationException', message } };
}

export function updateTimeToLive(
  table: CloudTable | undefined,
  input: { TableName?: string; TimeToLiveSpecification?: TimeToLiveSpecification },
): JsonAnswer {
  if (!table) return notFound(input.TableName);
  const { AttributeName, Enabled } = input.TimeToLiveSpecification ?? {};
  if (!AttributeName || typeof Enabled !== 'boolean')
    return invalid('TimeToLiveSpecification needs an AttributeName and Enabled (true or false)');
  if (Enabled && table.ttlAttribute) return invalid('TimeToLive is already enabled');
  if (!Enabled && !table.ttlAttribute) return invalid('TimeToLive is already disabled');
  if (!Enabled && table.ttlAttribute !== AttributeName)
    return invalid(`TimeToLive is active on a different AttributeName: current AttributeName is ${table.ttlAttribute}`);
  table.ttlAttribute = Enabled ? AttributeName : undefined;
  return { status: 200, body: { TimeToLiveSpecification: { AttributeName, Enabled } } };
}

export function describeTimeToLive(table: CloudTable | undefined, input: { TableName?: string }): JsonAnswer {
  if (!table) return notFound(input.TableName);
  const TimeToLiveDescription = table.ttlAttribute
    ? { TimeToLiveStatus: 'ENABLED', AttributeName: table.ttlAttribute }
    : { TimeToLiveStatus: 'DISABLED' };
  return { status: 200, body: { TimeToLiveDescription } };
}

/** Deletes every expired item of every table with TTL on; returns how many. */
export async function sweepExpiredItems(
  tables: Iterable<CloudTable>,
  now: Date,
  dynalite: DynaliteClient,
  capture: WriteCapture,
): Promise<number> {
  let deleted = 0;
  for (const table of tables) {
    const attribute = table.ttlAttribute;
    if (!attribute) continue;
    for (const item of await expiredItems(table.name, attribute, now, dynalite)) {
      const key = keyOf(table, item);
      if (key && (await capture.deleteExpired(table, key, attribute, item[attribute]!))) deleted++;
    }
  }
  return deleted;
}

async function expiredItems(tableName: string, attribute: string, now: Date, dynalite: DynaliteClient): Promise<Image[]> {
  const nowEpochSeconds = now.getTime() / 1000;
  const items: Image[] = [];
  let ExclusiveStartKey: Image | undefined;
  do {
    const page: { Items?: Image[]; LastEvaluatedKey?: Image } = await dynalite.call('Scan', {
      TableName: tableName,
      ConsistentRead: true,
      // A comparison with a Number only matches Number attributes: strings, maps… are ignored, as on AWS.
      FilterExpression: '#ttl < :now AND #ttl >= :oldest',
      ExpressionAttributeNames: { '#ttl': attribute },
      ExpressionAttributeValues: {
        ':now': { N: String(nowEpochSeconds) } satisfies AttributeValue,
        ':oldest': { N: String(Math.floor(nowEpochSeconds) - maxExpiredAgeSeconds) } satisfies AttributeValue,
      },
      ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
    });
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
