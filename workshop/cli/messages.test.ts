/**
 * The CLI's two message catalogs side by side (workshop/testing/catalog-parity.ts):
 * a message added in English only, or left in English in ja.ts, fails here.
 */
import { describe, expect, it } from 'vitest';
import { catalogPairs, catalogProblems } from '../testing/catalog-parity.js';
import { en } from './messages/en.js';
import { i18nFor, type Messages } from './messages/index.js';
import { ja } from './messages/ja.js';

/**
 * Messages that are the same kind of thing in every language but hold no
 * Japanese script, by path. None so far: even `doctor.port` says ポート in
 * Japanese. Keep it short, and say why for each one added.
 */
const languageNeutral: readonly string[] = [];

describe('the message catalogs', () => {
  it('hold more than a handful of messages (the walk found them)', () => {
    expect(catalogPairs(en, ja).length).toBeGreaterThan(150);
  });

  it('say every message in English and in Japanese', () => {
    expect(catalogProblems(en, ja, languageNeutral)).toEqual([]);
  });

  it('are what i18nFor picks for each language', () => {
    expect(i18nFor('en')).toEqual({ lang: 'en', t: en });
    expect(i18nFor('ja')).toEqual({ lang: 'ja', t: ja });
  });

  it('a Japanese catalog without one of the messages does not compile', () => {
    const { heading: _dropped, ...listWithoutHeading } = ja.list;
    // @ts-expect-error `list.heading` is missing: `Messages` requires every message of en.ts
    const incomplete: Messages = { ...ja, list: listWithoutHeading };
    expect(catalogProblems(en, incomplete)).toContain('list.heading: en string, ja missing');
  });
});
