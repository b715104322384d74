/**
 * The exercises, read from each folder's `exercise.json`. Titles, slides and
 * hints live there once; the CLI, the integrity check and the docs all read
 * them through this module.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exercisesDir } from './paths.js';

export interface ExerciseMeta {
  /** Folder name, for example `03-circuit-breaker`. */
  readonly id: string;
  readonly title: string;
  /** Slide numbers of the talk this exercise follows. */
  readonly slides: readonly number[];
  /** The files the learner edits, relative to the exercise folder. */
  readonly files: readonly string[];
  /** Progressive hints: the first nudges, the last nearly tells. */
  readonly hints: readonly string[];
  /** What the learner should take away, shown when the tests pass. */
  readonly recap: string;
}

export class CatalogError extends Error {
  override name = 'CatalogError';
}

const idPattern = /^(\d{2})-([a-z0-9-]+)$/;

export function readExercise(id: string, dir: string = exercisesDir): ExerciseMeta {
  const file = path.join(dir, id, 'exercise.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CatalogError(`exercises/${id}/exercise.json cannot be read: ${(error as Error).message}`);
  }
  const meta = raw as Partial<ExerciseMeta>;
  const problems: string[] = [];
  if (meta.id !== id) problems.push(`"id" must be "${id}" (the folder name)`);
  if (typeof meta.title !== 'string' || meta.title.trim() === '') problems.push('"title" must be a non-empty string');
  if (!Array.isArray(meta.slides) || meta.slides.length === 0 || !meta.slides.every(Number.isInteger))
    problems.push('"slides" must list slide numbers');
  if (!Array.isArray(meta.files) || meta.files.length === 0) problems.push('"files" must list the files the learner edits');
  if (!Array.isArray(meta.hints) || meta.hints.length < 3 || !meta.hints.every((h) => typeof h === 'string' && h.trim()))
    problems.push('"hints" must hold at least three non-empty hints');
  if (typeof meta.recap !== 'string' || meta.recap.trim() === '') problems.push('"recap" must be a non-empty string');
  if (problems.length > 0) throw new CatalogError(`exercises/${id}/exercise.json: ${problems.join('; ')}`);
  return meta as ExerciseMeta;
}

/** Every exercise folder, in order. */
export function exerciseIds(): string[] {
  if (!existsSync(exercisesDir)) return [];
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && idPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export function readCatalog(): ExerciseMeta[] {
  return exerciseIds().map((id) => readExercise(id));
}

/**
 * Finds an exercise from any of the forms a learner may type:
 * `6`, `06`, `06-stream-handler` or `stream-handler`.
 */
export function findExercise(input: string, ids: readonly string[] = exerciseIds()): string | undefined {
  const wanted = input.trim().toLowerCase();
  if (/^\d{1,2}$/.test(wanted)) return ids.find((id) => id.startsWith(`${wanted.padStart(2, '0')}-`));
  return ids.find((id) => id === wanted || id.replace(idPattern, '$2') === wanted);
}
