/**
 * The local cloud's clock. It stands still until you move it. Stream records
 * are stamped with it, and moving it forward runs the TTL sweep: a test jumps
 * 31 days ahead in a millisecond and watches the orders expire.
 */
export class LocalClock {
  private nowMs: number;

  constructor(
    start: Date,
    /** Runs after every move, with the new time (the local cloud sweeps TTL here). */
    private readonly afterMove: (now: Date) => Promise<void>,
  ) {
    this.nowMs = start.getTime();
    if (!Number.isFinite(this.nowMs)) throw new RangeError(`startTime must be a valid date, received ${String(start)}`);
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  nowEpochSeconds(): number {
    return Math.floor(this.nowMs / 1000);
  }

  /** Moves the clock forward by `ms` milliseconds, then sweeps expired items. */
  async advanceBy(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advanceBy takes milliseconds ≥ 0, received ${ms}`);
    await this.advanceTo(new Date(this.nowMs + ms));
  }

  /** Moves the clock forward to `date`, then sweeps expired items. Time never runs backwards. */
  async advanceTo(date: Date): Promise<void> {
    const targetMs = date.getTime();
    if (!Number.isFinite(targetMs) || targetMs < this.nowMs)
      throw new RangeError(`advanceTo needs a date at or after ${this.now().toISOString()}, received ${String(date)}`);
    this.nowMs = targetMs;
    await this.afterMove(this.now());
  }
}
