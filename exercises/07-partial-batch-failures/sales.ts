/**
 * 07 · Partial batch failures: the sales totals.
 *
 * The talk (slide 16): the order service only saves the order, and the
 * table's stream feeds the sales service. Lambda reads the stream in batches,
 * in order, and retries whatever the function tells it has failed.
 *
 * This handler adds every new order to the totals of its UTC day, and that
 * part works. But when one record fails (DynamoDB throttles the write) it logs
 * the error and carries on, so that order is never counted. Your task: report
 * the first failing record to Lambda by its SequenceNumber and stop there, so
 * Lambda delivers it again with everything after it, and nothing is counted
 * twice. Work through the TODOs.
 *
 * 07 · バッチの部分的な失敗: 売上の集計。
 *
 * 講演（スライド 16）: 注文サービスは注文を保存するだけで、テーブルのストリームが
 * 売上サービスにデータを届けます。Lambda はストリームをバッチで順番に読み、関数が
 * 失敗したと伝えたものをリトライします。
 *
 * このハンドラーは、新しい注文をそれぞれ UTC の日ごとの合計に加えます。その部分は動きます。
 * しかし 1 つのレコードが失敗すると（DynamoDB が書き込みをスロットリングすると）、エラーを
 * ログに出して処理を続けるので、その注文は決して数えられません。課題: 最初に失敗した
 * レコードをその SequenceNumber で Lambda に報告し、そこで止めます。そうすれば Lambda は
 * そのレコードをそれ以降のすべてのレコードとともに再び届け、二重に数えられるものはありません。
 * TODO を順に進めてください。
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

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const salesTable = process.env.SALES_TABLE;
  if (!salesTable) throw new Error('SALES_TABLE is not set: it names the table of sales per day');

  for (const record of event.Records) {
    try {
      await countSale(record, salesTable);
    } catch (error) {
      // TODO 1: a swallowed error is a lost sale: Lambda believes the record is done.
      //         Report this record, and only this one, by its dynamodb.SequenceNumber,
      //         and count no later record of the batch: Lambda delivers them again.
      // TODO(ja) 1: 握りつぶしたエラーは失われた売上です。Lambda はそのレコードを処理済みだと考えます。
      //             このレコードだけを、その dynamodb.SequenceNumber で報告し、バッチのそれ以降の
      //             レコードは数えません。Lambda がそれらを再び届けます。
      // TODO 2: a record without a SequenceNumber cannot be reported: fail the whole batch.
      // TODO(ja) 2: SequenceNumber のないレコードは報告できません。バッチ全体を失敗させます。
      console.error(`Sales: could not count a record, skipping it (${String(error)}).`);
    }
  }
  return { batchItemFailures: [] };
}

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

/** `2026-11-29T23:59:59.999Z` → `2026-11-29`: the UTC day, whatever the machine's time zone. */
function utcDayOf(createdAt: string): string {
  const time = new Date(createdAt);
  if (Number.isNaN(time.getTime())) throw new Error(`createdAt is not a date: ${JSON.stringify(createdAt)}`);
  return time.toISOString().slice(0, 10);
}
