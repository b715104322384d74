/**
 * The CLI's words in the learner's language. main.ts chooses the language once
 * (workshop/language.ts: --lang, WORKSHOP_LANG, the system locale, English) and
 * passes an I18n down to whatever prints: `t` for the CLI's own messages,
 * `lang` for the exercise texts (`meta.title[lang]`) and the docs links.
 */
import type { Language } from '../../language.js';
import { en, type Messages } from './en.js';
import { ja } from './ja.js';

export type { Messages } from './en.js';

export interface I18n {
  readonly lang: Language;
  readonly t: Messages;
}

/** One catalog per language the kit speaks: a new language without one does not compile. */
const catalogs: Readonly<Record<Language, Messages>> = { en, ja };

export function i18nFor(lang: Language): I18n {
  return { lang, t: catalogs[lang] };
}
