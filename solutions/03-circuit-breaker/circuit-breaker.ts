/**
 * A circuit breaker (the talk, slide 7): once a feature lives in someone
 * else's service, calls to it can fail, and a caller that keeps calling a
 * service that is down only makes things worse. The breaker stops calling
 * after a run of failures, then lets one trial call through to see whether
 * the service is back.
 */

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** Rejected by `fire` when the breaker lets no call through. */
export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
}

// #region state
/** Each state carries only its own data. */
type State =
  | { readonly name: 'CLOSED'; readonly failures: number } // consecutive failures so far
  | { readonly name: 'OPEN'; readonly openedAt: number } // now() when the breaker opened
  | { readonly name: 'HALF_OPEN' }; // the one trial call is in flight
// #endregion state

/** What can happen to a breaker. */
type BreakerEvent = 'trial' | 'success' | 'failure';

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
  /** Counts changes of state. A call's outcome counts only if none happened since it started. */
  private transitions = 0;
  private readonly failureThreshold: number;
  private readonly resetTimeoutMs: number;
  private readonly now: () => number;
  private readonly isFailure: (error: unknown) => boolean;
  private readonly onStateChange: (from: BreakerState, to: BreakerState) => void;

  constructor(
    private readonly action: (...args: A) => Promise<R>,
    options: Options,
  ) {
    const { failureThreshold, resetTimeoutMs } = options;
    if (!Number.isInteger(failureThreshold) || failureThreshold < 1) {
      throw new RangeError(`failureThreshold must be an integer ≥ 1, received ${failureThreshold}`);
    }
    if (!Number.isFinite(resetTimeoutMs) || resetTimeoutMs < 0) {
      throw new RangeError(`resetTimeoutMs must be a finite number ≥ 0, received ${resetTimeoutMs}`);
    }
    this.failureThreshold = failureThreshold;
    this.resetTimeoutMs = resetTimeoutMs;
    this.now = options.now ?? Date.now;
    this.isFailure = options.isFailure ?? (() => true);
    this.onStateChange = options.onStateChange ?? (() => {});
  }

  /** HALF_OPEN is read from the clock: no timer has to fire (a frozen Lambda runs none). */
  get state(): BreakerState {
    return this.trialIsDue() ? 'HALF_OPEN' : this.current.name;
  }

  // #region fire
  fire(...args: A): Promise<R> {
    if (this.trialIsDue()) {
      this.handle('trial'); // this call is the one trial
    } else if (this.current.name !== 'CLOSED') {
      return Promise.reject(new CircuitOpenError(`The circuit is ${this.state}: the call was not made`));
    }

    const admittedAt = this.transitions;
    const settle = (event: 'success' | 'failure') => {
      if (this.transitions === admittedAt) this.handle(event); // else: a late answer, ignore it
    };
    // The executor runs at once, and turns a synchronous throw into a rejection.
    return new Promise<R>((resolve) => resolve(this.action(...args))).then(
      (result) => {
        settle('success');
        return result;
      },
      (error: unknown) => {
        settle(this.isFailure(error) ? 'failure' : 'success'); // a filtered error: the dependency answered
        throw error;
      },
    );
  }
  // #endregion fire

  // #region transitions
  /** The transition table: every change of state happens here. */
  private handle(event: BreakerEvent): void {
    const state = this.current;
    switch (state.name) {
      case 'CLOSED': {
        if (event === 'trial') return;
        const failures = event === 'failure' ? state.failures + 1 : 0;
        this.moveTo(
          failures >= this.failureThreshold
            ? { name: 'OPEN', openedAt: this.now() }
            : { name: 'CLOSED', failures },
        );
        return;
      }
      case 'OPEN':
        if (event === 'trial') this.moveTo({ name: 'HALF_OPEN' });
        return;
      case 'HALF_OPEN':
        if (event === 'success') this.moveTo({ name: 'CLOSED', failures: 0 });
        if (event === 'failure') this.moveTo({ name: 'OPEN', openedAt: this.now() });
        return;
      default:
        return assertNever(state);
    }
  }
  // #endregion transitions

  private moveTo(next: State): void {
    const from = this.current.name;
    this.current = next;
    if (next.name !== from) {
      this.transitions += 1;
      this.onStateChange(from, next.name);
    }
  }

  private trialIsDue(): boolean {
    const state = this.current;
    return state.name === 'OPEN' && this.now() - state.openedAt >= this.resetTimeoutMs;
  }
}

function assertNever(state: never): never {
  throw new Error(`Unknown breaker state: ${JSON.stringify(state)}`);
}
