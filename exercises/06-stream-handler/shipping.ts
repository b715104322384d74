/**
 * 06 · A stream handler
 *
 * The talk (slides 15–16): the order service only saves the order to DynamoDB,
 * and the table's stream hands every change to the services that subscribe.
 * Shipping is one of them: nobody calls it, it reads the stream.
 *
 * Your task: reserve a shipment when an order is placed (INSERT) and cancel it
 * when the order is cancelled (a MODIFY to CANCELLED). Lambda may deliver a
 * record more than once, so handling one twice must change nothing. Work
 * through the TODOs; the docs page has the details.
 *
 * 06 · ストリームハンドラー
 *
 * 講演（スライド 15〜16）: 注文サービスは注文を DynamoDB に保存するだけで、テーブルの
 * ストリームが、サブスクライブしているサービスにすべての変更を渡します。配送はその 1 つです。
 * 誰も配送を呼び出さず、配送がストリームを読みます。
 *
 * 課題: 注文されたとき（INSERT）に配送を予約し、注文がキャンセルされたとき
 * （CANCELLED への MODIFY）にそれを取り消します。Lambda は同じレコードを複数回届ける
 * ことがあるので、1 つのレコードを 2 回処理しても何も変わらないようにしなければなりません。
 * TODO を順に進めてください。詳細はドキュメントのページにあります。
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

// The client for your writes (a warm instance reuses it). The table's name is
// in process.env.SHIPMENTS_TABLE: read it when you write, not at import.
const dynamodb = new DynamoDBClient({});

export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  // Keep this loop as it is: one record at a time, in stream order, each one
  // finished before the next starts. (Why not Promise.all? See the docs page.)
  for (const record of event.Records) {
    await handleRecord(record);
  }
}

async function handleRecord(record: DynamoDBRecord): Promise<void> {
  switch (record.eventName) {
    case 'INSERT':
      // TODO 1: read the order from record.dynamodb.NewImage with `unmarshall`
      //         (@aws-sdk/util-dynamodb). No NewImage? Throw an error that names the
      //         StreamViewType the stream needs: NEW_IMAGE or NEW_AND_OLD_IMAGES.
      // TODO(ja) 1: record.dynamodb.NewImage から `unmarshall`（@aws-sdk/util-dynamodb）で注文を読み取ります。
      //             NewImage がなければ、ストリームに必要な StreamViewType（NEW_IMAGE または
      //             NEW_AND_OLD_IMAGES）を示すエラーを投げます。
      // TODO 2: PutItem { orderId, customerId, status: 'RESERVED', reservedAt } to
      //         SHIPMENTS_TABLE, where reservedAt is the ISO string of the record's
      //         ApproximateCreationDateTime (epoch SECONDS). Only if the order has no
      //         shipment yet; if it has one (a duplicate delivery), do nothing and don't fail.
      // TODO(ja) 2: SHIPMENTS_TABLE に { orderId, customerId, status: 'RESERVED', reservedAt } を PutItem します。
      //             reservedAt は、レコードの ApproximateCreationDateTime（エポック秒）の ISO 文字列です。
      //             書き込むのは、その注文にまだ配送がない場合だけです。すでにある場合（重複配信）は、
      //             何もせず、失敗もしません。
      throw new Error('Not implemented yet (06-stream-handler): an INSERT should reserve a shipment');
    case 'MODIFY':
      // TODO 3: a cancellation is a *change* of status, so you need both images
      //         (missing one? throw, naming NEW_AND_OLD_IMAGES). Old status not
      //         CANCELLED and new status CANCELLED: set the shipment's status to
      //         CANCELLED, only if it exists and is RESERVED. Any other MODIFY: no write.
      // TODO(ja) 3: キャンセルはステータスの*変化*なので、両方のイメージが必要です（どちらかがなければ、
      //             NEW_AND_OLD_IMAGES を示して throw します）。変更前のステータスが CANCELLED でなく、
      //             変更後のステータスが CANCELLED なら、配送のステータスを CANCELLED にします。ただし
      //             配送が存在し、RESERVED の場合だけです。それ以外の MODIFY では何も書き込みません。
      throw new Error('Not implemented yet (06-stream-handler): a MODIFY to CANCELLED should cancel the shipment');
    default:
      // REMOVE (someone's delete, or a TTL expiry): shipping has nothing to do.
      return;
  }
}
