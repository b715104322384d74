/**
 * 10 · TTL archive
 *
 * The talk (slide 18): save an item with a time to live, and its deletion
 * becomes an event of its own — it flows down the table's stream to a function
 * that archives it. The talk calls this the essence of serverless architecture.
 *
 * Your task: give orders an expiry DynamoDB understands (`withTtl`), tell
 * DynamoDB's own TTL deletions from everyone else's (`isTtlExpiry`), and file
 * each expired order in the ARCHIVE_BUCKET (`handler`). Work through the TODOs.
 */
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** A copy of `item` with `expiresAt` set `days` days after `now`. */
export function withTtl<T extends object>(item: T, now: Date, days: number): T & { expiresAt: number } {
  // TODO: DynamoDB's TTL reads epoch SECONDS, and `getTime()` counts milliseconds.
  // TODO: refuse a `days` that is not a whole number ≥ 0 (and an invalid Date) with a RangeError.
  return { ...item, expiresAt: now.getTime() + days * 86_400 * 1000 };
}

/** True when DynamoDB's TTL process, not a user, deleted the item. */
export function isTtlExpiry(record: DynamoDBRecord): boolean {
  // TODO: a user's DeleteItem is a REMOVE too. Only TTL deletions carry
  // `userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' }`.
  return record.eventName === 'REMOVE';
}

export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  for (const record of event.Records) {
    if (!isTtlExpiry(record)) continue;

    // TODO: take the expired order from `record.dynamodb.OldImage` (attribute-value
    // JSON: unmarshall it). No OldImage? Throw an error saying which StreamViewType is needed.
    // TODO: PutObject to the bucket named by ARCHIVE_BUCKET (read it now, not at import):
    // key `orders/YYYY/MM/DD/<orderId>.json` from the UTC date of `createdAt`,
    // body the order as JSON, ContentType 'application/json'. One record at a time.
    throw new Error('Not implemented yet (10-ttl-archive): handler should archive each expired order to S3');
  }
}
