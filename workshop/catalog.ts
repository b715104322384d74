/**
 * The exercises, read from each folder's `exercise.json`. Titles, slides and
 * hints live there once; the CLI, the integrity check and the docs all read
 * them through this module.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hasJapanese, languages, type Bilingual } from './language.js';
import { exercisesDir } from './paths.js';

export interface ExerciseMeta {
  /** Folder name, for example `03-circuit-breaker`. */
  readonly id: string;
  readonly title: Bilingual<string>;
  /** Slide numbers of the talk this exercise follows. */
  readonly slides: readonly number[];
  /** The files the learner edits, relative to the exercise folder. */
  readonly files: readonly string[];
  /** Progressive hints: the first nudges, the last nearly tells. Each in both languages, side by side. */
  readonly hints: readonly Bilingual<string>[];
  /** What the learner should take away, shown when the tests pass. */
  readonly recap: Bilingual<string>;
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
  problems.push(...bilingualProblems('title', meta.title));
  if (!Array.isArray(meta.slides) || meta.slides.length === 0 || !meta.slides.every(Number.isInteger))
    problems.push('"slides" must list slide numbers');
  if (!Array.isArray(meta.files) || meta.files.length === 0) problems.push('"files" must list the files the learner edits');
  if (!Array.isArray(meta.hints) || meta.hints.length < 3) problems.push('"hints" must hold at least three hints');
  else meta.hints.forEach((hint, index) => problems.push(...bilingualProblems(`hints[${index}]`, hint)));
  problems.push(...bilingualProblems('recap', meta.recap));
  if (problems.length > 0) throw new CatalogError(`exercises/${id}/exercise.json: ${problems.join('; ')}`);
  return meta as ExerciseMeta;
}

/** The `code spans` of a text, in order, joined: a translation must keep them as they are. */
export const codeSpans = (text: string) => (text.match(/`[^`]*`/g) ?? []).join(' ');

/**
 * What is wrong with one piece of text that must be written in every language:
 * `{ "en": "…", "ja": "…" }`, none empty, and the Japanese really in Japanese.
 */
function bilingualProblems(field: string, value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`"${field}" must be an object with ${languages.map((l) => `"${l}"`).join(' and ')} text`];
  const text = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const language of languages)
    if (typeof text[language] !== 'string' || (text[language] as string).trim() === '')
      problems.push(`"${field}.${language}" must be a non-empty string`);
  if (typeof text.ja === 'string' && text.ja.trim() !== '' && !hasJapanese(text.ja))
    problems.push(`"${field}.ja" is not written in Japanese`);
  // A translation changes the words around the code, never the code: same `spans`, same order.
  if (typeof text.en === 'string' && typeof text.ja === 'string' && codeSpans(text.en) !== codeSpans(text.ja))
    problems.push(`"${field}.ja" must keep the code of "${field}.en" (the same \`spans\`, in the same order)`);
  return problems;
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
