/**
 * `restore [backup]`: lists the backups that `reset`, `catch-up` and `restore`
 * made, or puts one back. Restoring backs up the files it replaces, too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot } from '../../paths.js';
import { readArgs } from '../args.js';
import { findBackup, listBackups } from '../backup.js';
import { helpOf, type Command } from '../command.js';
import { ExitCode, UsageError } from '../errors.js';
import { backupLines, overwriteSafely } from '../overwrite.js';
import { bold, command, dim, symbols } from '../terminal.js';

export const restore: Command = {
  name: 'restore',
  args: '[backup]',
  summary: (t) => t.restore.summary,
  usage: (t) => t.restore.usage,

  async run(argv, { t }) {
    const args = readArgs('restore', argv, {}, 1, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const name = args.positionals[0];
    if (name === undefined) {
      const backups = listBackups();
      if (backups.length === 0) {
        console.log(t.restore.noBackups);
        return ExitCode.ok;
      }
      console.log(bold(t.restore.heading));
      for (const backup of backups) console.log(`  ${backup.name}\n${backup.files.map((file) => dim(`      ${file}`)).join('\n')}`);
      console.log(t.restore.putBack(command('restore <backup>')));
      return ExitCode.ok;
    }
    const backup = findBackup(name);
    if (!backup) throw new UsageError(t.restore.noBackup(name));
    const files = backup.files.filter((file) => file.startsWith('exercises/'));
    const { changed, backup: before } = overwriteSafely(
      'before-restore',
      files.map((file) => ({ file, content: readFileSync(path.join(kitRoot, backup.folder, file)) })),
      t,
    );
    if (changed.length === 0) {
      console.log(`${symbols.pass} ${t.restore.alreadyMatch(backup.name)}`);
      return ExitCode.ok;
    }
    console.log([`${symbols.pass} ${t.restore.restored(backup.name)}`, ...changed.map((file) => `  ${file}`), ...backupLines(before, t)].join('\n'));
    return ExitCode.ok;
  },
};
