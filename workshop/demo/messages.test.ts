/**
 * The demo's two message catalogs side by side, as workshop/cli/messages.test.ts
 * checks the CLI's: the type `Messages` already makes ja.ts have every key of
 * en.ts; these tests also check it as the code runs, and that each Japanese
 * message really is Japanese: called with sample values where it is a
 * function, it holds Japanese script and differs from the English one. A
 * message added in English only, or left in English in ja.ts, fails here.
 *
 * The trace words inside both catalogs are the local cloud's
 * (workshop/local-cloud/trace-words.ts, tested there).
 */
import { describe, expect, it } from 'vitest';
import { hasJapanese } from '../language.js';
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

/** Catalog functions take plain strings and numbers; these values exercise both branches of a plural. */
const sampleValues: readonly (string | number)[] = [1, 2, 'x'];

type Node = string | ((...args: never[]) => string) | { readonly [key: string]: Node };

interface Pair {
  readonly path: string;
  readonly en: Node | undefined;
  readonly ja: Node | undefined;
}

/** Every entry of both catalogs, nested objects included, by path: `run.title`, `trace.outcomes.success`. */
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

function kindOf(node: Node | undefined): string {
  if (node === undefined) return 'missing';
  return typeof node === 'function' ? `a function of ${node.length}` : typeof node;
}

describe("the demo's message catalogs", () => {
  it('hold every message of the demo (the walk found them)', () => {
    expect(all.length).toBeGreaterThan(70);
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

  it('name no language-neutral message that is not in the catalogs, and differ there too', () => {
    for (const path of languageNeutral) {
      const pair = all.find((candidate) => candidate.path === path);
      expect(pair, path).toBeDefined();
      expect(pair!.ja).not.toBe(pair!.en);
    }
  });

  it('are what messagesFor picks for each language', () => {
    expect(messagesFor('en')).toBe(en);
    expect(messagesFor('ja')).toBe(ja);
  });
});

describe('the check itself', () => {
  it('finds a message missing from a catalog, and one left in English', () => {
    const { stocked: _dropped, ...runWithoutStocked } = ja.run;
    const broken = { ...ja, run: runWithoutStocked, steps: { ...ja.steps, cancelled: en.steps.cancelled } };
    const found = pairs(en as unknown as Node, broken as unknown as Node);
    expect(found.find((pair) => pair.path === 'run.stocked')?.ja).toBeUndefined();
    expect(renderings(found.find((pair) => pair.path === 'steps.cancelled')?.ja).some(hasJapanese)).toBe(false);
  });

  it('a catalog without one of the messages does not compile', () => {
    const { stocked: _dropped, ...runWithoutStocked } = ja.run;
    // @ts-expect-error `run.stocked` is missing: `Messages` requires every message of en.ts
    const incomplete: Messages = { ...ja, run: runWithoutStocked };
    expect(incomplete.run).not.toHaveProperty('stocked');
  });
});
