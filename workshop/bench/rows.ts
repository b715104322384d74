/** What every part of `npm run bench` shares: a row of its table, how a row is printed, and the median of samples. */

/** One row of the table: what was measured, its value, and the target it is held to. */
export type Row = (what: string, value: string, target: string) => void;

export const printRow: Row = (what, value, target) => console.log(`${what.padEnd(44)}${value.padStart(12)}   ${target}`);

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
