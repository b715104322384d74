/**
 * `restore [backup]`: lists the backups that `reset`, `catch-up` and `restore`
 * made, or puts one back. Restoring backs up the files it replaces, too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot } from '../../paths.js';
import { readArgs } from '../args.js';
import { findBackup, listBackups, restoreCommand } from '../backup.js';
import type { Command } from '../command.js';
import { ExitCode, UsageError } from '../errors.js';
import { backupLines, overwriteSafely } from '../overwrite.js';
import { bold, cyan, dim, symbols } from '../terminal.js';

export const restore: Command = {
  name: 'restore',
  args: '[backup]',
  summary: 'list your backups, or put one back (`latest` for the newest)',
  usage: `Usage: npm run workshop -- restore [backup]

Without an argument: lists the backups in .workshop/backups/, the newest first.
With one: copies that backup's files back to where they came from. The files it
replaces are backed up first, so a restore can be undone too.
  backup   a folder name from the list, or latest`,

  async run(argv) {
    const args = readArgs('restore', argv, {}, 1);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const name = args.positionals[0];
    if (name === undefined) {
      const backups = listBackups();
      if (backups.length === 0) {
        console.log('There are no backups yet: reset, catch-up and restore make one before they change a file.');
        return ExitCode.ok;
      }
      console.log(bold('Your backups, the newest first:'));
      for (const backup of backups) console.log(`  ${backup.name}\n${backup.files.map((file) => dim(`      ${file}`)).join('\n')}`);
      console.log(`Put one back with ${cyan(restoreCommand(backups[0]!).replace(backups[0]!.name, '<backup>'))}.`);
      return ExitCode.ok;
    }
    const backup = findBackup(name);
    if (!backup)
      throw new UsageError(`There is no backup "${name}": \`npm run workshop -- restore\` lists them.`);
    const files = backup.files.filter((file) => file.startsWith('exercises/'));
    const { changed, backup: before } = overwriteSafely(
      'before-restore',
      files.map((file) => ({ file, content: readFileSync(path.join(kitRoot, backup.folder, file)) })),
    );
    if (changed.length === 0) {
      console.log(`${symbols.pass} Your files already match ${backup.name}; nothing changed.`);
      return ExitCode.ok;
    }
    console.log([`${symbols.pass} Restored ${backup.name}:`, ...changed.map((file) => `  ${file}`), ...backupLines(before)].join('\n'));
    return ExitCode.ok;
  },
};
