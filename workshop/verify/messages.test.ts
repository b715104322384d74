/**
 * The integrity check's two message catalogs side by side
 * (workshop/testing/catalog-parity.ts): a message added in English only, or
 * left in English in ja.ts, fails here.
 */
import { describe, expect, it } from 'vitest';
import { catalogPairs, catalogProblems } from '../testing/catalog-parity.js';
import { en } from './messages/en.js';
import { messagesFor, type Messages } from './messages/index.js';
import { ja } from './messages/ja.js';

describe("the integrity check's message catalogs", () => {
  it('hold every message of the check (the walk found them)', () => {
    expect(catalogPairs(en, ja).map((pair) => pair.path)).toContain('starter.everyTestPasses');
  });

  it('say every message in English and in Japanese', () => {
    expect(catalogProblems(en, ja)).toEqual([]);
  });

  it('are what messagesFor picks for each language', () => {
    expect(messagesFor('en')).toBe(en);
    expect(messagesFor('ja')).toBe(ja);
  });

  it('a Japanese catalog without one of the messages does not compile', () => {
    const { noRecord: _dropped, ...starterWithoutRecord } = ja.starter;
    // @ts-expect-error `starter.noRecord` is missing: `Messages` requires every message of en.ts
    const incomplete: Messages = { ...ja, starter: starterWithoutRecord };
    expect(catalogProblems(en, incomplete)).toContain('starter.noRecord: en string, ja missing');
  });
});
