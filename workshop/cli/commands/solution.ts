/**
 * `solution [id]`: a coloured diff of the learner's files against the
 * solution. Only the files the learner edits (exercise.json "files"), no tests
 * or config, and nothing is ever written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readArgs } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { unifiedDiff } from '../diff.js';
import { EnvironmentError, ExitCode } from '../errors.js';
import { absolute, label, learnerFile, resolveExercise, solutionFile, type ExerciseMeta } from '../exercise.js';
import type { I18n } from '../messages/index.js';
import { loadCurrentExercise } from '../progress.js';
import { bold, dim, symbols } from '../terminal.js';
import { runOnce } from '../test-run.js';

export const solution: Command = {
  name: 'solution',
  args: '[id]',
  summary: (t) => t.solution.summary,
  usage: (t) => t.solution.usage,

  async run(argv, i18n) {
    const { t } = i18n;
    const args = readArgs('solution', argv, {}, 1, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    const meta = input === undefined ? await loadCurrentExercise((ids) => runOnce(ids, t), t) : resolveExercise(input, t);
    console.log(solutionDiff(meta, i18n).join('\n'));
    return ExitCode.ok;
  },
};

/** The diff lines for every file of an exercise. */
export function solutionDiff(meta: ExerciseMeta, { lang, t }: I18n): string[] {
  const lines = [`${bold(t.solution.heading(label(meta, lang)))} ${dim(t.solution.legend)}`, ''];
  for (const file of meta.files) {
    const mine = learnerFile(meta.id, file);
    const theirs = solutionFile(meta.id, file);
    if (!existsSync(absolute(theirs))) throw new EnvironmentError(t.solution.missing(mine, theirs));
    const mineText = existsSync(absolute(mine)) ? readFileSync(absolute(mine), 'utf8') : '';
    const diff = unifiedDiff(mine, theirs, mineText, readFileSync(absolute(theirs), 'utf8'));
    if (diff.length === 0) lines.push(`${symbols.pass} ${t.solution.same(mine)}`, '');
    else lines.push(...diff, '');
  }
  return lines;
}
