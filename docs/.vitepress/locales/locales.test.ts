import { describe, expect, it } from 'vitest';
import { hasJapanese } from '../../../workshop/language.js';
import { english } from './en.js';
import { japanese, japaneseSearch } from './ja.js';

const editing = { pattern: 'vscode://file/kit/docs/:path', hosted: false };
const en = english(editing);
const ja = japanese(editing);

/** Every `link` in a nav or sidebar tree, in order. */
function links(tree: unknown): string[] {
  if (Array.isArray(tree)) return tree.flatMap(links);
  if (typeof tree !== 'object' || tree === null) return [];
  const node = tree as { link?: string; items?: unknown };
  return [...(node.link ? [node.link] : []), ...links(node.items)];
}

/** Every text a reader sees in a piece of theme config: all strings but links, patterns and `lang`. */
function texts(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ['link', 'pattern', 'lang'].includes(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => texts(item));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => texts(v, k));
  return [];
}

describe('the two locales of the site', () => {
  it('the Japanese menus lead to the Japanese twins of the English menus, in the same order', () => {
    expect(links(ja.themeConfig?.nav)).toEqual(links(en.themeConfig?.nav).map((link) => `/ja${link}`));
    expect(links(ja.themeConfig?.sidebar)).toEqual(links(en.themeConfig?.sidebar).map((link) => `/ja${link}`));
  });

  it('every word of the Japanese theme and search box is Japanese', () => {
    const english = [...texts(ja.themeConfig), ...texts(japaneseSearch), ja.description ?? ''].filter((text) => !hasJapanese(text));
    expect(english).toEqual([]);
  });

  it('both open a page in VS Code at its own source file', () => {
    expect(en.themeConfig?.editLink?.pattern).toBe(editing.pattern);
    expect(ja.themeConfig?.editLink?.pattern).toBe(editing.pattern);
  });
});
