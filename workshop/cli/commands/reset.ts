/** `reset <id>`: puts the starter back, after backing up the learner's files. */
import { readArgs } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { ExitCode, UsageError } from '../errors.js';
import { label, learnerFile, resolveExercise } from '../exercise.js';
import { backupLines, overwriteSafely } from '../overwrite.js';
import { originalStarter } from '../starter.js';
import { Status, updateProgress, withExercise } from '../state.js';
import { symbols } from '../terminal.js';

export const reset: Command = {
  name: 'reset',
  args: '<id>',
  summary: (t) => t.reset.summary,
  usage: (t) => t.reset.usage,

  async run(argv, { lang, t }) {
    const args = readArgs('reset', argv, {}, 1, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    if (input === undefined) throw new UsageError(t.reset.needsExercise);
    const meta = resolveExercise(input, t);
    // Read every starter before touching anything: a missing one stops the reset.
    const replacements = meta.files.map((file) => ({ file: learnerFile(meta.id, file), content: originalStarter(learnerFile(meta.id, file), t) }));
    const { changed, backup } = overwriteSafely(`reset-${meta.id}`, replacements, t);
    if (changed.length === 0) {
      console.log(`${symbols.pass} ${t.reset.alreadyAtStarter(label(meta, lang))}`);
      return ExitCode.ok;
    }
    updateProgress((progress) => withExercise(progress, meta.id, { status: Status.notStarted, passed: 0, total: 0 }));
    console.log([`${symbols.pass} ${t.reset.backAtStarter(label(meta, lang), changed.join(', '))}`, ...backupLines(backup, t)].join('\n'));
    return ExitCode.ok;
  },
};
