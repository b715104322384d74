/**
 * How the CLI chooses its language: `--lang`, then WORKSHOP_LANG, then the
 * system locale (LC_ALL, LC_MESSAGES, LANG), then the runtime's locale, then
 * English. Every case passes its own environment and runtime locale, so the
 * machine the tests run on changes nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  fallbackLanguage,
  hasJapanese,
  LanguageError,
  languageOfLocale,
  parseLanguage,
  takeLanguageFlag,
} from './language.js';

/** A runtime locale the kit does not speak, so it never decides a case by accident. */
const runtimeLocale = 'fr-FR';

describe('chooseLanguage: who wins', () => {
  it.each([
    ['--lang over everything', { flag: 'ja', env: { WORKSHOP_LANG: 'en', LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' } }, 'ja'],
    ['--lang en over a Japanese setting', { flag: 'en', env: { WORKSHOP_LANG: 'ja', LC_ALL: 'ja_JP.UTF-8' } }, 'en'],
    ['WORKSHOP_LANG over the locale', { env: { WORKSHOP_LANG: 'ja', LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' } }, 'ja'],
    ['WORKSHOP_LANG=en over a Japanese locale', { env: { WORKSHOP_LANG: 'en', LC_ALL: 'ja_JP.UTF-8' } }, 'en'],
    ['LC_ALL over LC_MESSAGES and LANG', { env: { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' } }, 'ja'],
    ['LC_ALL=C over a Japanese LANG', { env: { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' } }, 'en'],
    ['LC_MESSAGES over LANG', { env: { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' } }, 'ja'],
    ['LC_MESSAGES=en over a Japanese LANG', { env: { LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' } }, 'en'],
    ['LANG alone', { env: { LANG: 'ja_JP.UTF-8' } }, 'ja'],
    ['an empty WORKSHOP_LANG counts as unset', { env: { WORKSHOP_LANG: '', LANG: 'ja_JP.UTF-8' } }, 'ja'],
  ] as const)('%s', (_case, choice, expected) => {
    expect(chooseLanguage({ ...choice, runtimeLocale })).toBe(expected);
  });

  it('the runtime locale when no LC_ALL, LC_MESSAGES or LANG is set (Windows)', () => {
    expect(chooseLanguage({ env: {}, runtimeLocale: 'ja-JP' })).toBe('ja');
    expect(chooseLanguage({ env: {}, runtimeLocale: 'en-GB' })).toBe('en');
  });

  it('the system locale over the runtime locale', () => {
    expect(chooseLanguage({ env: { LANG: 'en_US.UTF-8' }, runtimeLocale: 'ja-JP' })).toBe('en');
  });

  it('English when nothing says otherwise', () => {
    expect(chooseLanguage({ env: {}, runtimeLocale })).toBe('en');
  });
});

describe('locale names', () => {
  it.each(['ja_JP.UTF-8', 'ja-JP', 'JA', 'ja', 'ja_JP', 'ja_JP.eucJP@euro'])('%j is Japanese', (locale) => {
    expect(languageOfLocale(locale)).toBe('ja');
    expect(chooseLanguage({ env: { LANG: locale }, runtimeLocale })).toBe('ja');
  });

  it.each(['C', 'POSIX', 'fr_FR.UTF-8', 'C.UTF-8', 'de-DE'])('%j is not a language the kit speaks: English', (locale) => {
    expect(languageOfLocale(locale)).toBeUndefined();
    expect(chooseLanguage({ env: { LANG: locale }, runtimeLocale })).toBe('en');
  });

  it('en_US.UTF-8 is English', () => {
    expect(languageOfLocale('en_US.UTF-8')).toBe('en');
  });
});

describe('a language the kit does not speak, asked for by name', () => {
  it.each([
    [{ flag: 'xx', env: {} }, /^--lang "xx" is not a language/],
    [{ flag: 'fr', env: { WORKSHOP_LANG: 'ja' } }, /^--lang "fr"/],
    [{ flag: '', env: {} }, /^--lang ""/],
    [{ env: { WORKSHOP_LANG: 'klingon' } }, /^WORKSHOP_LANG "klingon" is not a language/],
    [{ env: { WORKSHOP_LANG: 'C', LANG: 'ja_JP.UTF-8' } }, /^WORKSHOP_LANG "C"/],
  ])('%j throws a LanguageError naming where it came from', (choice, message) => {
    expect(() => chooseLanguage({ ...choice, runtimeLocale })).toThrow(LanguageError);
    expect(() => chooseLanguage({ ...choice, runtimeLocale })).toThrow(message);
  });

  it('says it in one line, with the languages to choose from', () => {
    let message = '';
    try {
      parseLanguage('xx', '--lang');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('\n');
    expect(message).toMatch(/en or ja/);
  });

  it('carries where it came from and what it was, for each tool to say in its own words', () => {
    const error = (() => {
      try {
        chooseLanguage({ env: { WORKSHOP_LANG: 'klingon' }, runtimeLocale });
      } catch (caught) {
        return caught as LanguageError;
      }
    })();
    expect(error).toMatchObject({ source: 'WORKSHOP_LANG', value: 'klingon' });
  });

  it('a good --lang wins even over a bad WORKSHOP_LANG', () => {
    expect(chooseLanguage({ flag: 'ja', env: { WORKSHOP_LANG: 'klingon' }, runtimeLocale })).toBe('ja');
  });
});

describe('fallbackLanguage: what to speak before --lang is read, or when a setting is wrong', () => {
  it.each([
    [{ WORKSHOP_LANG: 'ja' }, 'ja'],
    [{ WORKSHOP_LANG: 'klingon', LANG: 'ja_JP.UTF-8' }, 'ja'],
    [{ WORKSHOP_LANG: 'en', LANG: 'ja_JP.UTF-8' }, 'en'],
    [{ LC_ALL: 'fr_FR.UTF-8', LANG: 'ja_JP.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('%j → %s, never throwing', (env, expected) => {
    expect(fallbackLanguage(env)).toBe(expected);
  });
});

describe('takeLanguageFlag', () => {
  it.each([
    [['list', '--lang', 'ja'], { flag: 'ja', missingValue: false, rest: ['list'] }],
    [['--lang=ja', 'hint', '3'], { flag: 'ja', missingValue: false, rest: ['hint', '3'] }],
    [['check', '--lang'], { missingValue: true, rest: ['check'] }],
    [['check', '--lang', '--all'], { missingValue: true, rest: ['check', '--all'] }],
    [['start', '--', '--lang', 'ja'], { missingValue: false, rest: ['start', '--', '--lang', 'ja'] }],
    [['list', '--all'], { missingValue: false, rest: ['list', '--all'] }],
  ])('%j → %j', (argv, expected) => {
    expect(takeLanguageFlag(argv)).toEqual(expected);
  });
});

describe('hasJapanese', () => {
  it.each(['ヒント 1/3', 'まとめ', '演習', 'サーキットブレーカー'])('%j is Japanese', (text) => {
    expect(hasJapanese(text)).toBe(true);
  });

  it.each(['Hint 1 of 3', '', '1/3 · ✓', '（）、。'])('%j is not', (text) => {
    expect(hasJapanese(text)).toBe(false);
  });
});
