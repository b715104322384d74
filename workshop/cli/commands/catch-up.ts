/**
 * `catch-up <id>`: for a late joiner in an instructor-led session. Applies the
 * solutions of every exercise before <id> (backing up the learner's files
 * first), checks them, and makes <id> the current exercise.
 */
import { readFileSync } from 'node:fs';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { EnvironmentError, ExitCode, UsageError } from '../errors.js';
import { absolute, allExercises, label, learnerFile, resolveExercise, solutionExists, solutionFile } from '../exercise.js';
import { backupLines, overwriteSafely } from '../overwrite.js';
import { recordResult } from '../progress.js';
import { updateProgress } from '../state.js';
import { bold, cyan, dim, symbols } from '../terminal.js';
import { passes, runOnce } from '../test-run.js';

export const catchUp: Command = {
  name: 'catch-up',
  args: '<id>',
  summary: 'join at <id>: apply the solutions of every exercise before it (backed up first)',
  usage: `Usage: npm run workshop -- catch-up <id>

For instructor-led sessions: a learner who joins late starts at <id>. The
solutions of every exercise before <id> are copied over your files (which are
backed up to .workshop/backups/ first, and can be restored with one command),
their tests are run to prove it, and <id> becomes your current exercise.
  id    3, 03, 03-circuit-breaker or circuit-breaker`,

  async run(argv) {
    const args = readArgs('catch-up', argv, {}, 1);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    if (input === undefined) throw new UsageError('catch-up needs the exercise to join at, for example `npm run workshop -- catch-up 5`.');
    const target = resolveExercise(input);
    const earlier = allExercises().filter((meta) => meta.id < target.id);

    // Check every solution exists before touching anything.
    for (const meta of earlier)
      for (const file of meta.files)
        if (!solutionExists(meta.id, file))
          throw new EnvironmentError(`The kit has no solution for ${learnerFile(meta.id, file)} (${solutionFile(meta.id, file)} is missing), so nothing was changed.`);

    const replacements = earlier.flatMap((meta) =>
      meta.files.map((file) => ({ file: learnerFile(meta.id, file), content: readFileSync(absolute(solutionFile(meta.id, file))) })),
    );
    const { changed, backup } = overwriteSafely(`catch-up-to-${target.id}`, replacements);
    updateProgress((progress) => ({ ...progress, current: target.id }));

    const range = earlier.length === 0 ? '' : `${earlier[0]!.id.slice(0, 2)}–${earlier.at(-1)!.id.slice(0, 2)}`;
    const lines = [
      earlier.length === 0
        ? `${symbols.pass} ${label(target)} is the first exercise: there is nothing to catch up on.`
        : `${symbols.pass} Caught up to ${bold(label(target))}: the solutions of ${range} are in place (${changed.length} file${changed.length === 1 ? '' : 's'} changed).`,
      ...backupLines(backup),
    ];
    console.log(lines.join('\n'));
    if (earlier.length === 0) return ExitCode.ok;

    console.log(dim(`Checking ${range}…`));
    const results = await runOnce(earlier.map((meta) => meta.id));
    updateProgress((progress) => results.reduce(recordResult, progress));
    const failing = results.filter((result) => !passes(result));
    if (failing.length > 0) {
      console.log(`${symbols.fail} ${failing.map((result) => result.id).join(', ')} still fail${failing.length === 1 ? 's' : ''}: run ${cyan(`npm run workshop -- check ${failing[0]!.id.slice(0, 2)}`)} to see why.`);
      return ExitCode.testsFailing;
    }
    console.log(`${symbols.pass} ${range} pass. Now run ${cyan('npm start')}: it opens ${label(target)}.`);
    return ExitCode.ok;
  },
};
