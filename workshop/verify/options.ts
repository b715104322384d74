/**
 * The integrity check's command line: `npm test -- [--no-docs] [--record]
 * [--lang en|ja] [--help]`. The language is chosen as the CLI chooses it
 * (workshop/language.ts): `--lang`, then WORKSHOP_LANG, then the system
 * locale, then English. A mistake on the command line is a UsageError whose
 * message is one sentence in the language the rest of the setting asks for.
 */
import { parseArgs } from 'node:util';
import { chooseLanguage, fallbackLanguage, LanguageError, takeLanguageFlag, type Language } from '../language.js';
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

function chooseCheckLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const { flag, missingValue } = takeLanguageFlag(argv);
  const fallback = messagesFor(fallbackLanguage(env));
  if (missingValue) throw new UsageError(fallback.errors.langNeedsValue);
  try {
    return chooseLanguage({ flag, env });
  } catch (error) {
    if (!(error instanceof LanguageError)) throw error;
    throw new UsageError(fallback.errors.badLanguage(error.source, error.value));
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
