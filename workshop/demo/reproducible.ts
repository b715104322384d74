/**
 * Why two runs with the same seed print the very same lines.
 *
 * The solved order API (exercise 01) does what a real one does: it names an
 * order with `crypto.randomUUID()` and stamps it with `new Date()`. Fine on
 * AWS; but then every run of the demo would print other ids and other times.
 * For the length of the demo we pin both:
 *
 *   crypto.randomUUID()   → UUIDs drawn from the seed: sha256("seed|uuid|n")
 *   new Date(), Date.now() → the local cloud's clock, which only moves when the demo moves it
 *
 * Nothing in the handlers changes; `restore()` puts the originals back.
 * (Tests do the same with vitest's fake timers.)
 */
import { createHash } from 'node:crypto';

export interface Pinned {
  restore(): void;
}

export function pinIdsAndTime(seed: number, now: () => number): Pinned {
  const RealDate = Date;
  const realRandomUUID = globalThis.crypto.randomUUID;
  let n = 0;

  globalThis.crypto.randomUUID = () => seededUuid(seed, ++n);

  // A Date whose "now" is the local clock. Dates made with an argument are ordinary dates.
  class LocalCloudDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
    // Dates made before the pin still count as dates.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = LocalCloudDate as DateConstructor;

  return {
    restore() {
      globalThis.Date = RealDate;
      globalThis.crypto.randomUUID = realRandomUUID;
    },
  };
}

/** A version-4-shaped UUID from the seed and a counter. */
function seededUuid(seed: number, n: number): `${string}-${string}-${string}-${string}-${string}` {
  const hex = createHash('sha256').update(`${seed}|uuid|${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
