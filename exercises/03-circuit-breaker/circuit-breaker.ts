/**
 * 03 · Circuit breaker. The talk (slide 7): once a feature comes from a BaaS,
 * it is someone else's service that can be down, so microservice practices
 * such as the circuit breaker become necessary. A breaker stops calling a
 * failing dependency for a while, then lets one trial call find out if it is back.
 *
 * Your task: make `CircuitBreaker` work. CLOSED counts consecutive failures;
 * reaching `failureThreshold` opens it; OPEN rejects with `CircuitOpenError`
 * without calling the action; `resetTimeoutMs` after opening (by `now()`) the
 * state reads HALF_OPEN and exactly one trial call decides: CLOSED or OPEN again.
 * No timers: read the clock. Each TODO marks a place to change.
 *
 * 03 · サーキットブレーカー。講演（スライド 7）: 機能を BaaS から得るようになると、
 * それはダウンしうる他者のサービスになります。そのため、サーキットブレーカーのような
 * マイクロサービスのプラクティスが必要になります。ブレーカーは、失敗している依存先の
 * 呼び出しをしばらく止め、その後 1 回の試行の呼び出しで、依存先が回復したかどうかを確かめます。
 *
 * 課題: `CircuitBreaker` を動くようにします。CLOSED は連続した失敗を数え、
 * `failureThreshold` に達するとブレーカーが開きます。OPEN はアクションを呼ばずに
 * `CircuitOpenError` で reject します。開いてから（`now()` で測って）`resetTimeoutMs`
 * が経つと状態は HALF_OPEN と読め、ちょうど 1 回の試行の呼び出しで、CLOSED に戻るか
 * 再び OPEN になるかが決まります。タイマーは使わず、時計を読みます。各 TODO が変更する
 * 箇所を示しています。
 */

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** Rejected by `fire` when the breaker lets no call through. */
export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
}

/** Each state carries only its own data. */
type State =
  | { readonly name: 'CLOSED'; readonly failures: number } // consecutive failures so far
  | { readonly name: 'OPEN'; readonly openedAt: number } // now() when the breaker opened
  | { readonly name: 'HALF_OPEN' }; // the one trial call is in flight

interface Options {
  /** Consecutive failures that open the breaker: an integer ≥ 1. */
  failureThreshold: number;
  /** Milliseconds the breaker stays OPEN before it allows a trial call: finite, ≥ 0. */
  resetTimeoutMs: number;
  /** The clock, in milliseconds. Default: `Date.now`. */
  now?: () => number;
  /** Whether an error counts against the dependency. Default: every error does. */
  isFailure?: (error: unknown) => boolean;
  /** Told about every change of state, in order. */
  onStateChange?: (from: BreakerState, to: BreakerState) => void;
}

export class CircuitBreaker<A extends unknown[], R> {
  private current: State = { name: 'CLOSED', failures: 0 };

  constructor(
    private readonly action: (...args: A) => Promise<R>,
    private readonly options: Options,
  ) {
    // TODO: throw a RangeError that names the option and quotes the value received when
    // `failureThreshold` is not an integer ≥ 1, or `resetTimeoutMs` is negative or not finite (0 is fine).
    // TODO(ja): `failureThreshold` が 1 以上の整数でないとき、または `resetTimeoutMs` が負か有限でないとき
    // （0 は問題ありません）、オプション名を挙げ、受け取った値を引用した RangeError を投げます。
  }

  get state(): BreakerState {
    // TODO: return the current state's name, except that an OPEN breaker reads HALF_OPEN
    // once `resetTimeoutMs` has passed since `openedAt` (by `now()`, default `Date.now`).
    // TODO(ja): 現在の状態の名前を返します。ただし OPEN のブレーカーは、`resetTimeoutMs` の時間が
    // `openedAt` から経過した時点で（`now()` で測ります。デフォルトは `Date.now`）HALF_OPEN と読めます。
    throw new Error(
      'Not implemented yet (03-circuit-breaker): `state` should return CLOSED, OPEN or HALF_OPEN (HALF_OPEN once resetTimeoutMs has passed since the breaker opened).',
    );
  }

  fire(...args: A): Promise<R> {
    // TODO: admit the call: CLOSED lets it through; OPEN rejects with CircuitOpenError,
    //   unless the trial is due — then this call is the one trial (report OPEN → HALF_OPEN);
    //   while the trial is in flight, reject with CircuitOpenError.
    // TODO(ja): 呼び出しを通すかどうかを決めます。CLOSED なら通します。OPEN なら CircuitOpenError で
    //   reject します。ただし試行の時期が来ていれば、この呼び出しが唯一の試行になります
    //   （OPEN → HALF_OPEN を通知します）。試行の実行中は、CircuitOpenError で reject します。
    // TODO: call the action; a synchronous throw must become a rejection (fire never throws).
    // TODO(ja): アクションを呼び出します。同期的な throw は reject に変えなければなりません
    //   （fire は決して throw しません）。
    // TODO: on the outcome, move between states (one switch over `this.current.name`) and call
    //   `onStateChange(from, to)` on every change. An error for which `isFailure` returns false
    //   counts as a success and still reaches the caller unchanged.
    // TODO(ja): 結果に応じて状態を遷移させ（`this.current.name` に対する switch を 1 つ）、変化のたびに
    //   `onStateChange(from, to)` を呼びます。`isFailure` が false を返すエラーは成功として数えますが、
    //   そのエラーは変えずにそのまま呼び出し側に届けます。
    // TODO: ignore the outcome of a call if the state has changed since the call was admitted.
    // TODO(ja): 呼び出しを通した後に状態が変わっていたら、その呼び出しの結果は無視します。
    throw new Error(
      'Not implemented yet (03-circuit-breaker): fire() should call the action while CLOSED and reject with CircuitOpenError while OPEN.',
    );
  }
}
