/**
 * 08 · Idempotent consumer
 *
 * The talk (slides 9 and 16): inventory is one of the Lambda functions fed by
 * the orders table's stream, and a function as a service must be idempotent.
 * The stream delivers each record AT LEAST once: duplicates, replayed batches
 * and retries after a failure all reach this handler, on any instance.
 *
 * Your task: reserve each order's stock exactly once. Right now the handler
 * takes stock on every delivery, and takes it even when there is none.
 * Work through the TODOs; the docs page describes the inventory item.
 */
import { DynamoDBClient, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

const client = new DynamoDBClient({});

interface OrderLine {
  sku: string;
  quantity: number;
}

interface Order {
  orderId: string;
  lines: OrderLine[];
}

/*
 * The inventory item, one per sku (table INVENTORY_TABLE, key `sku`):
 *   stock              number: what is left to reserve
 *   appliedOrders      string set: orders whose line for this sku took stock
 *   backordered        number: quantity ordered that the stock could not cover
 *   backorderedOrders  string set: orders whose line for this sku was backordered
 */

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  // TODO 4: partial batch failure, as in exercise 07: when a record throws,
  //         return { batchItemFailures: [{ itemIdentifier: its SequenceNumber }] }
  //         and process nothing after it (no SequenceNumber: rethrow).
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const order = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) as Order;

    // TODO 1: lines that name the same sku are ONE line: add their quantities.
    for (const line of order.lines) {
      // TODO 2: guard this write. ONE UpdateItem that takes the stock AND adds the
      //         orderId to `appliedOrders`, with a ConditionExpression that refuses
      //         an order it has seen before and a stock smaller than the quantity.
      //         Never read first and write after: another instance may write between.
      // TODO 3: when the condition refuses, backorder the WHOLE line (`backordered`,
      //         `backorderedOrders`), with a condition of its own so that it happens
      //         once too, and never for an order whose line was reserved.
      await client.send(
        new UpdateItemCommand({
          TableName: process.env.INVENTORY_TABLE,
          Key: marshall({ sku: line.sku }),
          UpdateExpression: 'ADD #stock :change',
          ExpressionAttributeNames: { '#stock': 'stock' },
          ExpressionAttributeValues: marshall({ ':change': -line.quantity }),
        }),
      );
    }
  }
  return { batchItemFailures: [] };
}
