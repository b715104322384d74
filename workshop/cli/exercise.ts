/**
 * The exercises as the CLI sees them: found by any id a learner may type,
 * with the paths of their files and their docs page.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CatalogError, exerciseIds, findExercise, readExercise, type ExerciseMeta } from '../catalog.js';
import { exercisesDir, kitRoot, solutionsDir } from '../paths.js';
import { EnvironmentError, UsageError } from './errors.js';

export type { ExerciseMeta } from '../catalog.js';

/** The default address of the docs site; `npm start` says when it uses another. */
export const defaultDocsUrl = 'http://localhost:5173';

/**
 * The exercise folders that hold an exercise.json, in order. A folder without
 * one is an exercise still being written, and is left out.
 */
function readyIds(): string[] {
  return exerciseIds().filter((id) => existsSync(path.join(exercisesDir, id, 'exercise.json')));
}

/** Every exercise's metadata, in order. A broken exercise.json is an environment error. */
export function allExercises(): ExerciseMeta[] {
  const ids = readyIds();
  if (ids.length === 0)
    throw new EnvironmentError(`There are no exercises in ${path.relative(process.cwd(), exercisesDir) || 'exercises/'}: run this inside the workshop kit folder.`);
  return ids.map(readMeta);
}

function readMeta(id: string): ExerciseMeta {
  try {
    return readExercise(id);
  } catch (error) {
    if (error instanceof CatalogError) throw new EnvironmentError(`${error.message}.`);
    throw error;
  }
}

/** `6`, `06`, `06-stream-handler` or `stream-handler` → the exercise's metadata. */
export function resolveExercise(input: string): ExerciseMeta {
  const ids = readyIds();
  const id = findExercise(input, ids);
  if (!id) {
    const range = ids.length > 0 ? `the exercises are ${ids[0]!.slice(0, 2)} to ${ids.at(-1)!.slice(0, 2)}` : 'there are no exercises';
    throw new UsageError(`There is no exercise "${input}": ${range}, see \`npm run workshop -- list\`.`);
  }
  return readMeta(id);
}

/** `03-circuit-breaker` → `03 · Circuit breaker` */
export function label(meta: ExerciseMeta): string {
  return `${meta.id.slice(0, 2)} · ${meta.title}`;
}

/** `11, 12, 13, 14` → `11–14`; `3, 9` stays. */
export function formatSlides(slides: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < slides.length; ) {
    let j = i;
    while (j + 1 < slides.length && slides[j + 1] === slides[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${slides[i]}–${slides[j]}` : slides.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return `slide${slides.length > 1 ? 's' : ''} ${runs.join(', ')}`;
}

/** The learner's copy of a file, relative to the kit: `exercises/03-circuit-breaker/circuit-breaker.ts`. */
export function learnerFile(id: string, file: string): string {
  return path.posix.join('exercises', id, file);
}

/** The reference answer of a file, relative to the kit. */
export function solutionFile(id: string, file: string): string {
  return path.posix.join('solutions', id, file);
}

export function absolute(kitRelative: string): string {
  return path.join(kitRoot, kitRelative);
}

export function docsUrl(id: string, base = defaultDocsUrl): string {
  return `${base}/exercises/${id}`;
}

/** The test files of an exercise, relative to the kit. */
export function testFiles(id: string): string[] {
  const dir = path.join(exercisesDir, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.posix.join('exercises', id, file.split(path.sep).join('/')));
}

/**
 * Before running an exercise's tests: its tests and the learner's files must be
 * there, or the run would only say "failed to load".
 */
export function assertRunnable(meta: ExerciseMeta): void {
  if (testFiles(meta.id).length === 0)
    throw new EnvironmentError(
      `The tests of ${label(meta)} are missing from exercises/${meta.id}/: get them back with \`git checkout -- 'exercises/${meta.id}/*.test.ts'\`.`,
    );
  const missing = meta.files.filter((file) => !existsSync(absolute(learnerFile(meta.id, file))));
  if (missing.length > 0)
    throw new EnvironmentError(
      `${missing.map((file) => learnerFile(meta.id, file)).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: \`npm run workshop -- reset ${meta.id.slice(0, 2)}\` brings back the starter, or \`npm run workshop -- restore\` lists your backups.`,
    );
}

export function solutionExists(id: string, file: string): boolean {
  return existsSync(path.join(solutionsDir, id, file));
}
