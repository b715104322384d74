import { describe, expect, it } from 'vitest';
import { hasJapanese, languages } from '../../../../workshop/language.js';
import { languageOf, pickLabels, toLines, type Labels } from './i18n.js';
import { labels as kinesisExtension } from './KinesisExtension.labels.js';
import { labels as orchestrationVsChoreography } from './OrchestrationVsChoreography.labels.js';
import { labels as pingbot } from './Pingbot.labels.js';
import { labels as procurementLadder } from './ProcurementLadder.labels.js';
import { labels as serviceModels } from './ServiceModels.labels.js';
import { labels as streamsFanOut } from './StreamsFanOut.labels.js';
import { labels as ttlArchive } from './TtlArchive.labels.js';

const diagrams: Record<string, Labels<unknown>> = {
  KinesisExtension: kinesisExtension,
  OrchestrationVsChoreography: orchestrationVsChoreography,
  Pingbot: pingbot,
  ProcurementLadder: procurementLadder,
  ServiceModels: serviceModels,
  StreamsFanOut: streamsFanOut,
  TtlArchive: ttlArchive,
};

/**
 * Where `words` differs in shape from `model`. Lines of text may differ in number (a translation
 * may break them elsewhere); lists of anything else must have as many items as in English.
 */
function shapeProblems(model: unknown, words: unknown, at = ''): string[] {
  if (typeof model === 'string') return typeof words === 'string' && words.trim() ? [] : [`${at}: expected text`];
  if (Array.isArray(model)) {
    if (!Array.isArray(words) || words.length === 0) return [`${at}: expected a list`];
    if (model.every((item) => typeof item === 'string'))
      return words.every((item) => typeof item === 'string' && item.trim()) ? [] : [`${at}: expected lines of text`];
    if (words.length !== model.length) return [`${at}: expected ${model.length} items`];
    return model.flatMap((item, i) => shapeProblems(item, words[i], `${at}[${i}]`));
  }
  if (typeof model === 'object' && model !== null) {
    if (typeof words !== 'object' || words === null) return [`${at}: expected an object`];
    const record = words as Record<string, unknown>;
    return Object.entries(model).flatMap(([key, value]) =>
      key in record ? shapeProblems(value, record[key], `${at}.${key}`) : [`${at}.${key}: missing`],
    );
  }
  return [];
}

describe('diagram labels', () => {
  it('choose the language from the page lang, falling back to English', () => {
    const labels: Labels<{ hello: string }> = { en: { hello: 'hello' }, ja: { hello: 'こんにちは' } };
    expect(languageOf('en-US')).toBe('en');
    expect(pickLabels(labels, 'en-US').hello).toBe('hello');
    expect(pickLabels(labels, 'ja').hello).toBe('こんにちは');
    expect(pickLabels(labels, 'ja-JP').hello).toBe('こんにちは');
    expect(pickLabels(labels, 'fr').hello).toBe('hello');
  });

  it('turn a label into lines', () => {
    expect(toLines('one')).toEqual(['one']);
    expect(toLines(['one', 'two'])).toEqual(['one', 'two']);
    expect(toLines(undefined)).toEqual([]);
  });

  it.each(Object.entries(diagrams))('%s: every language has the words English has, and the text alternative', (_name, labels) => {
    const en = labels.en as Record<string, unknown>;
    for (const key of ['title', 'desc', 'caption'])
      if (key in en) expect(typeof en[key] === 'string' && en[key].length > 0, key).toBe(true);
    for (const [language, words] of Object.entries(labels)) expect(shapeProblems(labels.en, words), language).toEqual([]);
  });

  it.each(Object.entries(diagrams))('%s: speaks every language of the kit, the Japanese in Japanese', (_name, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...languages].sort());
    const ja = labels.ja as Record<string, unknown>;
    for (const key of ['title', 'desc', 'caption'])
      if (key in ja) expect(hasJapanese(String(ja[key])), `ja.${key}`).toBe(true);
  });
});
