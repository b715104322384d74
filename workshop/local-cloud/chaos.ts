/**
 * Chaos, reproducible. Delivery on AWS is at least once: records come twice,
 * whole batches come again, SDK calls fail now and then. The local cloud does
 * the same on purpose — and from a seed, so a run that failed can be replayed.
 *
 * Every decision is a pure function of (seed, the question, how many times
 * that question was asked before). Nothing depends on timing or on which
 * request happens to arrive first: a handler that sends two writes in
 * parallel gets the same faults on every run with the same seed.
 *
 *   question: "dynamodb|PutItem|orders|o-1"   asked for the 1st, 2nd… time
 *   draw = first 4 bytes of sha256("seed|question|n") / 2^32   → a number in [0, 1)
 */
import { createHash, randomInt } from 'node:crypto';

export interface ChaosRates {
  /** After a successful batch: chance that part of it is delivered again (default 0). */
  readonly duplicateRate?: number;
  /** After a successful batch: chance that all of it is delivered again (default 0). */
  readonly replayRate?: number;
  /**
   * Chance that one SDK request a handler makes fails with a transient error
   * (DynamoDB 400 throttling or 500, a Kinesis PutRecords entry, S3 503). The
   * SDK's own retries absorb many of them, as they do on AWS. Default 0.
   */
  readonly sdkErrorRate?: number;
}

/** What `chaos: true` means. */
export const defaultChaosRates = { duplicateRate: 0.1, replayRate: 0.05, sdkErrorRate: 0.1 } as const;

export class Chaos {
  readonly rates: Required<ChaosRates>;
  private readonly timesAsked = new Map<string, number>();
  private handlersRunning = 0;

  constructor(
    readonly seed: number,
    rates: ChaosRates = {},
  ) {
    this.rates = { duplicateRate: 0, replayRate: 0, sdkErrorRate: 0, ...rates };
    for (const [name, rate] of Object.entries(this.rates))
      if (!(rate >= 0 && rate < 1)) throw new RangeError(`chaos.${name} must be a probability in [0, 1), received ${rate}`);
    if (this.rates.duplicateRate + this.rates.replayRate >= 1)
      throw new RangeError(
        `chaos.duplicateRate + chaos.replayRate must stay below 1 (or redelivery never ends), received ${this.rates.duplicateRate + this.rates.replayRate}`,
      );
  }

  get enabled(): boolean {
    return Object.values(this.rates).some((rate) => rate > 0);
  }

  /** A number in [0, 1) decided by the seed, the question and how often it was asked. */
  draw(question: string): number {
    const n = (this.timesAsked.get(question) ?? 0) + 1;
    this.timesAsked.set(question, n);
    return createHash('sha256').update(`${this.seed}|${question}|${n}`).digest().readUInt32BE(0) / 2 ** 32;
  }

  /** True with probability `rate`. A rate of 0 asks nothing, so it never shifts other decisions. */
  chance(rate: number, question: string): boolean {
    return rate > 0 && this.draw(question) < rate;
  }

  /** One of `0 … count-1`. */
  pick(count: number, question: string): number {
    return Math.floor(this.draw(question) * count);
  }

  /** Should this SDK request fail? Only requests made while a handler runs are ever failed. */
  failSdkRequest(question: string): boolean {
    return this.handlersRunning > 0 && this.chance(this.rates.sdkErrorRate, `sdk|${question}`);
  }

  /** Runs a handler; the SDK calls it makes may meet injected faults. */
  async whileHandlerRuns<T>(work: () => Promise<T>): Promise<T> {
    this.handlersRunning++;
    try {
      return await work();
    } finally {
      this.handlersRunning--;
    }
  }

  /** The line a failing run prints. */
  replayHint(testFile?: string): string {
    const target = testFile ? ` ${testFile}` : '';
    return `Chaos seed=${this.seed}. Replay this run with: CHAOS_SEED=${this.seed} npx vitest run${target}`;
  }
}

/** The seed: the one given, else CHAOS_SEED from the environment, else a fresh random one (printed when a run fails). */
export function resolveSeed(given?: number, env: Record<string, string | undefined> = process.env): number {
  if (given !== undefined) {
    if (!Number.isSafeInteger(given)) throw new RangeError(`seed must be an integer, received ${given}`);
    return given;
  }
  const fromEnv = env.CHAOS_SEED?.trim();
  if (fromEnv) {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new RangeError(`CHAOS_SEED must be an integer, received "${fromEnv}"`);
    return seed;
  }
  return randomInt(1, 2 ** 31);
}
