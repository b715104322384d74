/** Where things live in the kit, as absolute paths. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder with the kit's package.json, found by walking up from this file
 * (which may also run bundled into .workshop/cache/, see cli/bin.mjs).
 */
function findKitRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}: is the kit complete?`);
    dir = parent;
  }
  return dir;
}

/**
 * WORKSHOP_KIT_ROOT points the CLI at another kit folder; its own tests use it
 * to run against a small fixture kit (see cli/fixture-kit.ts).
 */
export const kitRoot = process.env.WORKSHOP_KIT_ROOT
  ? path.resolve(process.env.WORKSHOP_KIT_ROOT)
  : findKitRoot(path.dirname(fileURLToPath(import.meta.url)));
export const exercisesDir = path.join(kitRoot, 'exercises');
export const solutionsDir = path.join(kitRoot, 'solutions');
export const wrongAnswersDir = path.join(kitRoot, 'workshop', 'fixtures', 'wrong-answers');
export const stateDir = path.join(kitRoot, '.workshop');
export const docsDir = path.join(kitRoot, 'docs');
