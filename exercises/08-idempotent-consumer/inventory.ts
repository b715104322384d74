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
 *
 * 08 · 冪等なコンシューマー
 *
 * 講演（スライド 9 と 16）: 在庫は、注文テーブルのストリームからデータを受け取る Lambda
 * 関数の 1 つです。そして FaaS の関数は冪等でなければなりません。ストリームは各レコードを
 * 少なくとも 1 回（at-least-once）届けます。重複、リプレイされたバッチ、失敗後のリトライは、
 * どれもこのハンドラーに届き、どのインスタンスで届くかはわかりません。
 *
 * 課題: 各注文の在庫を、ちょうど 1 回だけ引き当てます。今のハンドラーは、届くたびに在庫を
 * 減らし、在庫がないときにも減らします。TODO を順に進めてください。在庫の項目については
 * ドキュメントのページで説明しています。
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
  // TODO(ja) 4: 演習 07 と同じく、バッチの部分的な失敗を扱います。レコードが例外を投げたら、
  //             { batchItemFailures: [{ itemIdentifier: その SequenceNumber }] } を返し、
  //             それ以降は何も処理しません（SequenceNumber がなければ、例外を投げ直します）。
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) continue;
    const order = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) as Order;

    // TODO 1: lines that name the same sku are ONE line: add their quantities.
    // TODO(ja) 1: 同じ sku を指す明細行は 1 つの明細行です。数量を合計します。
    for (const line of order.lines) {
      // TODO 2: guard this write. ONE UpdateItem that takes the stock AND adds the
      //         orderId to `appliedOrders`, with a ConditionExpression that refuses
      //         an order it has seen before and a stock smaller than the quantity.
      //         Never read first and write after: another instance may write between.
      // TODO(ja) 2: この書き込みを守ります。在庫を減らし、かつ orderId を `appliedOrders` に加える
      //             UpdateItem を 1 回だけ行います。ConditionExpression で、一度見た注文と、数量より
      //             少ない在庫を拒否します。先に読んで後から書くことは決してしないでください。
      //             その間に別のインスタンスが書き込むかもしれません。
      // TODO 3: when the condition refuses, backorder the WHOLE line (`backordered`,
      //         `backorderedOrders`), with a condition of its own so that it happens
      //         once too, and never for an order whose line was reserved.
      // TODO(ja) 3: 条件で拒否されたら、明細行の全体をバックオーダーにします（`backordered`、
      //             `backorderedOrders`）。これにも独自の条件を付けて、これも 1 回だけ行われ、
      //             明細行が引き当て済みの注文では決して行われないようにします。
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
