/**
 * The kit speaks English and Japanese. This module names the two languages
 * and chooses one for the CLI: `--lang`, then `WORKSHOP_LANG`, then the
 * system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them),
 * then English.
 */
export const languages = ['en', 'ja'] as const;
export type Language = (typeof languages)[number];

/** The same words in every language the kit speaks. */
export type Bilingual<T> = { readonly [L in Language]: T };

/** A `--lang` or WORKSHOP_LANG the kit does not speak; `source` and `value` say which, for the caller's own message. */
export class LanguageError extends Error {
  override name = 'LanguageError';

  constructor(
    readonly source: string,
    readonly value: string,
  ) {
    super(`${source} "${value}" is not a language the workshop speaks: use ${languages.join(' or ')}`);
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** `ja`, `JA`, `ja-JP`, `ja_JP.UTF-8` → `ja`; anything the kit does not speak throws. */
export function parseLanguage(input: string, from: string): Language {
  const language = languageOfLocale(input);
  if (language === undefined)
    throw new LanguageError(from, input);
  return language;
}

/** The kit's language for a locale name, or undefined (`C`, `POSIX`, `fr_FR`, ''). */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const code = (locale ?? '').trim().toLowerCase().split(/[-_.@]/)[0];
  return isLanguage(code) ? code : undefined;
}

/** The locale the system asks for, as POSIX decides it: the first of these that is set. */
export function systemLocale(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) if (env[name]) return env[name];
  return undefined;
}

export interface LanguageChoice {
  /** The value of `--lang`, when given. */
  readonly flag?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** The runtime's own locale, for systems without LANG (Windows); tests pass their own. */
  readonly runtimeLocale?: string;
}

/**
 * `--lang` wins, then `WORKSHOP_LANG`; both must name a language the kit
 * speaks. Then the system locale; a locale the kit does not speak means English.
 */
export function chooseLanguage({ flag, env, runtimeLocale = Intl.DateTimeFormat().resolvedOptions().locale }: LanguageChoice): Language {
  if (flag !== undefined) return parseLanguage(flag, '--lang');
  if (env.WORKSHOP_LANG) return parseLanguage(env.WORKSHOP_LANG, 'WORKSHOP_LANG');
  const system = systemLocale(env);
  return languageOfLocale(system ?? runtimeLocale) ?? 'en';
}

/**
 * The language to speak before `--lang` is read, or when a setting is wrong:
 * a good WORKSHOP_LANG, then the system locale, then English. Never throws.
 */
export function fallbackLanguage(env: NodeJS.ProcessEnv): Language {
  return languageOfLocale(env.WORKSHOP_LANG) ?? languageOfLocale(systemLocale(env)) ?? 'en';
}

/**
 * Takes `--lang ja` or `--lang=ja` out of a command line, wherever it stands
 * (before a `--`), so a command need not declare it. `missingValue`: `--lang`
 * came last, or right before another option.
 */
export function takeLanguageFlag(argv: readonly string[]): { flag?: string; missingValue: boolean; rest: string[] } {
  const rest: string[] = [];
  let flag: string | undefined;
  let missingValue = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
    else if (arg === '--lang') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) missingValue = true;
      else {
        flag = value;
        i++;
      }
    } else rest.push(arg);
  }
  return { ...(flag !== undefined ? { flag } : {}), missingValue, rest };
}

/** True when the text holds Japanese script (kana or kanji): a translation, not English left behind. */
export function hasJapanese(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text);
}
