/**
 * The two message catalogs side by side. The type `Messages` already makes
 * ja.ts have every key of en.ts; these tests also check it as the code runs,
 * and that each Japanese message really is Japanese: called with sample
 * values where it is a function, it holds Japanese script and differs from the
 * English one. A message added in English only, or left in English in ja.ts,
 * fails here.
 */
import { describe, expect, it } from 'vitest';
import { hasJapanese } from '../language.js';
import { en } from './messages/en.js';
import { i18nFor, type Messages } from './messages/index.js';
import { ja } from './messages/ja.js';

/**
 * Messages that are the same in every language (pure symbols or numbers), by
 * path. None so far: even `doctor.port` says ポート in Japanese. Keep it short,
 * and say why for each one added.
 */
const languageNeutral: readonly string[] = [];

/** Catalog functions take plain strings and numbers; these values exercise both branches of a plural. */
const sampleValues: readonly (string | number)[] = [1, 2, 'x'];

type Node = string | ((...args: never[]) => string) | { readonly [key: string]: Node };

interface Pair {
  readonly path: string;
  readonly en: Node | undefined;
  readonly ja: Node | undefined;
}

/** Every entry of both catalogs, nested objects included, by path: `list.heading`, `watch.pollReasons.wsl`. */
function pairs(english: Node | undefined, japanese: Node | undefined, path = ''): Pair[] {
  const isGroup = (node: Node | undefined) => typeof node === 'object' && node !== null;
  if (!isGroup(english) || !isGroup(japanese)) return [{ path, en: english, ja: japanese }];
  const groupEn = english as Record<string, Node>;
  const groupJa = japanese as Record<string, Node>;
  const keys = [...new Set([...Object.keys(groupEn), ...Object.keys(groupJa)])].sort();
  return keys.flatMap((key) => pairs(groupEn[key], groupJa[key], path ? `${path}.${key}` : key));
}

const all = pairs(en as unknown as Node, ja as unknown as Node);

/** What a message says for each sample value: itself when it is a string. */
function renderings(message: Node | undefined): string[] {
  if (typeof message === 'string') return [message];
  if (typeof message !== 'function') return [];
  const call = message as unknown as (...args: (string | number)[]) => string;
  return sampleValues.map((value) => call(...Array<string | number>(message.length).fill(value)));
}

describe('the message catalogs', () => {
  it('hold more than a handful of messages (the walk found them)', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it('have the same messages in English and Japanese, of the same kind', () => {
    const mismatched = all.filter(({ en: english, ja: japanese }) => {
      if (english === undefined || japanese === undefined) return true;
      if (typeof english !== typeof japanese) return true;
      return typeof english === 'function' && typeof japanese === 'function' && english.length !== japanese.length;
    });
    expect(mismatched.map((pair) => `${pair.path}: en ${kindOf(pair.en)}, ja ${kindOf(pair.ja)}`)).toEqual([]);
  });

  it('say every Japanese message in Japanese, not as the English one', () => {
    const problems: string[] = [];
    for (const { path, en: english, ja: japanese } of all) {
      if (languageNeutral.includes(path)) continue;
      const inEnglish = renderings(english);
      renderings(japanese).forEach((text, index) => {
        if (!hasJapanese(text)) problems.push(`${path} has no Japanese: ${JSON.stringify(text)}`);
        else if (text === inEnglish[index]) problems.push(`${path} is the same as in English: ${JSON.stringify(text)}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('keep Japanese out of the English messages', () => {
    const problems = all.flatMap(({ path, en: english }) =>
      renderings(english).filter(hasJapanese).map((text) => `${path}: ${JSON.stringify(text)}`),
    );
    expect(problems).toEqual([]);
  });

  it('name no language-neutral message that is not in the catalogs', () => {
    for (const path of languageNeutral) expect(all.map((pair) => pair.path)).toContain(path);
  });

  it('are what i18nFor picks for each language', () => {
    expect(i18nFor('en')).toEqual({ lang: 'en', t: en });
    expect(i18nFor('ja')).toEqual({ lang: 'ja', t: ja });
  });
});

describe('the check itself', () => {
  it('finds a message missing from a catalog, and one left in English', () => {
    const { heading: _dropped, ...listWithoutHeading } = ja.list;
    const broken = { ...ja, list: listWithoutHeading, hint: { ...ja.hint, header: en.hint.header } };
    const found = pairs(en as unknown as Node, broken as unknown as Node);
    expect(found.find((pair) => pair.path === 'list.heading')?.ja).toBeUndefined();
    expect(renderings(found.find((pair) => pair.path === 'hint.header')?.ja).some(hasJapanese)).toBe(false);
  });

  it('a catalog without one of the messages does not compile', () => {
    const { heading: _dropped, ...listWithoutHeading } = ja.list;
    // @ts-expect-error `list.heading` is missing: `Messages` requires every message of en.ts
    const incomplete: Messages = { ...ja, list: listWithoutHeading };
    expect(incomplete.list).not.toHaveProperty('heading');
  });
});

function kindOf(node: Node | undefined): string {
  if (node === undefined) return 'missing';
  return typeof node === 'function' ? `a function of ${node.length}` : typeof node;
}
