/** `check [id]`: runs one exercise's tests once. Exit 0 when they pass, 1 when some fail. */
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { assertRunnable, label, learnerFile, resolveExercise, type ExerciseMeta } from '../exercise.js';
import { currentExercise, loadProgress, nextExercise, recordResult, tellLearner } from '../progress.js';
import { resultLines } from '../report.js';
import { emptyProgress, progressOf, readProgress, writeProgress } from '../state.js';
import { bold, command, dim, wrap } from '../terminal.js';
import { passes, TestRunner, type ExerciseResult } from '../test-run.js';

export const check: Command = {
  name: 'check',
  args: '[id]',
  summary: "run one exercise's tests once (default: the one you are on); exit 0 pass, 1 fail",
  usage: `Usage: npm run workshop -- check [id]

Runs the tests of one exercise once and shows what fails, briefly.
  id    3, 03, 03-circuit-breaker or circuit-breaker (default: the exercise you are on)

Exit code: 0 when every test passes, 1 when some fail, 2 when the exercise or its files cannot be found.`,

  async run(argv) {
    const args = readArgs('check', argv, {}, 1);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const chosen = args.positionals[0] === undefined ? undefined : resolveExercise(args.positionals[0]);
    if (chosen) assertRunnable(chosen);
    const runner = await TestRunner.open();
    try {
      let meta = chosen;
      if (!meta) {
        meta = currentExercise(await loadProgress((ids) => runner.run(ids), tellLearner));
        assertRunnable(meta);
      }
      const [result] = await runner.run([meta.id]);
      if (!result) return ExitCode.usageOrEnvironment;
      remember(result);
      console.log(report(meta, result).join('\n'));
      return passes(result) ? ExitCode.ok : ExitCode.testsFailing;
    } finally {
      await runner.close();
    }
  },
};

/** Records the result if a progress file exists; a missing one is rebuilt later by `list` or `start`. */
function remember(result: ExerciseResult): void {
  const { progress } = readProgress();
  if (progress) writeProgress(recordResult(progress, result));
}

function report(meta: ExerciseMeta, result: ExerciseResult): string[] {
  const short = meta.id.slice(0, 2);
  const lines = [`${bold(label(meta))}  ${dim(meta.files.map((file) => learnerFile(meta.id, file)).join(', '))}`, ...resultLines(result), ''];
  if (passes(result)) {
    lines.push(bold('Recap'), ...wrap(meta.recap, '  '), '');
    const next = nextExercise(meta.id);
    lines.push(next ? `Next: ${label(next)}  ${command(`check ${next.id.slice(0, 2)}`)}` : 'That was the last exercise. Well done!');
  } else {
    const hintsShown = progressOf(readProgress().progress ?? emptyProgress, meta.id).hintsShown;
    lines.push(
      result.loadError === undefined ? 'Fix the first failure and save; `npm start` re-runs the tests on every save.' : 'Fix it and run the tests again.',
      hintsShown < meta.hints.length
        ? `Stuck? ${command(`hint ${short}`)} shows hint ${hintsShown + 1} of ${meta.hints.length}.`
        : `Stuck? ${command(`solution ${short}`)} compares your file with the solution.`,
    );
  }
  return lines;
}
