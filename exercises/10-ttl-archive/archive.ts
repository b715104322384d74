/**
 * 10 · TTL archive
 *
 * The talk (slide 18): save an item with a time to live, and its deletion
 * becomes an event of its own — it flows down the table's stream to a function
 * that archives it. The talk calls this the essence of serverless architecture.
 *
 * Your task: give orders an expiry DynamoDB understands (`withTtl`), tell
 * DynamoDB's own TTL deletions from everyone else's (`isTtlExpiry`), and file
 * each expired order in the ARCHIVE_BUCKET (`handler`). Work through the TODOs.
 *
 * 10 · TTL によるアーカイブ
 *
 * 講演（スライド 18）: 項目を有効期限（TTL）付きで保存すると、その削除自体がイベントに
 * なります。削除はテーブルのストリームを流れて、その項目をアーカイブする関数に届きます。
 * 講演は、これをサーバーレスアーキテクチャの本質と呼んでいます。
 *
 * 課題: DynamoDB が理解できる有効期限を注文に付け（`withTtl`）、DynamoDB 自身の TTL に
 * よる削除をそれ以外の削除と区別し（`isTtlExpiry`）、期限切れになった各注文を
 * ARCHIVE_BUCKET に保管します（`handler`）。TODO を順に進めてください。
 */
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/** A copy of `item` with `expiresAt` set `days` days after `now`. */
export function withTtl<T extends object>(item: T, now: Date, days: number): T & { expiresAt: number } {
  // TODO: DynamoDB's TTL reads epoch SECONDS, and `getTime()` counts milliseconds.
  // TODO(ja): DynamoDB の TTL はエポック秒を読みますが、`getTime()` はミリ秒で数えます。
  // TODO: refuse a `days` that is not a whole number ≥ 0 (and an invalid Date) with a RangeError.
  // TODO(ja): 0 以上の整数でない `days`（と無効な Date）は、RangeError で拒否します。
  return { ...item, expiresAt: now.getTime() + days * 86_400 * 1000 };
}

/** True when DynamoDB's TTL process, not a user, deleted the item. */
export function isTtlExpiry(record: DynamoDBRecord): boolean {
  // TODO: a user's DeleteItem is a REMOVE too. Only TTL deletions carry
  // `userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' }`.
  // TODO(ja): ユーザーの DeleteItem も REMOVE です。TTL による削除だけが
  // `userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' }` を持ちます。
  return record.eventName === 'REMOVE';
}

export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  for (const record of event.Records) {
    if (!isTtlExpiry(record)) continue;

    // TODO: take the expired order from `record.dynamodb.OldImage` (attribute-value
    // JSON: unmarshall it). No OldImage? Throw an error saying which StreamViewType is needed.
    // TODO(ja): 期限切れになった注文を `record.dynamodb.OldImage` から取り出します（属性値の JSON なので、
    // unmarshall します）。OldImage がなければ、どの StreamViewType が必要かを示すエラーを投げます。
    // TODO: PutObject to the bucket named by ARCHIVE_BUCKET (read it now, not at import):
    // key `orders/YYYY/MM/DD/<orderId>.json` from the UTC date of `createdAt`,
    // body the order as JSON, ContentType 'application/json'. One record at a time.
    // TODO(ja): ARCHIVE_BUCKET で指定されたバケット（インポート時ではなく、この時点で読み取ります）に
    // PutObject します。キーは `orders/YYYY/MM/DD/<orderId>.json`（日付は `createdAt` の UTC の日付）、
    // 本文は注文の JSON、ContentType は 'application/json' です。レコードは 1 つずつ処理します。
    throw new Error('Not implemented yet (10-ttl-archive): handler should archive each expired order to S3');
  }
}
