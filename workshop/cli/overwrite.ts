/**
 * Overwrites learner files the safe way, for `reset`, `catch-up` and
 * `restore`: only files whose content really changes are touched, and those
 * that exist are backed up first (backup.ts). A failed backup stops everything.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot } from '../paths.js';
import { backUp, restoreCommand, type Backup } from './backup.js';
import { EnvironmentError } from './errors.js';
import type { Messages } from './messages/index.js';
import { cyan, dim } from './terminal.js';

export interface Replacement {
  /** Relative to the kit: `exercises/03-circuit-breaker/circuit-breaker.ts`. */
  readonly file: string;
  readonly content: Buffer;
}

export interface Overwritten {
  /** The files that changed; files that already had the content are left alone. */
  readonly changed: readonly string[];
  /** Where the previous versions went; none when no existing file changed. */
  readonly backup?: Backup;
}

export function overwriteSafely(reason: string, replacements: readonly Replacement[], t: Messages): Overwritten {
  const changed = replacements.filter(({ file, content }) => {
    const target = path.join(kitRoot, file);
    return !existsSync(target) || !readFileSync(target).equals(content);
  });
  const existing = changed.map(({ file }) => file).filter((file) => existsSync(path.join(kitRoot, file)));
  const backup = existing.length > 0 ? backUp(reason, existing, t) : undefined;
  for (const { file, content } of changed) {
    try {
      mkdirSync(path.dirname(path.join(kitRoot, file)), { recursive: true });
      writeFileSync(path.join(kitRoot, file), content);
    } catch (error) {
      const cause = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new EnvironmentError(
        backup ? t.backup.notWrittenBackedUp(file, cause, backup.folder, restoreCommand(backup)) : t.backup.notWritten(file, cause),
      );
    }
  }
  return { changed: changed.map(({ file }) => file), ...(backup ? { backup } : {}) };
}

/** What the learner reads after an overwrite: where the old files are and how to get them back. */
export function backupLines(backup: Backup | undefined, t: Messages): string[] {
  if (!backup) return [];
  return [
    t.backup.backedUp(backup.files.length, backup.folder),
    ...backup.files.map((file) => dim(`  ${file}`)),
    t.backup.undo(cyan(restoreCommand(backup))),
  ];
}
