/**
 * 09 · Kinesis fan-out. The talk (slide 17): the order system grows by one
 * step. A data-transform Lambda reads the orders table's stream, turns each
 * change into a business event and publishes it to Kinesis Data Streams, where
 * any number of further consumers read it without touching the table's stream.
 *
 * Your task: write that Lambda. `toOrderEvent` turns an INSERT into OrderPlaced
 * and a MODIFY whose status changes to CANCELLED into OrderCancelled. The
 * handler sends the events with PutRecords (key = orderId, data = UTF-8 JSON),
 * in order, within the request limits below, and resends only the entries that
 * failed, with a doubling backoff. Each TODO marks a place to change.
 *
 * 09 · Kinesis へのファンアウト。講演（スライド 17）: 注文システムが一段階成長します。
 * データ変換の Lambda が注文テーブルのストリームを読み、各変更をビジネスイベントに変えて
 * Kinesis Data Streams にパブリッシュします。そこでは、テーブルのストリームに触れることなく、
 * いくつものコンシューマーがそれを読めます。
 *
 * 課題: その Lambda を書きます。`toOrderEvent` は INSERT を OrderPlaced に、ステータスが
 * CANCELLED に変わる MODIFY を OrderCancelled に変えます。ハンドラーはイベントを
 * PutRecords（key = orderId、data = UTF-8 の JSON）で、順番どおりに、下記のリクエストの
 * 上限内で送り、失敗したエントリーだけを、倍々に伸びるバックオフを挟んで再送します。
 * 各 TODO が変更する箇所を示しています。
 */
import { KinesisClient } from '@aws-sdk/client-kinesis';
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

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function toOrderEvent(record: DynamoDBRecord): OrderEvent | undefined {
  // TODO: INSERT → OrderPlaced; MODIFY whose status changes to CANCELLED (before: not CANCELLED,
  //   after: CANCELLED) → OrderCancelled; every other record → undefined.
  //   Fields come from the new image (`unmarshall` from @aws-sdk/util-dynamodb);
  //   occurredAt = ISO of ApproximateCreationDateTime (epoch SECONDS); sequenceNumber = SequenceNumber.
  // TODO(ja): INSERT → OrderPlaced。ステータスが CANCELLED に変わる MODIFY（変更前: CANCELLED 以外、
  //   変更後: CANCELLED）→ OrderCancelled。それ以外のレコード → undefined。
  //   フィールドは新しいイメージから取ります（@aws-sdk/util-dynamodb の `unmarshall`）。
  //   occurredAt = ApproximateCreationDateTime（エポック秒）の ISO 文字列、sequenceNumber = SequenceNumber。
  // TODO: a record without the image you need: throw an error naming NEW_AND_OLD_IMAGES.
  // TODO(ja): 必要なイメージのないレコードでは、NEW_AND_OLD_IMAGES を示すエラーを投げます。
  throw new Error(
    `Not implemented yet (09-kinesis-fan-out): toOrderEvent() should turn the ${record.eventName} record into an OrderEvent or undefined.`,
  );
}

export function createHandler(
  deps: { streamName?: string; maxAttempts?: number; sleep?: (ms: number) => Promise<void> } = {},
): (event: DynamoDBStreamEvent) => Promise<void> {
  const kinesis = new KinesisClient({});
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sleep = deps.sleep ?? realSleep;

  return async (event) => {
    // TODO: the stream name: deps.streamName, else process.env.ORDER_EVENTS_STREAM read now
    //   (an error naming ORDER_EVENTS_STREAM when neither is set).
    // TODO(ja): ストリーム名は deps.streamName、なければこの時点で読んだ process.env.ORDER_EVENTS_STREAM です
    //   （どちらも設定されていなければ、ORDER_EVENTS_STREAM を示すエラーにします）。
    // TODO: the events of the batch, in record order. None → return without calling Kinesis.
    // TODO(ja): バッチのイベントを、レコードの順に作ります。1 つもなければ → Kinesis を呼ばずに return します。
    // TODO: one entry per event: { PartitionKey: orderId, Data: new TextEncoder().encode(JSON.stringify(event)) }.
    //   Its size is Data bytes + partition-key bytes; over MAX_BYTES_PER_RECORD → throw before sending anything.
    // TODO(ja): イベントごとにエントリーを 1 つ作ります:
    //   { PartitionKey: orderId, Data: new TextEncoder().encode(JSON.stringify(event)) }。
    //   サイズは Data のバイト数 + パーティションキーのバイト数です。MAX_BYTES_PER_RECORD を超えたら
    //   → 何も送らないうちに throw します。
    // TODO: split the entries, in order, into requests of at most MAX_RECORDS_PER_REQUEST entries
    //   and MAX_BYTES_PER_REQUEST bytes, and send them one at a time:
    //   kinesis.send(new PutRecordsCommand({ StreamName, Records })).
    // TODO(ja): エントリーを順番どおりに、最大 MAX_RECORDS_PER_REQUEST エントリー、最大 MAX_BYTES_PER_REQUEST
    //   バイトのリクエストに分け、1 つずつ送ります:
    //   kinesis.send(new PutRecordsCommand({ StreamName, Records }))。
    // TODO: FailedRecordCount > 0: Records[i] answers entry i. Resend only the entries whose answer has an
    //   ErrorCode, after `await sleep(BASE_BACKOFF_MS * 2 ** n)`, up to maxAttempts attempts in all;
    //   still failing → throw new PublishError(their orderIds). An error thrown by send: let it through.
    // TODO(ja): FailedRecordCount > 0 なら、Records[i] がエントリー i への応答です。応答に ErrorCode がある
    //   エントリーだけを、`await sleep(BASE_BACKOFF_MS * 2 ** n)` の後に再送します。試行は全部で
    //   最大 maxAttempts 回です。それでも失敗するなら → それらの orderId で PublishError を throw します。
    //   send が投げたエラーは、そのまま通します。
    throw new Error('Not implemented yet (09-kinesis-fan-out): the handler should publish the batch\'s order events with PutRecords.');
  };
}

export const handler = createHandler();
