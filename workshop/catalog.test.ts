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
    title: { en: 'A circuit breaker', ja: 'サーキットブレーカー' },
    slides: [7],
    files: ['circuit-breaker.ts'],
    hints: [
      { en: 'one', ja: '1 つ目' },
      { en: 'two', ja: '2 つ目' },
      { en: 'three', ja: '3 つ目' },
    ],
    recap: { en: 'Fail fast.', ja: 'すばやく失敗させます。' },
  };

  it('reads valid metadata, every text in English and Japanese', () => {
    expect(readExercise('03-circuit-breaker', folderWith(good))).toEqual(good);
  });

  it('names every problem of broken metadata at once', () => {
    const dir = folderWith({ ...good, id: 'x', hints: [good.hints[0]], files: [] });
    expect(() => readExercise('03-circuit-breaker', dir)).toThrow(CatalogError);
    expect(() => readExercise('03-circuit-breaker', dir)).toThrow(/"id" must be "03-circuit-breaker".*"files".*"hints"/);
  });

  it.each([
    ['a title in English only (the old shape)', { title: 'A circuit breaker' }, /"title" must be an object with "en" and "ja" text/],
    ['a missing ja', { title: { en: 'A circuit breaker' } }, /"title\.ja" must be a non-empty string/],
    ['an empty ja', { recap: { en: 'Fail fast.', ja: '  ' } }, /"recap\.ja" must be a non-empty string/],
    ['a ja left in English', { title: { en: 'A circuit breaker', ja: 'A circuit breaker' } }, /"title\.ja" is not written in Japanese/],
    ['a hint without ja', { hints: [good.hints[0], { en: 'two' }, good.hints[2]] }, /"hints\[1\]\.ja" must be a non-empty string/],
    ['a hint as a plain string', { hints: [good.hints[0], good.hints[1], 'three'] }, /"hints\[2\]" must be an object/],
    ['an empty en', { title: { en: '', ja: 'サーキットブレーカー' } }, /"title\.en" must be a non-empty string/],
  ])('%s is a CatalogError naming the field', (_what, change, message) => {
    const dir = folderWith({ ...good, ...change });
    expect(() => readExercise('03-circuit-breaker', dir)).toThrow(CatalogError);
    expect(() => readExercise('03-circuit-breaker', dir)).toThrow(message);
  });

  it('says which file cannot be read', () => {
    expect(() => readExercise('03-circuit-breaker', mkdtempSync(path.join(tmpdir(), 'catalog-')))).toThrow(
      /exercises\/03-circuit-breaker\/exercise.json cannot be read/,
    );
  });
});
