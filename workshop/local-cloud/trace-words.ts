/**
 * The words of the trace, in both languages the kit speaks. `formatTrace`
 * writes English unless told otherwise; `npm run demo` prints the trace in the
 * learner's language. Only the words change: the data in a line (tables,
 * subscribers, INSERT/MODIFY, PutItem, keys, sequence numbers, error codes) is
 * the same in every language.
 */
import type { Bilingual } from '../language.js';

export interface TraceWords {
  /** `7 records 9999…9950–9999…9992`; `span` is the sequence numbers. */
  readonly records: (count: number, span: string) => string;
  /** The operation of a write TTL made: `orders TTL delete {"orderId":"o-03"}`. */
  readonly ttlDelete: string;
  /** After a REMOVE record that TTL made. */
  readonly byTtl: string;
  /** `what` is `#9999…9971` or a `records(…)`. */
  readonly skips: (subscriber: string, what: string) => string;
  readonly reads: (subscriber: string, records: string) => string;
  readonly invocation: (subscriber: string, invocation: number, attempt: number, records: string) => string;
  readonly outcomes: { readonly success: string; readonly partialFailure: string; readonly failure: string };
  /** After the outcome: the records a partial failure reported. */
  readonly reported: (sequenceNumbers: string) => string;
  readonly retryReasons: { readonly error: string; readonly partialFailure: string; readonly bisect: string };
  readonly retry: (subscriber: string, records: string, reason: string, retries: number) => string;
  readonly givesUp: (subscriber: string, records: string, retries: number) => string;
  readonly onFailure: (subscriber: string, count: number, span: string) => string;
  readonly chaosKinds: { readonly duplicate: string; readonly replay: string; readonly sdkError: string };
  /** What a chaos replay redelivers: the whole batch. */
  readonly replayDetail: (count: number) => string;
  /** What a chaos duplicate redelivers: the batch from one record on. */
  readonly duplicateDetail: (sequenceNumber: string) => string;
  readonly clock: (to: string) => string;
  readonly bytes: (bytes: number) => string;
}

const en: TraceWords = {
  records: (count, span) => `${count} record${count === 1 ? '' : 's'} ${span}`,
  ttlDelete: 'TTL delete',
  byTtl: ' (by TTL)',
  skips: (subscriber, what) => `${subscriber} skips ${what} (no filter matched)`,
  reads: (subscriber, records) => `${subscriber} reads ${records}`,
  invocation: (subscriber, invocation, attempt, records) => `${subscriber} #${invocation} attempt ${attempt}: ${records}`,
  outcomes: { success: 'success', partialFailure: 'partial-failure', failure: 'failure' },
  reported: (sequenceNumbers) => ` reported ${sequenceNumbers}`,
  retryReasons: { error: 'error', partialFailure: 'partial-failure', bisect: 'bisect' },
  retry: (subscriber, records, reason, retries) => `${subscriber} retries ${records} (${reason}, retries so far ${retries})`,
  givesUp: (subscriber, records, retries) => `${subscriber} gives up on ${records} after ${retries} retries`,
  onFailure: (subscriber, count, span) => `${subscriber} → on-failure list: ${count} records ${span}`,
  chaosKinds: { duplicate: 'duplicate', replay: 'replay', sdkError: 'sdk-error' },
  replayDetail: (count) => `the whole batch of ${count} comes again`,
  duplicateDetail: (sequenceNumber) => `records from #${sequenceNumber} come again`,
  clock: (to) => `clock → ${to}`,
  bytes: (bytes) => ` (${bytes} bytes)`,
};

const ja: TraceWords = {
  records: (count, span) => `${count} 件のレコード ${span}`,
  ttlDelete: 'TTL による削除',
  byTtl: '（TTL による削除）',
  skips: (subscriber, what) => `${subscriber} は ${what} をスキップ（どのフィルターにも一致しない）`,
  reads: (subscriber, records) => `${subscriber} が ${records} を読み取る`,
  invocation: (subscriber, invocation, attempt, records) => `${subscriber} #${invocation} 試行 ${attempt} 回目: ${records}`,
  outcomes: { success: '成功', partialFailure: 'バッチの部分的な失敗', failure: '失敗' },
  reported: (sequenceNumbers) => `（報告されたレコード: ${sequenceNumbers}）`,
  retryReasons: { error: 'エラー', partialFailure: 'バッチの部分的な失敗', bisect: 'バッチの二分割' },
  retry: (subscriber, records, reason, retries) => `${subscriber} が ${records} をリトライ（${reason}、これまでのリトライ ${retries} 回）`,
  givesUp: (subscriber, records, retries) => `${subscriber} は ${records} を断念（リトライ ${retries} 回の後）`,
  onFailure: (subscriber, count, span) => `${subscriber} → 失敗時の送信先のリスト: ${count} 件のレコード ${span}`,
  chaosKinds: { duplicate: '重複', replay: 'リプレイ', sdkError: 'SDK エラー' },
  replayDetail: (count) => `バッチ全体（${count} 件）がもう一度届く`,
  duplicateDetail: (sequenceNumber) => `#${sequenceNumber} 以降のレコードがもう一度届く`,
  clock: (to) => `ローカル時計 → ${to}`,
  bytes: (bytes) => `（${bytes} バイト）`,
};

export const traceWords: Bilingual<TraceWords> = { en, ja };
