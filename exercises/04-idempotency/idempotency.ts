/**
 * 04 · Idempotency
 *
 * The talk (slide 9): FaaS asks for idempotency. The platform may run your
 * function twice for the same event, on two instances that share nothing but
 * the database, so "have I done this already?" must be answered there.
 *
 * Your task: make `makeIdempotent` run `fn` once per input. Right now it just
 * calls `fn` every time. Work through the TODOs; the docs page has the timeline.
 *
 * 04 · 冪等性
 *
 * 講演（スライド 9）: FaaS は冪等性を求めます。プラットフォームは同じイベントに対して
 * 関数を 2 回実行することがあり、その 2 つのインスタンスが共有するのはデータベースだけです。
 * そのため「これはもう処理したか」には、データベースで答えなければなりません。
 *
 * 課題: `makeIdempotent` が、入力ごとに `fn` を 1 回だけ実行するようにします。今は毎回
 * `fn` を呼び出しているだけです。TODO を順に進めてください。タイムラインはドキュメントの
 * ページにあります。
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Another call with the same key is running, and its lock has not timed out. */
export class IdempotencyInProgressError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IdempotencyInProgressError';
  }
}

interface IdempotencyOptions<I> {
  /** Table whose string partition key is `id`. */
  tableName: string;
  /** Default: `new DynamoDBClient({})`. */
  client?: DynamoDBClient;
  /** Default: SHA-256 hex of the input's canonical JSON. */
  keyOf?: (input: I) => string;
  /** How long a completed result is replayed. Default 3600 s. */
  expiresAfterSeconds?: number;
  /** How long an unfinished call holds the lock. Default 60000 ms. */
  inProgressTimeoutMs?: number;
  /** Clock, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/*
 * The record you keep in the table, one per key (partition key `id`):
 *   status                'INPROGRESS' | 'COMPLETED'
 *   expiration            epoch SECONDS: after it the record counts as absent
 *   inProgressExpiration  epoch MILLISECONDS: after it an INPROGRESS record may be taken over
 *   data                  JSON.stringify of fn's result
 */

export function makeIdempotent<I, R>(
  fn: (input: I) => Promise<R>,
  options: IdempotencyOptions<I>,
): (input: I) => Promise<R> {
  // TODO 1: apply the defaults: a `new DynamoDBClient({})`, 3600 s, 60000 ms, `Date.now`.
  // TODO(ja) 1: デフォルト値を適用します（`new DynamoDBClient({})`、3600 s、60000 ms、`Date.now`）。
  void options;

  return async (input: I): Promise<R> => {
    // TODO 2: the key: `keyOf(input)`, or the SHA-256 hex of the input's JSON
    //         with object keys sorted at every depth ({a,b} and {b,a} share a key).
    // TODO(ja) 2: キーは `keyOf(input)`、なければ入力の JSON の SHA-256（16 進）です。JSON では
    //             オブジェクトのキーをすべての深さでソートします（{a,b} と {b,a} は同じキーになります）。

    // TODO 3: take the lock with ONE conditional PutItem of an INPROGRESS record.
    //         It may only succeed when the key is absent, OR the record has expired,
    //         OR it is INPROGRESS past its inProgressExpiration.
    //         Ask for ReturnValuesOnConditionCheckFailure: 'ALL_OLD'. No Map, no Set:
    //         another Lambda instance cannot see this process's memory.
    // TODO(ja) 3: INPROGRESS レコードの条件付き PutItem を 1 回だけ行って、ロックを取ります。
    //             成功してよいのは、キーが存在しないとき、またはレコードが期限切れのとき、または
    //             inProgressExpiration を過ぎた INPROGRESS のときだけです。
    //             ReturnValuesOnConditionCheckFailure: 'ALL_OLD' を指定します。Map も Set も使いません。
    //             ほかの Lambda インスタンスからは、このプロセスのメモリは見えません。

    // TODO 4: lost the lock (ConditionalCheckFailedException)? Use the error's `Item`,
    //         or read the record with a strongly consistent GetItem. COMPLETED: return
    //         JSON.parse(data) without calling fn. INPROGRESS: throw IdempotencyInProgressError.
    // TODO(ja) 4: ロックを取れなかった（ConditionalCheckFailedException）場合は、エラーの `Item` を使うか、
    //             強い整合性の GetItem でレコードを読み取ります。COMPLETED なら、fn を呼ばずに
    //             JSON.parse(data) を返します。INPROGRESS なら、IdempotencyInProgressError を投げます。

    // TODO 5: won the lock: run fn. Success: write the record COMPLETED with `data`.
    //         fn throws: delete the record and rethrow the same error.
    // TODO(ja) 5: ロックを取れたら fn を実行します。成功したら、`data` を付けてレコードを COMPLETED で
    //             書き込みます。fn が例外を投げたら、レコードを削除して同じエラーを投げ直します。
    return fn(input);
  };
}
