/** `reset <id>`: puts the starter back, after backing up the learner's files. */
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode, UsageError } from '../errors.js';
import { label, learnerFile, resolveExercise } from '../exercise.js';
import { backupLines, overwriteSafely } from '../overwrite.js';
import { originalStarter } from '../starter.js';
import { Status, updateProgress, withExercise } from '../state.js';
import { symbols } from '../terminal.js';

export const reset: Command = {
  name: 'reset',
  args: '<id>',
  summary: "put an exercise's starter back; your files are backed up first",
  usage: `Usage: npm run workshop -- reset <id>

Puts the starter of an exercise back, as the kit shipped it, to start it over.
Your files are first copied to .workshop/backups/, and the command prints how
to get them back (npm run workshop -- restore <backup>). The hints you saw stay counted.
  id    3, 03, 03-circuit-breaker or circuit-breaker`,

  async run(argv) {
    const args = readArgs('reset', argv, {}, 1);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    if (input === undefined) throw new UsageError('reset needs the exercise to reset, for example `npm run workshop -- reset 3`.');
    const meta = resolveExercise(input);
    // Read every starter before touching anything: a missing one stops the reset.
    const replacements = meta.files.map((file) => ({ file: learnerFile(meta.id, file), content: originalStarter(learnerFile(meta.id, file)) }));
    const { changed, backup } = overwriteSafely(`reset-${meta.id}`, replacements);
    if (changed.length === 0) {
      console.log(`${symbols.pass} ${label(meta)} is already at its starter; nothing changed.`);
      return ExitCode.ok;
    }
    updateProgress((progress) => withExercise(progress, meta.id, { status: Status.notStarted, passed: 0, total: 0 }));
    console.log([`${symbols.pass} ${label(meta)} is back at its starter: ${changed.join(', ')}`, ...backupLines(backup)].join('\n'));
    return ExitCode.ok;
  },
};
