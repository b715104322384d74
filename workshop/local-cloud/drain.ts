/**
 * drain(): deliver until every subscriber is caught up — its records handled,
 * skipped by its filters, or given up on and put on its on-failure list.
 *
 * Subscribers take turns, one invocation each per round, one at a time. So a
 * subscriber whose batch keeps failing never holds up the others, and the
 * order of everything that happens (and so every chaos decision) is the same
 * on every run.
 *
 * A subscriber with unlimited retries (maximumRetryAttempts -1, Lambda's
 * default) and a batch that always fails would retry forever — on AWS until
 * the records expire, a day later. drain() lets it fail `stuckAfterAttempts`
 * times in a row without moving on, then finishes the others and throws a
 * SubscriberStuckError. Calling drain() again tries again (say, after the
 * provider is back).
 */
import { SubscriberStuckError } from './errors.js';
import type { EventSourceMapping } from './event-source-mapping.js';

export interface DrainOptions {
  /** Failed invocations in a row, without moving on, after which a subscriber with unlimited retries counts as stuck. Default 50. */
  readonly stuckAfterAttempts?: number;
}

export const defaultStuckAfterAttempts = 50;

export async function drainSubscribers(mappings: readonly EventSourceMapping[], options: DrainOptions, replayHint: string): Promise<void> {
  const stuckAfterAttempts = options.stuckAfterAttempts ?? defaultStuckAfterAttempts;
  if (!Number.isInteger(stuckAfterAttempts) || stuckAfterAttempts < 1)
    throw new RangeError(`stuckAfterAttempts must be a whole number ≥ 1, received ${stuckAfterAttempts}`);
  const failedInARow = new Map<EventSourceMapping, number>();
  const stuck: EventSourceMapping[] = [];
  let busy = true;
  while (busy) {
    busy = false;
    for (const mapping of [...mappings]) {
      if (stuck.includes(mapping)) continue;
      const result = await mapping.step();
      if (result === 'idle') continue;
      busy = true;
      const failures = result === 'failed' ? (failedInARow.get(mapping) ?? 0) + 1 : 0;
      failedInARow.set(mapping, failures);
      if (mapping.retriesAreUnlimited && failures >= stuckAfterAttempts) stuck.push(mapping);
    }
  }
  const first = stuck[0];
  if (first) throw new SubscriberStuckError(first.name, failedInARow.get(first)!, first.lastError, replayHint);
}
