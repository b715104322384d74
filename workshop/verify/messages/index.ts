/**
 * The integrity check's words in the chosen language (options.ts chooses it:
 * --lang, WORKSHOP_LANG, the system locale, English — as the CLI does). The
 * check passes `t` down to whatever writes a line or names a check.
 */
import type { Language } from '../../language.js';
import { en, type Messages } from './en.js';
import { ja } from './ja.js';

export type { Messages } from './en.js';

/** One catalog per language the kit speaks: a new language without one does not compile. */
const catalogs: Readonly<Record<Language, Messages>> = { en, ja };

export function messagesFor(lang: Language): Messages {
  return catalogs[lang];
}
