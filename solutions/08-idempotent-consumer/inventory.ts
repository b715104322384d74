/**
 * 08 · Idempotent consumer: reference solution.
 *
 * The talk (slides 9 and 16): inventory is one of the Lambda functions fed by
 * the orders table's stream, and a function as a service has to be idempotent.
 * The stream delivers every record at least once, so each line of an order is
 * guarded where all instances meet: in the condition of the very write that
 * takes the stock.
 */
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  UpdateItemCommand,
  type AttributeValue,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

const client = new DynamoDBClient({});

interface OrderLine {
  sku: string;
  quantity: number;
}

interface Order {
  orderId: string;
  lines: OrderLine[];
}

// #region batch
/**
 * Partial batch failure, as in exercise 07: stop at the first record that
 * fails and report it. Lambda redelivers from there, and the guard below
 * makes whatever was done before the failure harmless to repeat.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    try {
      await processRecord(record);
    } catch (error) {
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      if (!sequenceNumber) throw error; // nothing to report: fail the whole batch
      return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
}
// #endregion batch

async function processRecord(record: DynamoDBRecord): Promise<void> {
  if (record.eventName !== 'INSERT') return;
  const image = record.dynamodb?.NewImage;
  if (!image) {
    throw new Error('An INSERT arrived without NewImage: set the stream view type to NEW_IMAGE or NEW_AND_OLD_IMAGES');
  }
  const order = unmarshall(image as Record<string, AttributeValue>) as Order;
  for (const [sku, quantity] of quantitiesBySku(order.lines)) {
    await reserveOrBackorder(order.orderId, sku, quantity);
  }
}

/** Lines that name the same sku are one line: their quantities are added. */
function quantitiesBySku(lines: readonly OrderLine[]): Map<string, number> {
  const quantities = new Map<string, number>();
  for (const { sku, quantity } of lines) quantities.set(sku, (quantities.get(sku) ?? 0) + quantity);
  return quantities;
}

// #region guard
/*
 * One inventory item per sku remembers which orders it has seen:
 *
 *   { sku, stock, appliedOrders: {orderIds}, backordered, backorderedOrders: {orderIds} }
 *
 * Each write asks "have I seen this order?" and changes the item in ONE
 * request, so DynamoDB answers atomically, however many deliveries and
 * instances there are.
 *
 * The sets only grow, and an item holds at most 400 KB. A real system keeps
 * this memory small: for instance an idempotency item per order and sku with
 * a TTL, written with the stock in one TransactWriteItems. The kit keeps the
 * sets so that a single UpdateItem is the whole guard.
 */
const orderNotSeen = 'NOT contains(#appliedOrders, :orderId) AND NOT contains(#backorderedOrders, :orderId)';
const enoughStock = '#stock >= :quantity'; // false when there is no item or no stock: an unknown sku

async function reserveOrBackorder(orderId: string, sku: string, quantity: number): Promise<void> {
  const values = marshall({ ':orderId': orderId, ':orderIds': new Set([orderId]), ':quantity': quantity });

  const reserved = await updateIf({
    Key: marshall({ sku }),
    UpdateExpression: 'SET #stock = #stock - :quantity ADD #appliedOrders :orderIds',
    ConditionExpression: `${orderNotSeen} AND ${enoughStock}`,
    ExpressionAttributeNames: { '#stock': 'stock', '#appliedOrders': 'appliedOrders', '#backorderedOrders': 'backorderedOrders' },
    ExpressionAttributeValues: values,
  });
  if (reserved) return;

  // Refused: either this order was seen before, or the stock is short (or the
  // sku unknown). No need to read the item to find out which: the backorder's
  // own condition asks again and acts on the answer in the same step. For an
  // unknown sku it creates the item, with a backorder and no stock.
  await updateIf({
    Key: marshall({ sku }),
    UpdateExpression: 'ADD #backordered :quantity, #backorderedOrders :orderIds',
    ConditionExpression: orderNotSeen,
    ExpressionAttributeNames: {
      '#backordered': 'backordered',
      '#appliedOrders': 'appliedOrders',
      '#backorderedOrders': 'backorderedOrders',
    },
    ExpressionAttributeValues: values,
  });
  // Refused again: the order was already reserved or backordered. Done.
}

/** One conditional UpdateItem on the inventory table: true if applied, false if its condition said no. */
async function updateIf(update: Omit<UpdateItemCommandInput, 'TableName'>): Promise<boolean> {
  try {
    await client.send(new UpdateItemCommand({ TableName: process.env.INVENTORY_TABLE, ...update }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error; // throttling, a timeout…: transient, the record is retried
  }
}
// #endregion guard
