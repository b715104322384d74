/**
 * The whole plan of the workshop: twelve exercises that follow the talk
 * (shared spec, EXERCISES.md). Only `list --all` reads it, to show the
 * exercises that are not written yet; an exercise that exists speaks for
 * itself through its exercise.json.
 */
import type { Bilingual } from '../language.js';

export interface PlannedExercise {
  readonly id: string;
  readonly title: Bilingual<string>;
  /** Slide numbers of the talk. */
  readonly slides: readonly number[];
}

export const plan: readonly PlannedExercise[] = [
  { id: '01-stateless-function', title: { en: 'A stateless function', ja: 'ステートレスな関数' }, slides: [3, 9] },
  { id: '02-twelve-factor-config', title: { en: 'Twelve-factor config', ja: 'Twelve-Factor な設定' }, slides: [8] },
  { id: '03-circuit-breaker', title: { en: 'Circuit breaker', ja: 'サーキットブレーカー' }, slides: [7] },
  { id: '04-idempotency', title: { en: 'Idempotency', ja: '冪等性' }, slides: [9] },
  { id: '05-choreography', title: { en: 'Choreography', ja: 'コレオグラフィ' }, slides: [11, 12, 13, 14] },
  { id: '06-stream-handler', title: { en: 'A stream handler', ja: 'ストリームハンドラー' }, slides: [15, 16] },
  { id: '07-partial-batch-failures', title: { en: 'Partial batch failures', ja: 'バッチの部分的な失敗' }, slides: [16] },
  { id: '08-idempotent-consumer', title: { en: 'Idempotent consumer', ja: '冪等なコンシューマー' }, slides: [9, 16] },
  { id: '09-kinesis-fan-out', title: { en: 'Kinesis fan-out', ja: 'Kinesis へのファンアウト' }, slides: [17] },
  { id: '10-ttl-archive', title: { en: 'TTL archive', ja: 'TTL によるアーカイブ' }, slides: [18] },
  { id: '11-add-a-service', title: { en: 'Add a service', ja: 'サービスを追加する' }, slides: [12, 7] },
  { id: '12-pingbot', title: { en: 'pingbot', ja: 'pingbot: 講演者自身のアプリ' }, slides: [2] },
];
