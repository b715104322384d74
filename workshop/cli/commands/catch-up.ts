/**
 * `catch-up <id>`: for a late joiner in an instructor-led session. Applies the
 * solutions of every exercise before <id> (backing up the learner's files
 * first), checks them, and makes <id> the current exercise.
 */
import { readFileSync } from 'node:fs';
import { readArgs } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { EnvironmentError, ExitCode, UsageError } from '../errors.js';
import { absolute, allExercises, label, learnerFile, resolveExercise, solutionExists, solutionFile } from '../exercise.js';
import { backupLines, overwriteSafely } from '../overwrite.js';
import { recordResult } from '../progress.js';
import { updateProgress } from '../state.js';
import { bold, command, cyan, dim, symbols } from '../terminal.js';
import { passes, runOnce } from '../test-run.js';

export const catchUp: Command = {
  name: 'catch-up',
  args: '<id>',
  summary: (t) => t.catchUp.summary,
  usage: (t) => t.catchUp.usage,

  async run(argv, { lang, t }) {
    const args = readArgs('catch-up', argv, {}, 1, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    if (input === undefined) throw new UsageError(t.catchUp.needsExercise);
    const target = resolveExercise(input, t);
    const earlier = allExercises(t).filter((meta) => meta.id < target.id);

    // Check every solution exists before touching anything.
    for (const meta of earlier)
      for (const file of meta.files)
        if (!solutionExists(meta.id, file))
          throw new EnvironmentError(t.catchUp.noSolution(learnerFile(meta.id, file), solutionFile(meta.id, file)));

    const replacements = earlier.flatMap((meta) =>
      meta.files.map((file) => ({ file: learnerFile(meta.id, file), content: readFileSync(absolute(solutionFile(meta.id, file))) })),
    );
    const { changed, backup } = overwriteSafely(`catch-up-to-${target.id}`, replacements, t);
    updateProgress((progress) => ({ ...progress, current: target.id }));

    const range = earlier.length === 0 ? '' : `${earlier[0]!.id.slice(0, 2)}–${earlier.at(-1)!.id.slice(0, 2)}`;
    const lines = [
      earlier.length === 0
        ? `${symbols.pass} ${t.catchUp.firstExercise(label(target, lang))}`
        : `${symbols.pass} ${t.catchUp.caughtUp(bold(label(target, lang)), range, changed.length)}`,
      ...backupLines(backup, t),
    ];
    console.log(lines.join('\n'));
    if (earlier.length === 0) return ExitCode.ok;

    console.log(dim(t.catchUp.checking(range)));
    const results = await runOnce(earlier.map((meta) => meta.id), t);
    updateProgress((progress) => results.reduce(recordResult, progress));
    const failing = results.filter((result) => !passes(result));
    if (failing.length > 0) {
      const ids = failing.map((result) => result.id).join(', ');
      console.log(`${symbols.fail} ${t.catchUp.stillFail(ids, failing.length, command(`check ${failing[0]!.id.slice(0, 2)}`))}`);
      return ExitCode.testsFailing;
    }
    console.log(`${symbols.pass} ${t.catchUp.pass(range, cyan('npm start'), label(target, lang))}`);
    return ExitCode.ok;
  },
};
