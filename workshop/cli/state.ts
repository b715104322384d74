/**
 * The learner's progress, kept in .workshop/state.json (git-ignored):
 *
 *   { "version": 1, "current": "03-circuit-breaker",
 *     "exercises": { "03-circuit-breaker": { "status": "failing", "passed": 4, "total": 31, "hintsShown": 1 } } }
 *
 * Statuses come from real test runs only. A missing or unreadable file is
 * never fatal: progress.ts rebuilds it from a fresh run. Writes go to a
 * temporary file first and are renamed into place, so a crash never leaves
 * half a file; each write re-reads the file, so two commands (watch mode and a
 * `hint` in another terminal) do not undo each other.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stateDir } from '../paths.js';

export const Status = { notStarted: 'not-started', failing: 'failing', done: 'done' } as const;
export type Status = (typeof Status)[keyof typeof Status];

export interface ExerciseProgress {
  readonly status: Status;
  /** Tests passing and run in the last run; 0 of 0 before any. */
  readonly passed: number;
  readonly total: number;
  /** How many hints the learner has seen (1, 2, 3…). */
  readonly hintsShown: number;
}

export interface Progress {
  readonly version: 1;
  /** The exercise the learner is on; it changes only when the learner says so. */
  readonly current?: string;
  readonly exercises: Readonly<Record<string, ExerciseProgress>>;
}

export const stateFile = path.join(stateDir, 'state.json');

export const emptyProgress: Progress = { version: 1, exercises: {} };

const notStarted: ExerciseProgress = { status: Status.notStarted, passed: 0, total: 0, hintsShown: 0 };

export type ReadResult =
  | { readonly progress: Progress; readonly problem?: undefined }
  | { readonly progress?: undefined; readonly problem: 'missing' | 'corrupt' };

const count = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function isExerciseProgress(value: unknown): value is ExerciseProgress {
  const entry = value as Partial<ExerciseProgress> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Object.values(Status).includes(entry.status as Status) &&
    count(entry.passed) &&
    count(entry.total) &&
    count(entry.hintsShown)
  );
}

function isProgress(value: unknown): value is Progress {
  const progress = value as Partial<Progress> | null;
  return (
    typeof progress === 'object' &&
    progress !== null &&
    progress.version === 1 &&
    (progress.current === undefined || typeof progress.current === 'string') &&
    typeof progress.exercises === 'object' &&
    progress.exercises !== null &&
    !Array.isArray(progress.exercises) &&
    Object.values(progress.exercises).every(isExerciseProgress)
  );
}

export function readProgress(): ReadResult {
  let text: string;
  try {
    text = readFileSync(stateFile, 'utf8');
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'corrupt' };
  }
  try {
    const value: unknown = JSON.parse(text);
    return isProgress(value) ? { progress: value } : { problem: 'corrupt' };
  } catch {
    return { problem: 'corrupt' };
  }
}

/**
 * Saves progress. Returns false (and changes nothing) when .workshop/ cannot be
 * written: the workshop goes on, it only forgets.
 */
export function writeProgress(progress: Progress): boolean {
  try {
    mkdirSync(stateDir, { recursive: true });
    const temporary = `${stateFile}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`);
    renameSync(temporary, stateFile);
    return true;
  } catch {
    return false;
  }
}

/** Re-reads the file, applies a change and writes it back. */
export function updateProgress(change: (progress: Progress) => Progress): Progress {
  const updated = change(readProgress().progress ?? emptyProgress);
  writeProgress(updated);
  return updated;
}

export function progressOf(progress: Progress, id: string): ExerciseProgress {
  return progress.exercises[id] ?? notStarted;
}

/** A copy of `progress` with one exercise's entry changed. */
export function withExercise(progress: Progress, id: string, change: Partial<ExerciseProgress>): Progress {
  return { ...progress, exercises: { ...progress.exercises, [id]: { ...progressOf(progress, id), ...change } } };
}
