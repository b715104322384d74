import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError, findExercise, readExercise } from './catalog.js';

const ids = ['01-stateless-function', '06-stream-handler', '12-pingbot'];

describe('findExercise', () => {
  it.each([
    ['6', '06-stream-handler'],
    ['06', '06-stream-handler'],
    ['06-stream-handler', '06-stream-handler'],
    ['stream-handler', '06-stream-handler'],
    [' Stream-Handler ', '06-stream-handler'],
    ['12', '12-pingbot'],
    ['1', '01-stateless-function'],
  ])('finds %j as %s', (input, expected) => {
    expect(findExercise(input, ids)).toBe(expected);
  });

  it.each(['7', '123', 'stream', '', 'pingbots', '06-pingbot'])('finds nothing for %j', (input) => {
    expect(findExercise(input, ids)).toBeUndefined();
  });
});

describe('readExercise', () => {
  function folderWith(meta: unknown): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    mkdirSync(path.join(dir, '03-circuit-breaker'));
    writeFileSync(path.join(dir, '03-circuit-breaker', 'exercise.json'), JSON.stringify(meta));
    return dir;
  }
  const good = {
    id: '03-circuit-breaker',
    title: 'A circuit breaker',
    slides: [7],
    files: ['circuit-breaker.ts'],
    hints: ['one', 'two', 'three'],
    recap: 'Fail fast.',
  };

  it('reads valid metadata', () => {
    expect(readExercise('03-circuit-breaker', folderWith(good))).toEqual(good);
  });

  it('names every problem of broken metadata at once', () => {
    const dir = folderWith({ ...good, id: 'x', hints: ['only one'], files: [] });
    expect(() => readExercise('03-circuit-breaker', dir)).toThrow(CatalogError);
    expect(() => readExercise('03-circuit-breaker', dir)).toThrow(/"id" must be "03-circuit-breaker".*"files".*"hints"/);
  });

  it('says which file cannot be read', () => {
    expect(() => readExercise('03-circuit-breaker', mkdtempSync(path.join(tmpdir(), 'catalog-')))).toThrow(
      /exercises\/03-circuit-breaker\/exercise.json cannot be read/,
    );
  });
});
