/**
 * The check every message catalog of the kit passes (the CLI's, the demo's,
 * the integrity check's): its Japanese twin has every message of the English
 * one, of the same kind, and says it in Japanese. The type `Messages` already
 * makes a missing message a compile error; this checks it as the code runs,
 * and what no type can check: that a Japanese message is not left in English.
 *
 * A message is a string, a function of plain strings and numbers, or a group
 * of messages. A function is called with sample values, so both branches of a
 * plural are read.
 */
import { hasJapanese } from '../language.js';

type Node = string | ((...args: never[]) => string) | { readonly [key: string]: Node };

export interface Pair {
  /** `list.heading`, `watch.pollReasons.wsl`. */
  readonly path: string;
  readonly en: unknown;
  readonly ja: unknown;
}

/** Catalog functions take plain strings and numbers; these values exercise both branches of a plural. */
const sampleValues: readonly (string | number)[] = [1, 2, 'x'];

const isGroup = (node: unknown): node is Record<string, Node> => typeof node === 'object' && node !== null;

/** Every entry of both catalogs, nested groups included, by path. */
export function catalogPairs(english: unknown, japanese: unknown, path = ''): Pair[] {
  if (!isGroup(english) || !isGroup(japanese)) return [{ path, en: english, ja: japanese }];
  const keys = [...new Set([...Object.keys(english), ...Object.keys(japanese)])].sort();
  return keys.flatMap((key) => catalogPairs(english[key], japanese[key], path ? `${path}.${key}` : key));
}

/** What a message says for each sample value: itself when it is a string. */
export function renderings(message: unknown): string[] {
  if (typeof message === 'string') return [message];
  if (typeof message !== 'function') return [];
  const call = message as (...args: (string | number)[]) => string;
  return sampleValues.map((value) => call(...Array<string | number>(message.length).fill(value)));
}

function kindOf(message: unknown): string {
  if (message === undefined) return 'missing';
  return typeof message === 'function' ? `a function of ${message.length}` : typeof message;
}

/**
 * Everything wrong with a pair of catalogs, one sentence each; [] when they
 * agree. `languageNeutral` names (by path) the few messages that hold no
 * Japanese script in Japanese either, such as a list separator.
 */
export function catalogProblems(english: unknown, japanese: unknown, languageNeutral: readonly string[] = []): string[] {
  const pairs = catalogPairs(english, japanese);
  const problems: string[] = [];
  for (const { path, en, ja } of pairs) {
    const sameKind = en !== undefined && ja !== undefined && typeof en === typeof ja &&
      (typeof en !== 'function' || (en as () => string).length === (ja as () => string).length);
    if (!sameKind) {
      problems.push(`${path}: en ${kindOf(en)}, ja ${kindOf(ja)}`);
      continue;
    }
    const inEnglish = renderings(en);
    for (const text of inEnglish.filter(hasJapanese)) problems.push(`${path} has Japanese in English: ${JSON.stringify(text)}`);
    renderings(ja).forEach((text, index) => {
      if (text === inEnglish[index]) problems.push(`${path} is the same as in English: ${JSON.stringify(text)}`);
      else if (!languageNeutral.includes(path) && !hasJapanese(text)) problems.push(`${path} has no Japanese: ${JSON.stringify(text)}`);
    });
  }
  for (const path of languageNeutral)
    if (!pairs.some((pair) => pair.path === path)) problems.push(`${path} is named language-neutral but is not in the catalogs`);
  return problems;
}
