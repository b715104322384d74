/**
 * The lines the integrity check prints: one per section, the failed checks
 * under it with their reasons, and the totals at the end. Plain functions of
 * checks and messages, so tests read them without running the check.
 */
import type { Check } from './judge.js';
import type { Messages } from './messages/index.js';

/** Details shown per failed check; the rest are counted. */
export const maxDetails = 8;

export interface Paint {
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
}

const noColor: Paint = { green: (text) => text, red: (text) => text };

/** `✓ structure: 13 of 13 passed`, then each failed check and (some of) its details. */
export function sectionLines(section: string, checks: readonly Check[], t: Messages, paint: Paint = noColor): string[] {
  const failed = checks.filter((check) => !check.ok);
  const mark = failed.length === 0 ? paint.green('✓') : paint.red('✗');
  const lines = [`${mark} ${t.report.section(section, checks.length - failed.length, checks.length)}`];
  for (const check of failed) {
    lines.push(`  ${paint.red('✗')} ${check.name}`);
    for (const detail of check.details.slice(0, maxDetails)) lines.push(`      ${detail}`);
    if (check.details.length > maxDetails) lines.push(`      ${t.report.moreDetails(check.details.length - maxDetails)}`);
  }
  return lines;
}

/**
 * The closing line, "N passed, N failed", in English whatever the language:
 * CI (.ci/run) reads it, and it must be the check's very last line.
 */
export function ciLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}

/** A blank line, the totals in the reader's language when that is not the CI line itself, then the CI line. */
export function closingLines(checks: readonly Check[], t: Messages): string[] {
  const failed = checks.filter((check) => !check.ok).length;
  const passed = checks.length - failed;
  const totals = t.report.totals(passed, failed);
  const last = ciLine(passed, failed);
  return totals === last ? ['', last] : ['', totals, last];
}
