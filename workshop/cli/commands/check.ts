/** `check [id]`: runs one exercise's tests once. Exit 0 when they pass, 1 when some fail. */
import { readArgs } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { allExercises, assertRunnable, label, learnerFile, resolveExercise, type ExerciseMeta } from '../exercise.js';
import type { I18n } from '../messages/index.js';
import { loadCurrentExercise, nextExercise, recordResult } from '../progress.js';
import { resultLines } from '../report.js';
import { emptyProgress, progressOf, readProgress, writeProgress } from '../state.js';
import { bold, command, dim, wrap } from '../terminal.js';
import { passes, TestRunner, type ExerciseResult } from '../test-run.js';

export const check: Command = {
  name: 'check',
  args: '[id]',
  summary: (t) => t.check.summary,
  usage: (t) => t.check.usage,

  async run(argv, i18n) {
    const { t } = i18n;
    const args = readArgs('check', argv, {}, 1, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    // A named exercise is looked up before vitest starts, so a wrong id or a missing file is said at once.
    const chosen = args.positionals[0] === undefined ? undefined : resolveExercise(args.positionals[0], t);
    if (chosen) assertRunnable(chosen, i18n);
    const runner = await TestRunner.open(t);
    try {
      let meta = chosen;
      if (!meta) {
        meta = await loadCurrentExercise((ids) => runner.run(ids), t);
        assertRunnable(meta, i18n);
      }
      const [result] = await runner.run([meta.id]);
      if (!result) return ExitCode.usageOrEnvironment;
      remember(result);
      console.log(report(meta, result, i18n).join('\n'));
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

function report(meta: ExerciseMeta, result: ExerciseResult, { lang, t }: I18n): string[] {
  const short = meta.id.slice(0, 2);
  const files = meta.files.map((file) => learnerFile(meta.id, file)).join(', ');
  const lines = [`${bold(label(meta, lang))}  ${dim(files)}`, ...resultLines(result, t), ''];
  if (passes(result)) {
    lines.push(bold(t.common.recap), ...wrap(meta.recap[lang], '  '), '');
    const next = nextExercise(meta.id, allExercises(t));
    lines.push(next ? t.check.next(label(next, lang), command(`check ${next.id.slice(0, 2)}`)) : t.common.lastExercise);
  } else {
    const hintsShown = progressOf(readProgress().progress ?? emptyProgress, meta.id).hintsShown;
    lines.push(
      result.loadError === undefined ? t.check.fixFirstFailure : t.check.fixAndRunAgain,
      hintsShown < meta.hints.length
        ? t.check.stuckHint(command(`hint ${short}`), hintsShown + 1, meta.hints.length)
        : t.check.stuckSolution(command(`solution ${short}`)),
    );
  }
  return lines;
}
