/**
 * The integrity check's command line: `npm test -- [--no-docs] [--record]
 * [--lang en|ja] [--help]`. The language is chosen as the CLI chooses it
 * (workshop/language.ts): `--lang`, then WORKSHOP_LANG, then the system
 * locale, then English. A mistake on the command line is a UsageError whose
 * message is one sentence in the language the rest of the setting asks for.
 */
import { parseArgs } from 'node:util';
import { chooseLanguage, LanguageError, languageOfLocale, systemLocale, type Language } from '../language.js';
import { messagesFor, type Messages } from './messages/index.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Options {
  readonly lang: Language;
  readonly t: Messages;
  readonly help: boolean;
  readonly record: boolean;
  readonly noDocs: boolean;
}

/**
 * The language to speak before `--lang` is read, or when it is wrong:
 * WORKSHOP_LANG, then the system locale, then English.
 */
export function fallbackLanguage(env: NodeJS.ProcessEnv): Language {
  return languageOfLocale(env.WORKSHOP_LANG) ?? languageOfLocale(systemLocale(env)) ?? 'en';
}

/** `--lang ja` or `--lang=ja`, wherever it is (before a `--`). */
function languageFlag(argv: readonly string[]): { flag?: string; missingValue: boolean } {
  let flag: string | undefined;
  let missingValue = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
    else if (arg === '--lang') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) missingValue = true;
      else flag = value;
    }
  }
  return { ...(flag !== undefined ? { flag } : {}), missingValue };
}

export function chooseCheckLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const { flag, missingValue } = languageFlag(argv);
  const fallback = messagesFor(fallbackLanguage(env));
  if (missingValue) throw new UsageError(fallback.errors.langNeedsValue);
  try {
    return chooseLanguage({ flag, env });
  } catch (error) {
    if (!(error instanceof LanguageError)) throw error;
    const [source, value] = flag !== undefined ? ['--lang', flag] : ['WORKSHOP_LANG', env.WORKSHOP_LANG ?? ''];
    throw new UsageError(fallback.errors.badLanguage(source, value));
  }
}

export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const lang = chooseCheckLanguage(argv, env);
  const t = messagesFor(lang);
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'no-docs': { type: 'boolean' },
        record: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    // parseArgs says it in English; say it in the check's language.
    const { code, message } = error as NodeJS.ErrnoException;
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    const option = quoted.split(' ')[0]!;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(t.errors.unknownOption(option));
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(t.errors.noArguments(quoted));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(/does not take an argument/.test(message) ? t.errors.isSwitch(option) : t.errors.needsValue(option));
    throw error;
  }
  return { lang, t, help: values.help === true, record: values.record === true, noDocs: values['no-docs'] === true };
}
