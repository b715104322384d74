import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exercisesDir, solutionsDir } from '../paths.js';
import { solutions, starters } from '../targets.js';
import { targetPlugin } from './target-plugin.js';

const importer = path.join(exercisesDir, '02-twelve-factor-config', 'config.test.ts');
const resolve = (pluginTarget: typeof solutions, source: string) => {
  const hook = targetPlugin(pluginTarget).resolveId as (source: string, importer: string | undefined) => string | null;
  return hook(source, importer);
};

describe('targetPlugin', () => {
  it('answers the test\'s import of the edited file from the target', () => {
    expect(resolve(solutions, './config.js')).toBe(path.join(solutionsDir, '02-twelve-factor-config', 'config.ts'));
    expect(resolve(starters, './config.js')).toBe(path.join(exercisesDir, '02-twelve-factor-config', 'config.ts'));
  });
  it('keeps a query, so `?raw` reads the target\'s source', () => {
    expect(resolve(solutions, './config.ts?raw')).toBe(`${path.join(solutionsDir, '02-twelve-factor-config', 'config.ts')}?raw`);
  });
  it('leaves package imports and files outside the exercises alone', () => {
    expect(resolve(solutions, 'vitest')).toBeNull();
    expect(resolve(solutions, '../../workshop/testing/use-tables.js')).toBeNull();
  });
});
