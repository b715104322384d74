/** Where things live in the kit, as absolute paths. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const kitRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const exercisesDir = path.join(kitRoot, 'exercises');
export const solutionsDir = path.join(kitRoot, 'solutions');
export const wrongAnswersDir = path.join(kitRoot, 'workshop', 'fixtures', 'wrong-answers');
export const stateDir = path.join(kitRoot, '.workshop');
