/**
 * The demo's flags, read with node:util parseArgs. A bad flag is one sentence
 * and exit code 2, like every command of the kit, in the language the demo
 * speaks: `--lang`, then WORKSHOP_LANG, then the system locale, then English
 * (workshop/language.ts). A wrong `--lang` is said in the language the rest
 * of the setting asks for.
 */
import { parseArgs } from 'node:util';
import { chooseLanguage, fallbackLanguage, LanguageError, languageOfLocale, type Language } from '../language.js';
import { messagesFor, type Messages } from './messages/index.js';

export interface DemoFlags {
  /** How many orders to place. */
  readonly orders: number;
  /** Seeds the orders, the ids and the chaos: the same seed prints the same lines. */
  readonly seed: number;
  /** Duplicates, replays, transient SDK errors and a Kinesis outage. */
  readonly chaos: boolean;
  /** Print only the trace, as JSON, at the end. */
  readonly json: boolean;
  /** Run the learner's handlers (exercises/) instead of the solutions. */
  readonly mine: boolean;
  readonly help: boolean;
  /** The language of the demo's words (the trace's data stays as it is). */
  readonly lang: Language;
}

export const defaultOrders = 20;
export const defaultSeed = 42;
export const maxOrders = 10_000;

/** `--help`: the flags, in the demo's language. */
export function usage(t: Messages): string {
  return t.usage(defaultOrders, maxOrders, defaultSeed);
}

/** A bad flag, said in the demo's language. */
export type ParsedFlags = { readonly ok: true; readonly flags: DemoFlags } | { readonly ok: false; readonly error: string };

const options = {
  orders: { type: 'string' },
  seed: { type: 'string' },
  chaos: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  mine: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  lang: { type: 'string' },
} as const;

export function parseDemoFlags(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedFlags {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options }));
  } catch (error) {
    return { ok: false, error: badFlags(error as Error, messagesFor(languageOfFlags(argv, env))) };
  }

  let lang: Language;
  try {
    lang = chooseLanguage({ flag: values.lang, env });
  } catch (error) {
    if (!(error instanceof LanguageError)) throw error;
    return { ok: false, error: messagesFor(fallbackLanguage(env)).flags.badLanguage(error.source, error.value) };
  }
  const t = messagesFor(lang).flags;

  const orders = values.orders === undefined ? defaultOrders : wholeNumber(values.orders);
  if (orders === undefined || orders < 1 || orders > maxOrders) return { ok: false, error: t.orders(maxOrders, values.orders ?? '') };
  const seed = values.seed === undefined ? defaultSeed : wholeNumber(values.seed);
  if (seed === undefined || seed < 0) return { ok: false, error: t.seed(values.seed ?? '') };

  return {
    ok: true,
    flags: { orders, seed, chaos: values.chaos, json: values.json, mine: values.mine, help: values.help, lang },
  };
}

/** parseArgs says e.g. "Unknown option '--order'": one sentence, then where to look. */
function badFlags(error: Error, t: Messages): string {
  const message = error.message.split('\n')[0]!;
  const positional = /^Unexpected argument '([^']*)'/.exec(message);
  if (positional) return t.flags.unexpectedArgument(positional[1]!);
  const unknown = /^Unknown option '([^']*)'/.exec(message);
  if (unknown) return t.flags.unknownOption(unknown[1]!);
  const ambiguous = /^Option '(--[a-z]+)' argument is ambiguous/.exec(message);
  if (ambiguous) return t.flags.needsValue(ambiguous[1]!);
  const missing = /^Option '(?:-\w, )?(--[a-z]+) <value>' argument missing/.exec(message);
  if (missing) return t.flags.missingValue(missing[1]!);
  const noValue = /^Option '(?:-\w, )?(--[a-z]+)' does not take an argument/.exec(message);
  if (noValue) return t.flags.takesNoValue(noValue[1]!);
  return t.flags.otherProblem(message.replace(/\.$/, ''));
}

/**
 * The language to say a flag problem in, when the flags as a whole do not
 * parse: a good `--lang` among them, else WORKSHOP_LANG or the system locale.
 */
function languageOfFlags(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const { values } = parseArgs({ args: [...argv], strict: false, allowPositionals: true, options });
  return (typeof values.lang === 'string' ? languageOfLocale(values.lang) : undefined) ?? fallbackLanguage(env);
}

function wholeNumber(text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
