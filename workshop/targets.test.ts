import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exercisesDir, kitRoot, solutionsDir } from './paths.js';
import { redirect, solutions, sourceFileOf, starters, wrongAnswer } from './targets.js';

const id = '02-twelve-factor-config';
const starter = path.join(exercisesDir, id, 'config.ts');

describe('redirect', () => {
  it('answers an import of the edited file with the solution', () => {
    expect(redirect(solutions, starter)).toBe(path.join(solutionsDir, id, 'config.ts'));
  });
  it('leaves the starter target on the learner\'s file', () => {
    expect(redirect(starters, starter)).toBe(starter);
  });
  it('falls back to exercises/ for a file the solution folder does not hold', () => {
    const test = path.join(exercisesDir, id, 'config.test.ts');
    expect(redirect(solutions, test)).toBe(test);
  });
  it('puts a wrong answer over the solutions of its own exercise only', () => {
    const target = wrongAnswer(id, 'stops-at-first-problem');
    expect(redirect(target, starter)).toBe(path.join(kitRoot, 'workshop/fixtures/wrong-answers', id, 'stops-at-first-problem', 'config.ts'));
    const other = path.join(exercisesDir, '03-circuit-breaker', 'circuit-breaker.ts');
    expect(redirect(target, other)).toBe(path.join(solutionsDir, '03-circuit-breaker', 'circuit-breaker.ts'));
  });
  it('ignores files outside the exercises', () => {
    expect(redirect(solutions, path.join(kitRoot, 'workshop', 'tables.ts'))).toBeUndefined();
  });
});

describe('sourceFileOf', () => {
  it('resolves a wrong answer\'s imports as if it stood in the exercise folder', () => {
    const importer = path.join(kitRoot, 'workshop/fixtures/wrong-answers/12-pingbot/no-timeout/notify.ts');
    expect(sourceFileOf(importer, '../03-circuit-breaker/circuit-breaker.js')).toBe(
      path.join(exercisesDir, '03-circuit-breaker', 'circuit-breaker.ts'),
    );
    expect(sourceFileOf(importer, './check.js')).toBe(path.join(exercisesDir, '12-pingbot', 'check.ts'));
  });
  it('maps a .js import to the .ts file next to the importer', () => {
    expect(sourceFileOf('/kit/exercises/02-x/config.test.ts', './config.js')).toBe('/kit/exercises/02-x/config.ts');
    expect(sourceFileOf('/kit/solutions/11-x/a.ts', '../03-y/b.js')).toBe('/kit/solutions/03-y/b.ts');
  });
});
