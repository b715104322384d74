/**
 * Exercise 10 · TTL archive (solution).
 *
 * An order is saved with an expiry date. When DynamoDB's TTL deletes it, the
 * deletion arrives on the table's stream like any other change, and this
 * function files the old order in S3. Nobody schedules the clean-up, nobody
 * calls the archive: the deletion is the event.
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

const secondsPerDay = 86_400;

// #region with-ttl
/**
 * A copy of `item` that DynamoDB deletes `days` days after `now`.
 * TTL reads epoch SECONDS: `Date.getTime()` gives milliseconds, and a
 * millisecond value lies some 50,000 years ahead, so the item would never expire.
 */
export function withTtl<T extends object>(item: T, now: Date, days: number): T & { expiresAt: number } {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`withTtl: days must be a whole number ≥ 0, got ${days}`);
  const nowEpochSeconds = Math.floor(now.getTime() / 1000);
  if (!Number.isFinite(nowEpochSeconds)) throw new RangeError(`withTtl: now must be a valid Date, got ${String(now)}`);

  return { ...item, expiresAt: nowEpochSeconds + days * secondsPerDay };
}
// #endregion with-ttl

// #region is-ttl-expiry
/** DynamoDB's TTL process signs its deletions; a deletion by anyone else carries no such identity. */
export function isTtlExpiry(record: DynamoDBRecord): boolean {
  return (
    record.eventName === 'REMOVE' &&
    record.userIdentity?.type === 'Service' &&
    record.userIdentity?.principalId === 'dynamodb.amazonaws.com'
  );
}
// #endregion is-ttl-expiry

// #region handler
const s3 = new S3Client({});

export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  // One at a time, in order. A failed PutObject throws, and Lambda retries the
  // batch: the stream record is now the only copy of the order.
  for (const record of event.Records) {
    if (!isTtlExpiry(record)) continue; // user deletes, INSERT, MODIFY: not ours

    const oldImage = record.dynamodb?.OldImage;
    if (!oldImage)
      throw new Error(
        `A TTL deletion arrived without its OldImage (StreamViewType ${record.dynamodb?.StreamViewType ?? 'unknown'}): ` +
          'set the stream view type to OLD_IMAGE or NEW_AND_OLD_IMAGES to archive expired items',
      );
    const order = unmarshall(oldImage as Record<string, AttributeValue>);

    const bucket = process.env.ARCHIVE_BUCKET;
    if (!bucket) throw new Error('ARCHIVE_BUCKET is not set: it names the bucket that keeps expired orders');

    // Filed by the day the order was placed (UTC), not the day it expired.
    const day = new Date(order.createdAt).toISOString().slice(0, 10).replaceAll('-', '/');
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `orders/${day}/${order.orderId}.json`,
        Body: JSON.stringify(order),
        ContentType: 'application/json',
      }),
    );
  }
}
// #endregion handler
