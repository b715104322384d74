/**
 * 06 · A stream handler: reference solution.
 *
 * The talk (slides 15–16): the order service only saves orders; DynamoDB
 * Streams hands each change to the services that subscribe. Shipping learns
 * about an order from its INSERT record and about a cancellation from the
 * MODIFY that turned its status to CANCELLED, never from a direct call.
 * Records may arrive twice, so every write here is conditional: applying a
 * record again changes nothing.
 */
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** The part of an order (an item of ORDERS_TABLE) that shipping reads. */
interface Order {
  orderId: string;
  customerId: string;
  status: 'PLACED' | 'CANCELLED' | 'SHIPPED';
}

/** An item of SHIPMENTS_TABLE. */
interface Shipment {
  orderId: string;
  customerId: string;
  status: 'RESERVED' | 'CANCELLED' | 'SHIPPED';
  /** ISO-8601: when the order reached the stream. */
  reservedAt: string;
}

// A module-level client is reused by a warm execution environment; it holds no state.
const dynamodb = new DynamoDBClient({});

// #region handler
export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  // One record at a time, in stream order, each awaited before the next: a
  // batch may hold an order's INSERT and then its cancellation, and the
  // cancellation only makes sense once the shipment exists. (Promise.all
  // would send both writes at once and let DynamoDB pick the order.)
  for (const record of event.Records) {
    await handleRecord(record);
  }
}

async function handleRecord(record: DynamoDBRecord): Promise<void> {
  switch (record.eventName) {
    case 'INSERT':
      return reserveShipment(record);
    case 'MODIFY': {
      const { before, after } = bothImagesOf(record);
      // Only the change *to* CANCELLED counts. An order that was already
      // cancelled and changed again (a new e-mail address, say) is no news.
      if (before.status !== 'CANCELLED' && after.status === 'CANCELLED') return cancelShipment(after.orderId);
      return;
    }
    default:
      // REMOVE, by a user or by TTL: nothing for shipping to do.
      return;
  }
}
// #endregion handler

// #region writes
/** INSERT: reserve a shipment, unless this record (or one like it) did so already. */
async function reserveShipment(record: DynamoDBRecord): Promise<void> {
  const order = newImageOf(record);
  const shipment: Shipment = {
    orderId: order.orderId,
    customerId: order.customerId,
    status: 'RESERVED',
    // When the change happened, not when we got round to it: the record's
    // ApproximateCreationDateTime, in epoch SECONDS.
    reservedAt: new Date(creationSecondsOf(record) * 1000).toISOString(),
  };
  try {
    await dynamodb.send(
      new PutItemCommand({
        TableName: process.env.SHIPMENTS_TABLE,
        Item: marshall(shipment),
        // Create only. A redelivered INSERT must not reset a shipment that
        // has since been cancelled or shipped.
        ConditionExpression: 'attribute_not_exists(orderId)',
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return; // a duplicate: already reserved
    throw error; // anything else fails the batch, and Lambda retries it
  }
}

/** MODIFY to CANCELLED: cancel the shipment, but only one that exists and is still RESERVED. */
async function cancelShipment(orderId: string): Promise<void> {
  try {
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: process.env.SHIPMENTS_TABLE,
        Key: marshall({ orderId }),
        UpdateExpression: 'SET #status = :cancelled',
        // Without a condition UpdateItem would create a shipment for an order
        // we never saw, and would "cancel" one that has already left.
        ConditionExpression: 'attribute_exists(orderId) AND #status = :reserved',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: marshall({ ':cancelled': 'CANCELLED', ':reserved': 'RESERVED' }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return; // unknown, shipped, or already cancelled
    throw error;
  }
}
// #endregion writes

/*
 * Reading a record. Which images a record carries is a setting of the stream
 * (StreamViewType), so a missing image is a deployment mistake: say which
 * setting is needed instead of failing on `undefined` further down.
 */

/** @types/aws-lambda and the SDK describe the same attribute-value JSON with two types. */
const toItem = (image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']) =>
  unmarshall(image as Record<string, AttributeValue>);

function newImageOf(record: DynamoDBRecord): Order {
  const image = record.dynamodb?.NewImage;
  if (!image)
    throw new Error(
      `INSERT record ${record.dynamodb?.SequenceNumber} has no NewImage (stream view type ${record.dynamodb?.StreamViewType}): ` +
        'the orders stream must use StreamViewType NEW_IMAGE or NEW_AND_OLD_IMAGES.',
    );
  return toItem(image) as Order;
}

function bothImagesOf(record: DynamoDBRecord): { before: Order; after: Order } {
  const { OldImage, NewImage, SequenceNumber, StreamViewType } = record.dynamodb ?? {};
  // Checked for every MODIFY, not only cancellations: with one image missing
  // we cannot tell a cancellation from any other change.
  if (!OldImage || !NewImage)
    throw new Error(
      `MODIFY record ${SequenceNumber} lacks its old or new image (stream view type ${StreamViewType}): ` +
        'telling a cancellation apart needs StreamViewType NEW_AND_OLD_IMAGES.',
    );
  return { before: toItem(OldImage) as Order, after: toItem(NewImage) as Order };
}

function creationSecondsOf(record: DynamoDBRecord): number {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  if (seconds === undefined)
    throw new Error(`Record ${record.dynamodb?.SequenceNumber} has no ApproximateCreationDateTime.`);
  return seconds;
}
