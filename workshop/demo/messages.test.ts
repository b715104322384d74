/**
 * The demo's two message catalogs side by side (workshop/testing/catalog-parity.ts):
 * a message added in English only, or left in English in ja.ts, fails here.
 * Their trace words are the local cloud's (workshop/local-cloud/trace-words.ts).
 */
import { describe, expect, it } from 'vitest';
import { catalogPairs, catalogProblems } from '../testing/catalog-parity.js';
import { en } from './messages/en.js';
import { messagesFor, type Messages } from './messages/index.js';
import { ja } from './messages/ja.js';

/**
 * Messages that are the same kind of thing in every language but hold no
 * Japanese script, by path. Keep it short, and say why for each one.
 */
const languageNeutral: readonly string[] = [
  'listSeparator', // punctuation only: ", " in English, "、" in Japanese
  'summary.noteSeparator', // punctuation only: "; " in English, "。" in Japanese
];

describe("the demo's message catalogs", () => {
  it('hold every message of the demo (the walk found them)', () => {
    expect(catalogPairs(en, ja).length).toBeGreaterThan(70);
  });

  it('say every message in English and in Japanese', () => {
    expect(catalogProblems(en, ja, languageNeutral)).toEqual([]);
  });

  it('are what messagesFor picks for each language', () => {
    expect(messagesFor('en')).toBe(en);
    expect(messagesFor('ja')).toBe(ja);
  });

  it('a Japanese catalog without one of the messages does not compile', () => {
    const { stocked: _dropped, ...runWithoutStocked } = ja.run;
    // @ts-expect-error `run.stocked` is missing: `Messages` requires every message of en.ts
    const incomplete: Messages = { ...ja, run: runWithoutStocked };
    expect(catalogProblems(en, incomplete, languageNeutral)).toContain('run.stocked: en string, ja missing');
  });
});
