/**
 * `solution [id]`: a coloured diff of the learner's files against the
 * solution. Only the files the learner edits (exercise.json "files"), no tests
 * or config, and nothing is ever written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { unifiedDiff } from '../diff.js';
import { EnvironmentError, ExitCode } from '../errors.js';
import { absolute, label, learnerFile, resolveExercise, solutionFile, type ExerciseMeta } from '../exercise.js';
import { currentExercise, loadProgress, tellLearner } from '../progress.js';
import { bold, dim, symbols } from '../terminal.js';
import { runOnce } from '../test-run.js';

export const solution: Command = {
  name: 'solution',
  args: '[id]',
  summary: "show a coloured diff of your files against the solution (changes nothing)",
  usage: `Usage: npm run workshop -- solution [id]

Shows how your files differ from the reference solution: lines starting with -
are yours, lines starting with + are the solution's. Only the files you edit are
compared, and nothing is changed.
  id    3, 03, 03-circuit-breaker or circuit-breaker (default: the exercise you are on)`,

  async run(argv) {
    const args = readArgs('solution', argv, {}, 1);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    const meta = input === undefined ? currentExercise(await loadProgress(runOnce, tellLearner)) : resolveExercise(input);
    console.log(solutionDiff(meta).join('\n'));
    return ExitCode.ok;
  },
};

/** The diff lines for every file of an exercise. */
export function solutionDiff(meta: ExerciseMeta): string[] {
  const lines = [`${bold(`The solution of ${label(meta)}`)} ${dim('(- your file, + the solution)')}`, ''];
  for (const file of meta.files) {
    const mine = learnerFile(meta.id, file);
    const theirs = solutionFile(meta.id, file);
    if (!existsSync(absolute(theirs))) throw new EnvironmentError(`The kit has no solution for ${mine} (${theirs} is missing).`);
    const mineText = existsSync(absolute(mine)) ? readFileSync(absolute(mine), 'utf8') : '';
    const diff = unifiedDiff(mine, theirs, mineText, readFileSync(absolute(theirs), 'utf8'));
    if (diff.length === 0) lines.push(`${symbols.pass} ${mine} is the same as the solution.`, '');
    else lines.push(...diff, '');
  }
  return lines;
}
