/**
 * 11 · Add a service
 *
 * The talk (slide 12): in an event-driven system a new service subscribes to
 * the events that are already there, and nothing else changes ("New!"). And
 * (slide 7) once a feature comes from a BaaS, it is someone else's service
 * that can be down: put a circuit breaker in front of it.
 *
 * Your task: a notifications service on the orders table's stream. For every
 * new order with an `email`, send one confirmation e-mail through `deps.email`,
 * guarded by YOUR circuit breaker (exercise 03) and sent at most once per order
 * with YOUR idempotency wrapper (exercise 04). While the provider is down,
 * report the record as a batch item failure: Lambda redelivers it later.
 * Work through the TODOs.
 *
 * 11 · サービスを追加する
 *
 * 講演（スライド 12）: イベント駆動のシステムでは、新しいサービスはすでにあるイベントを
 * サブスクライブし、ほかには何も変わりません（「New!」）。また（スライド 7）、機能を BaaS
 * から得るようになると、それはダウンしうる他者のサービスになります。その手前に
 * サーキットブレーカーを置きます。
 *
 * 課題: 注文テーブルのストリームで動く通知サービスです。`email` を持つ新しい注文ごとに、
 * `deps.email` を通じて確認メールを 1 通送ります。送信は「あなたの」サーキットブレーカー
 * （演習 03）で守り、「あなたの」冪等性ラッパー（演習 04）で注文ごとに最大 1 回にします。
 * プロバイダーがダウンしている間は、そのレコードをバッチアイテムの失敗として報告します。
 * Lambda が後でそれを再配信します。TODO を順に進めてください。
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
// Yours, from earlier exercises:
import { CircuitBreaker, CircuitOpenError } from '../03-circuit-breaker/circuit-breaker.js';
import { makeIdempotent } from '../04-idempotency/idempotency.js';

/** One e-mail, as a BaaS sender such as SES or SendGrid takes it. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface NotificationDeps {
  /** The e-mail provider: resolves once the provider has accepted the message, rejects when it is down. */
  email: { send(message: EmailMessage): Promise<void> };
  /** The circuit breaker around `email.send`. Defaults: 5 failures, 30 000 ms, `Date.now`. */
  breaker?: { failureThreshold?: number; resetTimeoutMs?: number; now?: () => number };
  /** The idempotency table (key `id`). Default: IDEMPOTENCY_TABLE, read at call time. */
  tableName?: string;
}

/** The part of an order (an item of ORDERS_TABLE) this service reads. */
interface Order {
  orderId: string;
  email?: string;
  totalCents: number;
}

// The tools you will need (remove these lines once you use them):
void CircuitBreaker;
void CircuitOpenError;
void makeIdempotent;

export function createNotificationHandler(deps: NotificationDeps): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  // TODO 1: one CircuitBreaker around `deps.email.send`, made HERE (once per handler,
  //         so once per execution environment), with deps.breaker's options or the
  //         defaults: failureThreshold 5, resetTimeoutMs 30000, now Date.now.
  // TODO(ja) 1: `deps.email.send` を包む CircuitBreaker を 1 つ、「ここで」作ります（ハンドラーごとに
  //             1 回、つまり実行環境ごとに 1 回）。オプションは deps.breaker のものか、デフォルト値の
  //             failureThreshold 5、resetTimeoutMs 30000、now Date.now です。

  return async (event) => {
    // TODO 4: partial batch failure, as in exercise 07: when a record throws, return
    //         { batchItemFailures: [{ itemIdentifier: its SequenceNumber }] } and process
    //         nothing after it (no SequenceNumber: rethrow). A send that failed or met an
    //         open breaker is NOT a success: the order would never be mailed.
    // TODO(ja) 4: 演習 07 と同じく、バッチの部分的な失敗を扱います。レコードが例外を投げたら
    //             { batchItemFailures: [{ itemIdentifier: その SequenceNumber }] } を返し、それ以降は
    //             何も処理しません（SequenceNumber がなければ、例外を投げ直します）。失敗した送信や、
    //             開いたブレーカーに阻まれた送信は、成功ではありません。その注文のメールは決して
    //             送られなくなってしまいます。
    for (const record of event.Records) {
      if (record.eventName !== 'INSERT') continue;
      if (!record.dynamodb?.NewImage) continue; // TODO: fail instead, naming the stream view type needed
      // TODO(ja): ここで continue せず、必要なストリームのビュータイプを示して失敗させます。
      const order = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) as Order;
      if (!order.email) continue; // no address, no e-mail

      // TODO 2: send { to: order.email, subject, text } (both naming order.orderId) through the breaker.
      // TODO(ja) 2: { to: order.email, subject, text } をブレーカー経由で送ります（subject と text は
      //             どちらも order.orderId を含めます）。
      // TODO 3: at most once per order: wrap the send with makeIdempotent, keyed by orderId,
      //         on the table `deps.tableName ?? process.env.IDEMPOTENCY_TABLE` (read at call time).
      // TODO(ja) 3: 注文ごとに最大 1 回: 送信を makeIdempotent で包みます。キーは orderId、テーブルは
      //             `deps.tableName ?? process.env.IDEMPOTENCY_TABLE`（呼び出し時に読み取ります）です。
      throw new Error(
        `Not implemented yet (11-add-a-service): send the confirmation for order ${order.orderId} through the circuit breaker, once per order (makeIdempotent), and report failures as batch item failures.`,
      );
    }
    return { batchItemFailures: [] };
  };
}
