/**
 * The demo's words in the chosen language. main.ts chooses the language once
 * (workshop/language.ts: --lang, WORKSHOP_LANG, the system locale, English)
 * and the run passes the catalog to whatever prints: the trace printer, the
 * capstones' stand-ins and the summary.
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
