/**
 * 12 · Pingbot, the notifier.
 *
 * The talk (slide 2): pingbot's third way in is the stream. Every check
 * writes to the targets table; the table's stream carries the change here, and
 * a message goes to the chat only when a target's status changes. The chat is
 * someone else's service (slide 7), so we call it through a circuit breaker.
 *
 * Your task: post only on a change of status, through your breaker from
 * exercise 03, with partial batch failures as in exercise 07; and narrow
 * `statusChangeFilter` so Lambda does not even invoke us for the other records.
 * Work through the TODOs.
 *
 * 12 · pingbot: 講演者自身のアプリ（通知）。
 *
 * 講演（スライド 2）: pingbot の 3 つ目の入口はストリームです。チェックのたびに
 * ターゲットテーブルに書き込まれ、テーブルのストリームがその変更をここに運びます。チャットに
 * メッセージが送られるのは、ターゲットのステータスが変わったときだけです。チャットは
 * 他者のサービスなので（スライド 7）、サーキットブレーカーを通して呼び出します。
 *
 * 課題: ステータスが変わったときだけ、演習 03 のあなたのブレーカーを通して投稿し、
 * 演習 07 と同じくバッチの部分的な失敗を報告します。さらに `statusChangeFilter` を
 * 絞り込んで、それ以外のレコードでは Lambda がこの関数を呼び出しもしないようにします。
 * TODO を順に進めてください。
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { CircuitBreaker, CircuitOpenError } from '../03-circuit-breaker/circuit-breaker.js';

/** Where the messages go: a Slack incoming webhook, in production. */
export interface Notifier {
  post(text: string): Promise<void>;
}

export interface NotifyDeps {
  notifier: Notifier;
  /** Options of the breaker around `notifier.post`. Default: 3 failures open it for 60 s. */
  breaker?: { failureThreshold?: number; resetTimeoutMs?: number; now?: () => number };
}

/**
 * The event source mapping's FilterCriteria: Lambda drops every record no
 * pattern matches before it invokes us. Up to 5 patterns, ORed; each is a JSON
 * string, e.g. `{ "dynamodb": { "NewImage": { "status": { "S": ["DOWN"] } } } }`.
 */
export const statusChangeFilter = {
  // TODO 1: this lets every INSERT and MODIFY through. Let through only a target that is DOWN
  //   the first time we hear of it (an INSERT, or a MODIFY whose OldImage has no status) and
  //   a MODIFY that flips the status. A pattern cannot compare OldImage with NewImage…
  //   but `status` has only two values.
  // TODO(ja) 1: これではすべての INSERT と MODIFY が通ります。通すのは、初めて知ったときに DOWN である
  //   ターゲット（INSERT、または OldImage に status がない MODIFY）と、ステータスが反転する
  //   MODIFY だけです。パターンでは OldImage と NewImage を比較できません…ですが、
  //   `status` の値は 2 つしかありません。
  Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT', 'MODIFY'] }) }],
};

export function createNotifyHandler(deps: NotifyDeps): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  // TODO 3: build ONE breaker here (it must remember failures across invocations), around
  //   `(text: string) => deps.notifier.post(text)`, with deps.breaker's options or the defaults.
  //   Your CircuitBreaker and CircuitOpenError come from exercise 03.
  // TODO(ja) 3: ここでブレーカーを 1 つだけ作ります（呼び出しをまたいで失敗を覚えていなければなりません）。
  //   `(text: string) => deps.notifier.post(text)` を包み、オプションは deps.breaker のものか
  //   デフォルト値です。CircuitBreaker と CircuitOpenError は、演習 03 のあなたのものを使います。
  const breakerFrom03 = { CircuitBreaker, CircuitOpenError };

  return async (event) => {
    for (const record of event.Records) {
      const text = messageFor(record);
      if (text === undefined) continue; // not a change of status
      // TODO 4: post `text` through the breaker. If it rejects (the post failed, or the breaker
      //   is open), report this record by its dynamodb.SequenceNumber and stop, as in 07;
      //   without a SequenceNumber, rethrow.
      // TODO(ja) 4: ブレーカーを通して `text` を投稿します。reject されたら（投稿が失敗した、またはブレーカーが
      //   開いている）、演習 07 と同じく、このレコードをその dynamodb.SequenceNumber で報告して
      //   止めます。SequenceNumber がなければ、例外を投げ直します。
      throw new Error(
        `Not implemented yet (12-pingbot): post "${text}" through a ${breakerFrom03.CircuitBreaker.name} and report a failing record by its SequenceNumber.`,
      );
    }
    return { batchItemFailures: [] };
  };
}

interface CheckedTarget {
  url: string;
  status?: 'UP' | 'DOWN';
  httpStatus?: number;
  error?: string;
}

/** The text to post for this record, or `undefined` when the status did not change. */
function messageFor(record: DynamoDBRecord): string | undefined {
  const after = imageOf(record.dynamodb?.NewImage);
  const before = imageOf(record.dynamodb?.OldImage);
  // TODO 2: INSERT or MODIFY only. Compare before?.status with after?.status:
  //   - no change (or no status now): undefined;
  //   - now DOWN: `${url} is DOWN (HTTP 503)`, or the error when there was no HTTP answer;
  //   - now UP after DOWN: `${url} is up again`; UP with no status before is not news.
  // TODO(ja) 2: INSERT と MODIFY だけを扱います。before?.status と after?.status を比べます:
  //   - 変化なし（または現在のステータスがない）: undefined。
  //   - 現在 DOWN: `${url} is DOWN (HTTP 503)`。HTTP の応答がなかったときは、そのエラー。
  //   - DOWN の後に現在 UP: `${url} is up again`。以前のステータスがなくて UP なら、知らせません。
  throw new Error(
    `Not implemented yet (12-pingbot): messageFor() should return a text only when the status changed (${record.eventName}: ${before?.status ?? 'none'} → ${after?.status ?? 'none'}).`,
  );
}

function imageOf(image: Record<string, unknown> | undefined): CheckedTarget | undefined {
  return image ? (unmarshall(image as Record<string, AttributeValue>) as CheckedTarget) : undefined;
}
