/**
 * Nothing is ever lost: before `reset`, `catch-up` or `restore` overwrite a
 * learner's file, they copy it to .workshop/backups/<time>-<why>/, at the same
 * path inside the kit, and read the copy back. If that fails, they stop before
 * anything is overwritten. `restore` puts a backup back.
 *
 *   .workshop/backups/2025-11-29_13-05-12-reset-03-circuit-breaker/
 *     exercises/03-circuit-breaker/circuit-breaker.ts
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { kitRoot, stateDir } from '../paths.js';
import { BackupError } from './errors.js';
import type { Messages } from './messages/index.js';

const backupsDir = path.join(stateDir, 'backups');

export interface Backup {
  /** The folder's name, for example `2025-11-29_13-05-12-reset-03-circuit-breaker`. */
  readonly name: string;
  /** The folder, relative to the kit: `.workshop/backups/<name>`. */
  readonly folder: string;
  /** The files it holds, relative to the kit: `exercises/03-circuit-breaker/circuit-breaker.ts`. */
  readonly files: readonly string[];
}

function timestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}_${two(date.getHours())}-${two(date.getMinutes())}-${two(date.getSeconds())}`;
}

function backupOf(name: string): Backup {
  const dir = path.join(backupsDir, name);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();
  return { name, folder: path.relative(kitRoot, dir).split(path.sep).join('/'), files };
}

/**
 * Copies the learner's files (relative to the kit) into a new backup folder
 * and checks every copy. Throws BackupError, having overwritten nothing.
 */
export function backUp(reason: string, files: readonly string[], t: Messages): Backup {
  let name = `${timestamp(new Date())}-${reason}`;
  for (let n = 2; existsSync(path.join(backupsDir, name)); n++) name = `${timestamp(new Date())}-${reason}-${n}`;
  const dir = path.join(backupsDir, name);
  try {
    for (const file of files) {
      const copy = path.join(dir, file);
      mkdirSync(path.dirname(copy), { recursive: true });
      copyFileSync(path.join(kitRoot, file), copy);
      if (!readFileSync(copy).equals(readFileSync(path.join(kitRoot, file)))) throw new Error(t.backup.copyDiffers(file));
    }
  } catch (error) {
    try {
      rmSync(dir, { recursive: true, force: true }); // a half-made backup helps nobody
    } catch {
      // it could not even be created
    }
    const cause = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BackupError(t.backup.failed(path.relative(kitRoot, backupsDir), cause));
  }
  return backupOf(name);
}

/** Every backup, the newest first. */
export function listBackups(): Backup[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => backupOf(entry.name))
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** A backup by its folder name, or the newest for `latest`. */
export function findBackup(name: string): Backup | undefined {
  const backups = listBackups();
  if (name === 'latest') return backups[0];
  const wanted = name.replace(/\/$/, '').split('/').at(-1);
  return backups.find((backup) => backup.name === wanted);
}

export function restoreCommand(backup: Backup): string {
  return `npm run workshop -- restore ${backup.name}`;
}
