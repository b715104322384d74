/**
 * A data-transform Lambda (the talk, slide 17): the orders table's stream
 * feeds this one function, which turns each change into a business event and
 * publishes it to a Kinesis data stream. Any number of further consumers read
 * that stream, each at its own pace, without adding readers to the table's stream.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { KinesisClient, PutRecordsCommand, type PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type OrderEvent = {
  type: 'OrderPlaced' | 'OrderCancelled';
  version: 1;
  orderId: string;
  customerId: string;
  totalCents: number;
  /** ISO-8601 UTC of the stream record's ApproximateCreationDateTime. */
  occurredAt: string;
  /** The DynamoDB stream record's sequence number: lets a consumer spot duplicates and stale events. */
  sequenceNumber: string;
};

/** Thrown when some events are still rejected by Kinesis after every attempt. */
export class PublishError extends Error {
  override name = 'PublishError';
  constructor(readonly failedOrderIds: string[]) {
    super(`${failedOrderIds.length} event(s) could not be published to Kinesis: ${failedOrderIds.join(', ')}`);
  }
}

// #region limits
/** PutRecords accepts at most 500 entries per request. */
const MAX_RECORDS_PER_REQUEST = 500;
/**
 * Size limits of PutRecords, counted as data bytes plus partition-key bytes.
 * The classic limits are 1 MiB per record and 5 MiB per request; AWS's current
 * reference states 10 MiB. The kit keeps the conservative classic figures.
 */
const MAX_BYTES_PER_RECORD = 1024 * 1024;
const MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;
/** Attempts in all (the first send plus the resends), and the first backoff delay. */
const DEFAULT_MAX_ATTEMPTS = 4;
const BASE_BACKOFF_MS = 100;
// #endregion limits

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function toOrderEvent(record: DynamoDBRecord): OrderEvent | undefined {
  switch (record.eventName) {
    case 'INSERT':
      return orderEvent('OrderPlaced', record);
    case 'MODIFY': {
      const before = image(record, 'OldImage');
      const after = image(record, 'NewImage');
      const cancelledNow = before.status !== 'CANCELLED' && after.status === 'CANCELLED';
      return cancelledNow ? orderEvent('OrderCancelled', record) : undefined; // other changes are not events
    }
    default:
      return undefined; // REMOVE: a user's delete or a TTL expiry, not an order event
  }
}

function orderEvent(type: OrderEvent['type'], record: DynamoDBRecord): OrderEvent {
  const order = image(record, 'NewImage');
  const change = record.dynamodb ?? {};
  return {
    type,
    version: 1,
    orderId: order.orderId,
    customerId: order.customerId,
    totalCents: order.totalCents,
    occurredAt: new Date((change.ApproximateCreationDateTime ?? 0) * 1000).toISOString(), // epoch seconds
    sequenceNumber: change.SequenceNumber ?? '',
  };
}

/** The item as a plain object; an image the stream does not carry is a configuration error. */
function image(record: DynamoDBRecord, which: 'NewImage' | 'OldImage'): Record<string, any> {
  const attributes = record.dynamodb?.[which];
  if (!attributes) throw new Error(`${record.eventName} record without ${which}: the stream must be NEW_AND_OLD_IMAGES`);
  return unmarshall(attributes as Record<string, AttributeValue>);
}

/** One entry of a PutRecords request, with the order it belongs to and its size as Kinesis counts it. */
interface Entry {
  orderId: string;
  request: PutRecordsRequestEntry;
  bytes: number;
}

function toEntry(event: OrderEvent): Entry {
  const data = new TextEncoder().encode(JSON.stringify(event)); // UTF-8 bytes, not characters
  const bytes = data.byteLength + Buffer.byteLength(event.orderId, 'utf8'); // the partition key counts too
  if (bytes > MAX_BYTES_PER_RECORD) {
    throw new Error(`The event for order ${event.orderId} is ${bytes} bytes, over the ${MAX_BYTES_PER_RECORD}-byte record limit`);
  }
  return { orderId: event.orderId, request: { PartitionKey: event.orderId, Data: data }, bytes };
}

// #region chunks
/** Splits entries, in order, into requests of at most 500 entries and MAX_BYTES_PER_REQUEST bytes. */
function toRequests(entries: Entry[]): Entry[][] {
  const requests: Entry[][] = [];
  let current: Entry[] = [];
  let currentBytes = 0;
  for (const entry of entries) {
    if (current.length === MAX_RECORDS_PER_REQUEST || currentBytes + entry.bytes > MAX_BYTES_PER_REQUEST) {
      requests.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += entry.bytes;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
// #endregion chunks

export function createHandler(
  deps: { streamName?: string; maxAttempts?: number; sleep?: (ms: number) => Promise<void> } = {},
): (event: DynamoDBStreamEvent) => Promise<void> {
  const kinesis = new KinesisClient({});
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sleep = deps.sleep ?? realSleep;

  // #region publish
  /**
   * One request, with its partial failures resent. A failed entry is normal
   * (a throttled shard): `Records[i]` answers entry `i`, so resend only the
   * entries whose answer has an ErrorCode, after a delay that doubles each time.
   * An error thrown by `send` (the whole request failed, after the SDK's own
   * retries) is not caught: the handler fails and Lambda retries the batch.
   */
  async function publish(streamName: string, entries: Entry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; ; attempt += 1) {
      const response = await kinesis.send(
        new PutRecordsCommand({ StreamName: streamName, Records: pending.map((entry) => entry.request) }),
      );
      if (!response.FailedRecordCount) return;
      pending = pending.filter((_, i) => {
        const result = response.Records?.[i];
        return result === undefined || result.ErrorCode !== undefined; // no answer counts as a failure
      });
      if (pending.length === 0) return;
      if (attempt >= maxAttempts) throw new PublishError(pending.map((entry) => entry.orderId));
      await sleep(BASE_BACKOFF_MS * 2 ** (attempt - 1)); // 100, 200, 400 ms…
    }
  }
  // #endregion publish

  return async (event) => {
    const streamName = deps.streamName ?? process.env.ORDER_EVENTS_STREAM; // read at call time
    if (!streamName) throw new Error('ORDER_EVENTS_STREAM is not set: name the Kinesis stream to publish to');

    const events = event.Records.map(toOrderEvent).filter((e): e is OrderEvent => e !== undefined);
    const entries = events.map(toEntry); // every size checked before anything is sent

    // One request at a time: a later request never overtakes an earlier one still being retried.
    for (const request of toRequests(entries)) await publish(streamName, request);
  };
}

export const handler = createHandler();
