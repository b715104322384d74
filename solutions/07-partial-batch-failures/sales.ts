/**
 * 07 · Partial batch failures: the sales totals, solved.
 *
 * The talk (slide 16): the order service only saves the order, and the
 * table's stream feeds the sales service. Lambda reads the stream in batches,
 * in order. When one record fails we tell Lambda which one, and stop: Lambda
 * then redelivers that record and everything after it, and nothing else.
 */
import { DynamoDBClient, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** The parts of an order item this service reads. */
interface Order {
  orderId: string;
  totalCents: number;
  /** ISO-8601, UTC. */
  createdAt: string;
}

// A module-level client: reused while the execution environment stays warm.
const dynamodb = new DynamoDBClient({});

// #region handler
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const salesTable = process.env.SALES_TABLE;
  if (!salesTable) throw new Error('SALES_TABLE is not set: it names the table of sales per day');

  for (const record of event.Records) {
    try {
      await countSale(record, salesTable);
    } catch (error) {
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      // Without a sequence number Lambda cannot know where to resume:
      // fail the whole batch, and it is delivered again from its start.
      if (!sequenceNumber) throw error;
      // Stop at the first failure. Lambda resumes from this record, so every
      // later record comes again; counting one now would count it twice.
      console.warn(`Sales: record ${sequenceNumber} failed (${String(error)}); Lambda will redeliver from it.`);
      return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
}
// #endregion handler

// #region count-sale
/** An INSERT is a new order: add it to its day. A MODIFY or a REMOVE is not a sale. */
async function countSale(record: DynamoDBRecord, salesTable: string): Promise<void> {
  if (record.eventName !== 'INSERT') return;
  const image = record.dynamodb?.NewImage;
  if (!image) {
    throw new Error('An INSERT record came without NewImage: the stream needs the view type NEW_IMAGE or NEW_AND_OLD_IMAGES');
  }
  const order = unmarshall(image as Record<string, AttributeValue>) as Order;

  await dynamodb.send(
    new UpdateItemCommand({
      TableName: salesTable,
      Key: { day: { S: utcDayOf(order.createdAt) } },
      // ADD starts from 0 when the item or the attribute is new. It is not
      // idempotent: the same record applied twice is counted twice.
      UpdateExpression: 'ADD totalCents :totalCents, orderCount :one',
      ExpressionAttributeValues: { ':totalCents': { N: String(order.totalCents) }, ':one': { N: '1' } },
    }),
  );
}
// #endregion count-sale

/** `2026-11-29T23:59:59.999Z` → `2026-11-29`: the UTC day, whatever the machine's time zone. */
function utcDayOf(createdAt: string): string {
  const time = new Date(createdAt);
  if (Number.isNaN(time.getTime())) throw new Error(`createdAt is not a date: ${JSON.stringify(createdAt)}`);
  return time.toISOString().slice(0, 10);
}
