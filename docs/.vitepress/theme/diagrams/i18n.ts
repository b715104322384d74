/**
 * The words of a diagram, kept apart from its drawing so that a translation
 * is a data-only change: add `ja: { … }` next to `en` in the diagram's
 * `*.labels.ts`, with the same keys (the type check and labels.test.ts hold
 * every language to the shape of `en`).
 */

/** One line of text, or several lines drawn one under the other. */
export type Lines = string | readonly string[];

/** A diagram's words per language; `en` is required and is the fallback. */
export type Labels<Words> = { readonly en: Words } & { readonly [language: string]: Words | undefined };

/** 'en-US' → 'en', 'ja' → 'ja'. */
export function languageOf(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] || 'en';
}

/** The words for the page's language (VitePress `lang`), or English. */
export function pickLabels<Words>(labels: Labels<Words>, lang: string): Words {
  return labels[languageOf(lang)] ?? labels.en;
}

export function toLines(text: Lines | undefined): readonly string[] {
  if (text === undefined || text === '') return [];
  return typeof text === 'string' ? [text] : text;
}
