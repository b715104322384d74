/**
 * The exercises as the CLI sees them: found by any id a learner may type,
 * with the paths of their files and their docs page, in the learner's language.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CatalogError, exerciseIds, findExercise, readExercise, type ExerciseMeta } from '../catalog.js';
import type { Language } from '../language.js';
import { exercisesDir, kitRoot, solutionsDir } from '../paths.js';
import { EnvironmentError, UsageError } from './errors.js';
import type { I18n, Messages } from './messages/index.js';

export type { ExerciseMeta } from '../catalog.js';

/** The default address of the docs site; `npm start` says when it uses another. */
const defaultDocsUrl = 'http://localhost:5173';

/**
 * The exercise folders that hold an exercise.json, in order. A folder without
 * one is an exercise still being written, and is left out.
 */
function readyIds(): string[] {
  return exerciseIds().filter((id) => existsSync(path.join(exercisesDir, id, 'exercise.json')));
}

/** Every exercise's metadata, in order. A broken exercise.json is an environment error. */
export function allExercises(t: Messages): ExerciseMeta[] {
  const ids = readyIds();
  if (ids.length === 0) throw new EnvironmentError(t.exercise.noExercises(path.relative(process.cwd(), exercisesDir) || 'exercises/'));
  return ids.map((id) => readMeta(id, t));
}

function readMeta(id: string, t: Messages): ExerciseMeta {
  try {
    return readExercise(id);
  } catch (error) {
    if (error instanceof CatalogError) throw new EnvironmentError(t.exercise.brokenMeta(error.message));
    throw error;
  }
}

/** `6`, `06`, `06-stream-handler` or `stream-handler` → the exercise's metadata. */
export function resolveExercise(input: string, t: Messages): ExerciseMeta {
  const ids = readyIds();
  const id = findExercise(input, ids);
  if (!id) {
    const range = ids.length > 0 ? t.exercise.range(ids[0]!.slice(0, 2), ids.at(-1)!.slice(0, 2)) : t.exercise.noRange;
    throw new UsageError(t.exercise.noExercise(input, range));
  }
  return readMeta(id, t);
}

/** `03-circuit-breaker` → `03 · Circuit breaker` (`03 · サーキットブレーカー` in Japanese) */
export function label(meta: ExerciseMeta, lang: Language): string {
  return `${meta.id.slice(0, 2)} · ${meta.title[lang]}`;
}

/** `11, 12, 13, 14` → `slides 11–14`; `3, 9` → `slides 3, 9` (`スライド 3, 9` in Japanese). */
export function formatSlides(slides: readonly number[], t: Messages): string {
  const runs: string[] = [];
  for (let i = 0; i < slides.length; ) {
    let j = i;
    while (j + 1 < slides.length && slides[j + 1] === slides[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${slides[i]}–${slides[j]}` : slides.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return t.common.slides(runs.join(', '), slides.length);
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

/** The docs site's home page: the Japanese pages live under /ja/. */
export function docsHome(lang: Language, base = defaultDocsUrl): string {
  return lang === 'ja' ? `${base}/ja/` : base;
}

/** An exercise's page on the docs site, in the learner's language. */
export function docsUrl(id: string, lang: Language, base = defaultDocsUrl): string {
  return `${base}${lang === 'ja' ? '/ja' : ''}/exercises/${id}`;
}

/** The same page as a file, for when the docs server is not running. */
export function docsFile(id: string, lang: Language): string {
  return path.posix.join('docs', ...(lang === 'ja' ? ['ja'] : []), 'exercises', `${id}.md`);
}

/** The test files of an exercise, relative to the kit. */
function testFiles(id: string): string[] {
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
export function assertRunnable(meta: ExerciseMeta, { lang, t }: I18n): void {
  if (testFiles(meta.id).length === 0) throw new EnvironmentError(t.exercise.testsMissing(label(meta, lang), meta.id));
  const missing = meta.files.filter((file) => !existsSync(absolute(learnerFile(meta.id, file))));
  if (missing.length > 0) {
    const files = missing.map((file) => learnerFile(meta.id, file)).join(t.common.and);
    throw new EnvironmentError(t.exercise.filesMissing(files, missing.length, meta.id.slice(0, 2)));
  }
}

export function solutionExists(id: string, file: string): boolean {
  return existsSync(path.join(solutionsDir, id, file));
}
