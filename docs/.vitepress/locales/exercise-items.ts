import type { DefaultTheme } from 'vitepress';
import { readCatalog } from '../../../workshop/catalog.js';
import type { Language } from '../../../workshop/language.js';

/** The exercises' sidebar, from their metadata: titles are written once, in both languages. English at /, others at /<language>/. */
export function exerciseItems(language: Language): DefaultTheme.SidebarItem[] {
  const prefix = language === 'en' ? '' : `/${language}`;
  return readCatalog().map((exercise) => ({
    text: `${exercise.id.slice(0, 2)} · ${exercise.title[language]}`,
    link: `${prefix}/exercises/${exercise.id}`,
  }));
}
