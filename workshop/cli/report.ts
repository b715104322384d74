/**
 * A test result as the learner reads it: how many fail, then only the first
 * few failures, one line each with the test's own message (the tests say what
 * to do next). Failures with the same message are shown once, so twenty
 * "Not implemented yet" errors take one line. Shared by `check` and watch mode.
 * The test names and messages are the tests' own and stay as they are; the
 * lines around them are in the learner's language.
 */
import type { Messages } from './messages/index.js';
import { bold, dim, fit, green, red, symbols, wrap } from './terminal.js';
import { passes, type ExerciseResult, type Failure } from './test-run.js';

const maxOutputLines = 6;

function groupByMessage(failures: readonly Failure[]): Failure[][] {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) groups.set(failure.message, [...(groups.get(failure.message) ?? []), failure]);
  return [...groups.values()];
}

/** A failure's message, wrapped to at most two lines. */
function message(text: string): string[] {
  const lines = wrap(text, '      ');
  return lines.length <= 2 ? lines : [lines[0]!, fit(`${lines[1]!} ${lines.slice(2).join(' ').trim()}`)];
}

function summaryLine(result: ExerciseResult, t: Messages): string {
  if (result.loadError !== undefined) return `${symbols.fail} ${red(result.loadError)}`;
  if (passes(result)) return `${symbols.pass} ${green(bold(t.report.allPass(result.total)))}`;
  return `${symbols.fail} ${bold(t.report.someFail(result.total - result.passed, result.total))}`;
}

/** The summary line, the first `maxGroups` failures and what the learner's code printed. */
export function resultLines(result: ExerciseResult, t: Messages, maxGroups = 3): string[] {
  const lines = [summaryLine(result, t)];
  if (result.loadError === undefined) {
    const groups = groupByMessage(result.failures);
    for (const group of groups.slice(0, maxGroups)) {
      const [first] = group;
      if (!first) continue;
      const more = group.length > 1 ? dim(` ${t.report.moreWithSameMessage(group.length - 1)}`) : '';
      lines.push(fit(`  ${symbols.fail} ${first.test}${more}`), ...message(first.message));
    }
    const hidden = groups.slice(maxGroups).reduce((sum, group) => sum + group.length, 0);
    if (hidden > 0) lines.push(dim(`  ${t.report.moreFailing(hidden)}`));
  }
  if (result.output.length > 0) {
    lines.push('', dim(result.output.length > maxOutputLines ? t.report.codePrintedLast(maxOutputLines) : t.report.codePrinted));
    lines.push(...result.output.slice(-maxOutputLines).map((line) => fit(`  ${line}`)));
  }
  return lines;
}
