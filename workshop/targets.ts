/**
 * One set of tests, several targets. The tests live once, in `exercises/`.
 * A *target* says which code they run against:
 *
 *   starters      exercises/NN-slug/file.ts               (what the learner edits)
 *   solutions     solutions/NN-slug/file.ts               (the reference answers)
 *   wrong answer  workshop/fixtures/wrong-answers/NN-slug/<case>/file.ts
 *                 over the solutions (a plausible mistake the tests must reject)
 *
 * A target is a list of layers per exercise, highest first; `exercises/` is
 * always the last layer. An import of `./file.js` made anywhere inside an
 * exercise (by its test, a given helper or a solution) is answered by the
 * first layer that has `file.ts`. Vitest (target-plugin.ts) and the type check
 * (verify/typecheck.ts) both use this one rule.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { exercisesDir, solutionsDir, wrongAnswersDir } from './paths.js';

export interface Target {
  /** For example `solutions` or `wrong:03-circuit-breaker/two-trials-in-half-open`. */
  readonly name: string;
  /** Folders standing in for `exercises/<id>`, highest priority first. */
  layersFor(exerciseId: string): string[];
}

export const starters: Target = {
  name: 'starters',
  layersFor: (id) => [path.join(exercisesDir, id)],
};

export const solutions: Target = {
  name: 'solutions',
  layersFor: (id) => [path.join(solutionsDir, id), path.join(exercisesDir, id)],
};

export function wrongAnswer(exerciseId: string, caseName: string): Target {
  return {
    name: `wrong:${exerciseId}/${caseName}`,
    layersFor: (id) =>
      id === exerciseId
        ? [path.join(wrongAnswersDir, exerciseId, caseName), ...solutions.layersFor(id)]
        : solutions.layersFor(id),
  };
}

/** Every wrong answer the kit keeps: `workshop/fixtures/wrong-answers/<exerciseId>/<caseName>/`. */
export function wrongAnswerCases(): { exerciseId: string; caseName: string }[] {
  if (!existsSync(wrongAnswersDir)) return [];
  return readdirSync(wrongAnswersDir).flatMap((exerciseId) =>
    readdirSync(path.join(wrongAnswersDir, exerciseId)).map((caseName) => ({ exerciseId, caseName })),
  );
}

/** The parts of `file`'s path below `root` (`['02-x', 'config.ts']`), or [] when it is not inside `root`. */
function partsBelow(root: string, file: string): string[] {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? [] : relative.split(path.sep);
}

/** Which exercise a file belongs to, and its path inside the exercise. */
function locate(file: string): { exerciseId: string; relative: string } | undefined {
  for (const root of [exercisesDir, solutionsDir]) {
    const [exerciseId, ...rest] = partsBelow(root, file);
    if (exerciseId && rest.length > 0) return { exerciseId, relative: rest.join(path.sep) };
  }
  const [exerciseId, caseName, ...rest] = partsBelow(wrongAnswersDir, file);
  if (exerciseId && caseName && rest.length > 0) return { exerciseId, relative: rest.join(path.sep) };
  return undefined;
}

/**
 * Given the file a relative import points at (with a `.ts` ending), returns the
 * file the target runs instead, or `undefined` when the import is not inside an
 * exercise and resolves as usual.
 */
export function redirect(target: Target, file: string): string | undefined {
  const where = locate(file);
  if (!where) return undefined;
  for (const layer of target.layersFor(where.exerciseId)) {
    const candidate = path.join(layer, where.relative);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Where a file stands in for: a wrong answer's file
 * (`workshop/fixtures/wrong-answers/12-pingbot/<case>/notify.ts`) imports as
 * if it were `exercises/12-pingbot/notify.ts`, so `../03-circuit-breaker/…`
 * means the same in both places. Every other file stands for itself.
 */
function standsFor(file: string): string {
  const [exerciseId, caseName, ...rest] = partsBelow(wrongAnswersDir, file);
  return exerciseId && caseName && rest.length > 0 ? path.join(exercisesDir, exerciseId, ...rest) : file;
}

/** `./order-api.js` imported from `importer` → the absolute `.ts` file it names. */
export function sourceFileOf(importer: string, specifier: string): string {
  const absolute = path.resolve(path.dirname(standsFor(importer)), specifier);
  return absolute.replace(/\.(m?)js$/, '.$1ts');
}
