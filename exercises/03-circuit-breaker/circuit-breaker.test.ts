import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker, CircuitOpenError, type BreakerState } from './circuit-breaker.js';

// The clock is ours: tests move `nowMs` by hand. Nothing waits for real time.
let nowMs = 0;
const now = () => nowMs;
beforeEach(() => {
  nowMs = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

class DependencyDown extends Error {
  override name = 'DependencyDown';
}
class OrderNotFound extends Error {
  override name = 'OrderNotFound';
}

/**
 * Each call tells the fake dependency how to answer: `breaker.fire(succeed('a'))`,
 * `breaker.fire(fail())`, or `breaker.fire(() => slow.promise)` for a call that
 * stays in flight until the test settles `slow`.
 */
type Reply = () => Promise<string>;
const succeed = (value = 'ok'): Reply => async () => value;
const fail = (error: unknown = new DependencyDown('the dependency is down')): Reply => async () => {
  throw error;
};

/** A promise the test resolves or rejects by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // rejecting it is fine even if the breaker never called the action
  return { promise, resolve, reject };
}

type Options = ConstructorParameters<typeof CircuitBreaker>[1];

/** A breaker in front of the fake dependency; `changes` records every reported transition. */
function makeBreaker(options: Partial<Options> = {}) {
  const changes: Array<[BreakerState, BreakerState]> = [];
  const action = vi.fn((reply: Reply) => reply());
  const breaker = new CircuitBreaker(action, {
    failureThreshold: 3,
    resetTimeoutMs: 1_000,
    now,
    onStateChange: (from, to) => changes.push([from, to]),
    ...options,
  });
  return { breaker, action, changes };
}

type Breaker = ReturnType<typeof makeBreaker>['breaker'];

/** Fires calls that fail, one after the other, each rejected with the dependency's own error. */
async function failTimes(breaker: Breaker, times: number) {
  for (let i = 0; i < times; i += 1) {
    await expect(
      breaker.fire(fail()),
      'while CLOSED, fire() should call the action and reject with the error the action rejected with',
    ).rejects.toBeInstanceOf(DependencyDown);
  }
}

/** Opens the breaker at `nowMs` with `failureThreshold` failures. */
async function openBreaker(breaker: Breaker, failureThreshold: number) {
  await failTimes(breaker, failureThreshold);
  expect(breaker.state, `${failureThreshold} consecutive failures should open the breaker`).toBe('OPEN');
}

/** Holds a call to settle later. If the test fails before awaiting it, its rejection is not reported a second time. */
function inFlight<T>(call: Promise<T>): Promise<T> {
  call.catch(() => {});
  return call;
}

/** Calls fire() and checks that it returned a promise instead of throwing. */
function fireWithoutThrowing(breaker: Breaker, reply: Reply): Promise<string> {
  let call: Promise<string> | undefined;
  expect(() => {
    call = breaker.fire(reply);
  }, 'fire() must never throw: return a rejected promise instead').not.toThrow();
  return call!;
}

/** The value as its own word in a message: `-1` is found in "received -1", not in "≥ 1". */
function quoting(value: number): RegExp {
  const text = String(value).replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`(^|[^\\w.-])${text}(?![\\w.])`);
}

describe('options', () => {
  function constructionError(options: Partial<Options>): unknown {
    try {
      makeBreaker(options);
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it.each([0, 1.5, Number.NaN, -1])(
    'rejects failureThreshold %s with a RangeError naming the option and the value',
    (failureThreshold) => {
      const error = constructionError({ failureThreshold });

      expect(
        error,
        `failureThreshold ${failureThreshold} is not an integer ≥ 1: the constructor should throw a RangeError`,
      ).toBeInstanceOf(RangeError);
      const message = (error as RangeError).message;
      expect(message, 'the RangeError message should name the option').toContain('failureThreshold');
      expect(message, `the RangeError message should quote the value received (${failureThreshold})`).toMatch(
        quoting(failureThreshold),
      );
    },
  );

  it.each([-1, Number.POSITIVE_INFINITY, Number.NaN])(
    'rejects resetTimeoutMs %s with a RangeError naming the option and the value',
    (resetTimeoutMs) => {
      const error = constructionError({ resetTimeoutMs });

      expect(
        error,
        `resetTimeoutMs ${resetTimeoutMs} is negative or not finite: the constructor should throw a RangeError`,
      ).toBeInstanceOf(RangeError);
      const message = (error as RangeError).message;
      expect(message, 'the RangeError message should name the option').toContain('resetTimeoutMs');
      expect(message, `the RangeError message should quote the value received (${resetTimeoutMs})`).toMatch(
        quoting(resetTimeoutMs),
      );
    },
  );

  it('accepts resetTimeoutMs 0: the trial is due as soon as the breaker opens', async () => {
    const { breaker, changes } = makeBreaker({ failureThreshold: 1, resetTimeoutMs: 0 });

    await failTimes(breaker, 1);

    expect(changes, 'the failure opens the breaker').toEqual([['CLOSED', 'OPEN']]);
    expect(breaker.state, 'resetTimeoutMs 0 is valid: 0 ms after opening, the trial is already due').toBe('HALF_OPEN');
    await expect(breaker.fire(succeed('trial')), 'with resetTimeoutMs 0 the next call is the trial').resolves.toBe(
      'trial',
    );
    expect(breaker.state, 'a successful trial closes the breaker').toBe('CLOSED');
  });

  it('uses Date.now as the clock when none is given', async () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    const { breaker } = makeBreaker({ failureThreshold: 1, resetTimeoutMs: 1_000, now: undefined });

    await openBreaker(breaker, 1);
    clock.mockReturnValue(1_700_000_000_999);
    expect(breaker.state, 'without a `now` option, read the time from Date.now()').toBe('OPEN');
    clock.mockReturnValue(1_700_000_001_000);
    expect(breaker.state, 'without a `now` option, read the time from Date.now()').toBe('HALF_OPEN');
  });
});

describe('while CLOSED', () => {
  it('starts CLOSED', () => {
    const { breaker } = makeBreaker();

    expect(breaker.state, 'a new breaker lets calls through: it starts CLOSED').toBe('CLOSED');
  });

  it('passes the arguments to the action and resolves with its result', async () => {
    const order = { orderId: 'o-1', totalCents: 1_200 };
    const findOrder = vi.fn(async (_orderId: string, _consistent: boolean) => order);
    const breaker = new CircuitBreaker(findOrder, { failureThreshold: 1, resetTimeoutMs: 1_000, now });

    const result = await breaker.fire('o-1', true);

    expect(findOrder, 'fire(...args) should call the action with the same arguments').toHaveBeenCalledWith('o-1', true);
    expect(result, 'fire() should resolve with exactly what the action resolved with').toBe(order);
  });

  it("rejects with the action's own error and stays CLOSED below the threshold", async () => {
    const { breaker } = makeBreaker({ failureThreshold: 3 });
    const error = new DependencyDown('timeout talking to the e-mail provider');

    await expect(breaker.fire(fail(error)), 'pass the error of the action to the caller unchanged').rejects.toBe(
      error,
    );
    await failTimes(breaker, 1);

    expect(breaker.state, 'two failures are below a failureThreshold of 3: stay CLOSED').toBe('CLOSED');
  });

  it('opens once failureThreshold consecutive failures have happened', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 3 });

    await failTimes(breaker, 3);

    expect(breaker.state, 'the 3rd consecutive failure reaches failureThreshold 3: open the breaker').toBe('OPEN');
  });

  it('a success resets the count of consecutive failures', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 3 });

    await failTimes(breaker, 2);
    await expect(breaker.fire(succeed())).resolves.toBe('ok');
    await failTimes(breaker, 2);

    expect(
      breaker.state,
      'failures are counted in a row: a success sets the count back to 0, so 2 + 2 failures do not open a breaker with failureThreshold 3',
    ).toBe('CLOSED');
    await failTimes(breaker, 1);
    expect(breaker.state, 'the 3rd failure in a row should open the breaker').toBe('OPEN');
  });

  it('counts the failures of calls that are in flight at the same time', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 2 });
    const first = deferred<string>();
    const second = deferred<string>();

    const calls = [inFlight(breaker.fire(() => first.promise)), inFlight(breaker.fire(() => second.promise))];
    first.reject(new DependencyDown('first'));
    second.reject(new DependencyDown('second'));
    await expect(calls[0]).rejects.toBeInstanceOf(DependencyDown);
    await expect(calls[1]).rejects.toBeInstanceOf(DependencyDown);

    expect(
      breaker.state,
      'two calls admitted while CLOSED both failed: both count, and failureThreshold 2 opens the breaker',
    ).toBe('OPEN');
  });

  it('turns a synchronous throw of the action into a rejected promise that counts as a failure', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 1 });
    const error = new DependencyDown('thrown before any promise existed');

    const call = fireWithoutThrowing(breaker, () => {
      throw error;
    });

    await expect(call, 'a synchronous throw by the action should reach the caller as a rejection').rejects.toBe(error);
    expect(breaker.state, 'a synchronous throw is a failure: with failureThreshold 1 the breaker opens').toBe('OPEN');
  });
});

describe('while OPEN', () => {
  it('rejects with CircuitOpenError without calling the action', async () => {
    const { breaker, action } = makeBreaker({ failureThreshold: 2 });
    await openBreaker(breaker, 2);
    const reply = vi.fn(succeed());

    const call = fireWithoutThrowing(breaker, reply);

    await expect(call, 'an OPEN breaker should reject with a CircuitOpenError').rejects.toBeInstanceOf(CircuitOpenError);
    expect(action, 'an OPEN breaker must not call the action at all').toHaveBeenCalledTimes(2);
    expect(reply).not.toHaveBeenCalled();
  });

  it('opens at the time the failure that reaches the threshold is seen', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 2, resetTimeoutMs: 1_000 });
    await failTimes(breaker, 1);
    nowMs = 100;
    const slow = deferred<string>();
    const call = inFlight(breaker.fire(() => slow.promise));

    nowMs = 400;
    slow.reject(new DependencyDown('answered at 400'));
    await expect(call).rejects.toBeInstanceOf(DependencyDown);

    nowMs = 1_399;
    expect(breaker.state, 'the breaker opened at 400 (now() when the 2nd failure came back): OPEN until 1400').toBe(
      'OPEN',
    );
    nowMs = 1_400;
    expect(breaker.state, 'the breaker opened at 400 and resetTimeoutMs is 1000: HALF_OPEN from 1400').toBe(
      'HALF_OPEN',
    );
  });

  it('reads HALF_OPEN once resetTimeoutMs has passed since it opened, with no timer', async () => {
    const { breaker, action } = makeBreaker({ failureThreshold: 1, resetTimeoutMs: 1_000 });
    nowMs = 5_000;
    await openBreaker(breaker, 1);

    nowMs = 5_999;
    expect(breaker.state, '999 ms after opening, resetTimeoutMs 1000 has not passed yet: still OPEN').toBe('OPEN');
    await expect(breaker.fire(succeed()), 'still OPEN: reject').rejects.toBeInstanceOf(CircuitOpenError);
    nowMs = 6_000;
    expect(
      breaker.state,
      'resetTimeoutMs has passed (by now()): `state` should read HALF_OPEN — compute it from the clock, do not wait for a timer',
    ).toBe('HALF_OPEN');
    expect(action, 'reading `state` must not call the action').toHaveBeenCalledTimes(1);
  });
});

describe('while HALF_OPEN', () => {
  it('lets exactly one trial call through; calls made while it runs are rejected', async () => {
    const { breaker, action } = makeBreaker({ failureThreshold: 1, resetTimeoutMs: 1_000 });
    await openBreaker(breaker, 1);
    nowMs = 1_000;
    const trialAnswer = deferred<string>();

    const trial = inFlight(breaker.fire(() => trialAnswer.promise));
    const second = breaker.fire(succeed('second'));

    await expect(
      second,
      'while the trial call is in flight, other calls should be rejected with CircuitOpenError',
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(action, 'HALF_OPEN lets exactly one trial call reach the action').toHaveBeenCalledTimes(2);
    expect(breaker.state, 'while the trial is in flight the breaker reads HALF_OPEN').toBe('HALF_OPEN');

    trialAnswer.resolve('trial');
    await expect(trial).resolves.toBe('trial');
  });

  it('closes after a successful trial, with the failure count reset', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 2, resetTimeoutMs: 1_000 });
    await openBreaker(breaker, 2);
    nowMs = 1_000;

    await expect(breaker.fire(succeed('trial')), 'the trial call should run and resolve').resolves.toBe('trial');

    expect(breaker.state, 'a successful trial closes the breaker').toBe('CLOSED');
    await failTimes(breaker, 1);
    expect(
      breaker.state,
      'after closing, the count starts again from 0: one failure does not reach failureThreshold 2',
    ).toBe('CLOSED');
  });

  it('opens again after a failed trial, and the timeout restarts from that failure', async () => {
    const { breaker, action } = makeBreaker({ failureThreshold: 1, resetTimeoutMs: 1_000 });
    await openBreaker(breaker, 1);
    nowMs = 1_000;
    const trialAnswer = deferred<string>();
    const trial = inFlight(breaker.fire(() => trialAnswer.promise));

    nowMs = 1_300;
    trialAnswer.reject(new DependencyDown('still down'));
    await expect(trial, "the trial's error should reach the caller").rejects.toBeInstanceOf(DependencyDown);

    expect(breaker.state, 'a failed trial opens the breaker again').toBe('OPEN');
    await expect(breaker.fire(succeed()), 'OPEN again: reject').rejects.toBeInstanceOf(CircuitOpenError);
    expect(action).toHaveBeenCalledTimes(2);
    nowMs = 2_299;
    expect(breaker.state, 'the trial failed at 1300, so the breaker stays OPEN until 2300').toBe('OPEN');
    nowMs = 2_300;
    expect(breaker.state, 'the timeout restarts when the trial fails (1300 + 1000)').toBe('HALF_OPEN');
  });
});

describe('late answers: only calls admitted in the current state count', () => {
  /** Starts a slow call while CLOSED, then opens the breaker at 0 with two other failures. */
  async function openWithACallInFlight() {
    const made = makeBreaker({ failureThreshold: 2, resetTimeoutMs: 1_000 });
    const slow = deferred<string>();
    const lateCall = inFlight(made.breaker.fire(() => slow.promise));
    await openBreaker(made.breaker, 2);
    return { ...made, slow, lateCall };
  }

  it('a call started while CLOSED that fails after the breaker opened changes nothing', async () => {
    const { breaker, changes, slow, lateCall } = await openWithACallInFlight();

    nowMs = 600;
    slow.reject(new DependencyDown('late'));
    await expect(lateCall, 'the late error still reaches its caller').rejects.toBeInstanceOf(DependencyDown);

    nowMs = 1_000;
    expect(
      breaker.state,
      'the late failure must not restart the timeout: the breaker opened at 0, so at 1000 the trial is due',
    ).toBe('HALF_OPEN');
    expect(changes, 'a late answer must not report any transition').toEqual([['CLOSED', 'OPEN']]);
  });

  it('a call started while CLOSED that succeeds after the breaker opened does not close it', async () => {
    const { breaker, action, changes, slow, lateCall } = await openWithACallInFlight();

    slow.resolve('late answer');
    await expect(lateCall, 'the late result still reaches its caller').resolves.toBe('late answer');

    expect(
      breaker.state,
      'the call was admitted while CLOSED: its success must not close a breaker that has opened since',
    ).toBe('OPEN');
    await expect(breaker.fire(succeed()), 'still OPEN: reject').rejects.toBeInstanceOf(CircuitOpenError);
    expect(action).toHaveBeenCalledTimes(3);
    expect(changes).toEqual([['CLOSED', 'OPEN']]);
  });

  it('a late success while the trial is in flight neither closes the breaker nor lets a second call in', async () => {
    const { breaker, action, slow, lateCall } = await openWithACallInFlight();
    nowMs = 1_000;
    const trialAnswer = deferred<string>();
    const trial = inFlight(breaker.fire(() => trialAnswer.promise));

    slow.resolve('late answer');
    await expect(lateCall).resolves.toBe('late answer');

    expect(breaker.state, 'only the trial decides how HALF_OPEN ends, not a call from before').toBe('HALF_OPEN');
    await expect(
      breaker.fire(succeed('another')),
      'the trial is still in flight: reject other calls',
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(action).toHaveBeenCalledTimes(4);

    trialAnswer.reject(new DependencyDown('trial failed'));
    await expect(trial).rejects.toBeInstanceOf(DependencyDown);
    expect(breaker.state, 'the failed trial opens the breaker again').toBe('OPEN');
  });

  it('a late failure does not count towards the next CLOSED period', async () => {
    const { breaker, slow, lateCall } = await openWithACallInFlight();
    nowMs = 1_000;
    await expect(breaker.fire(succeed('trial'))).resolves.toBe('trial');
    expect(breaker.state, 'a successful trial closes the breaker').toBe('CLOSED');

    slow.reject(new DependencyDown('late'));
    await expect(lateCall).rejects.toBeInstanceOf(DependencyDown);
    await failTimes(breaker, 1);

    expect(
      breaker.state,
      'the late failure belongs to the CLOSED period before the breaker opened: only 1 failure counts now, below failureThreshold 2',
    ).toBe('CLOSED');
  });
});

describe('errors the dependency answered with (isFailure returns false)', () => {
  const isFailure = (error: unknown) => !(error instanceof OrderNotFound);

  it('passes the error to the caller unchanged and does not count it', async () => {
    const filter = vi.fn(isFailure);
    const { breaker } = makeBreaker({ failureThreshold: 1, isFailure: filter });
    const notFound = new OrderNotFound('no order o-404');

    await expect(breaker.fire(fail(notFound)), 'the caller should get the very same error object').rejects.toBe(
      notFound,
    );

    expect(filter, 'ask isFailure about the error the action rejected with').toHaveBeenCalledWith(notFound);
    expect(breaker.state, 'isFailure returned false: the error does not count, even with failureThreshold 1').toBe(
      'CLOSED',
    );
  });

  it('counts it as a success: it resets the consecutive failures', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 2, isFailure });

    await failTimes(breaker, 1);
    await expect(breaker.fire(fail(new OrderNotFound('no order')))).rejects.toBeInstanceOf(OrderNotFound);
    await failTimes(breaker, 1);

    expect(
      breaker.state,
      'the dependency answered (isFailure false): that is a success and resets the count, so failures 1 and 3 are not in a row',
    ).toBe('CLOSED');
  });

  it('a trial that ends with such an error closes the breaker', async () => {
    const { breaker } = makeBreaker({ failureThreshold: 1, resetTimeoutMs: 1_000, isFailure });
    await openBreaker(breaker, 1);
    nowMs = 1_000;

    await expect(breaker.fire(fail(new OrderNotFound('no order')))).rejects.toBeInstanceOf(OrderNotFound);

    expect(breaker.state, 'the dependency answered the trial: close the breaker').toBe('CLOSED');
  });
});

describe('onStateChange', () => {
  it('reports a full cycle once per transition, in order', async () => {
    const { breaker, changes } = makeBreaker({ failureThreshold: 2, resetTimeoutMs: 1_000 });

    await expect(breaker.fire(succeed())).resolves.toBe('ok');
    await failTimes(breaker, 1);
    expect(changes, 'staying CLOSED is not a transition: report nothing yet').toEqual([]);
    await openBreaker(breaker, 1); // the 2nd failure in a row
    nowMs = 1_000;
    expect(breaker.state).toBe('HALF_OPEN');
    expect(breaker.state).toBe('HALF_OPEN');
    await expect(breaker.fire(fail())).rejects.toBeInstanceOf(DependencyDown);
    nowMs = 2_000;
    expect(breaker.state).toBe('HALF_OPEN');
    await expect(breaker.fire(succeed('trial'))).resolves.toBe('trial');

    expect(
      changes,
      'call onStateChange(from, to) once for each change of state, in the order they happen — reading `state` twice must not report twice',
    ).toEqual([
      ['CLOSED', 'OPEN'],
      ['OPEN', 'HALF_OPEN'],
      ['HALF_OPEN', 'OPEN'],
      ['OPEN', 'HALF_OPEN'],
      ['HALF_OPEN', 'CLOSED'],
    ]);
  });

  it('reports OPEN → HALF_OPEN by the time the trial call starts', async () => {
    const { breaker, changes } = makeBreaker({ failureThreshold: 1, resetTimeoutMs: 1_000 });
    await openBreaker(breaker, 1);
    nowMs = 1_000;
    let reportedWhenTheTrialStarted: Array<[BreakerState, BreakerState]> = [];

    await breaker.fire(async () => {
      reportedWhenTheTrialStarted = [...changes];
      return 'trial';
    });

    expect(
      reportedWhenTheTrialStarted,
      'report OPEN → HALF_OPEN before (or when) fire() lets the trial call through',
    ).toEqual([
      ['CLOSED', 'OPEN'],
      ['OPEN', 'HALF_OPEN'],
    ]);
  });
});
