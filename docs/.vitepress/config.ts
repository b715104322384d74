import { defineConfig } from 'vitepress';
import { kitRoot } from '../../workshop/paths.js';
import { kitMarkdown } from './kit-markdown.js';
import { english } from './locales/en.js';
import { japanese, japaneseSearch } from './locales/ja.js';
import { tokenize } from './search-tokenize.js';

// The site runs on the learner's laptop, beside the files: the edit link
// opens the page's source in VS Code. DOCS_EDIT_URL (with :path) points it
// at a hosted repository instead, for a published copy of the site.
// (A string, fixed when the site is built: a function here would be shipped to the browser.)
const editing = {
  pattern: process.env.DOCS_EDIT_URL ?? `vscode://file/${kitRoot}/docs/:path`,
  hosted: process.env.DOCS_EDIT_URL !== undefined,
};

export default defineConfig({
  title: 'Serverless ❤ Event-Driven',
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  cleanUrls: true,
  lastUpdated: false,
  markdown: {
    config: kitMarkdown,
  },
  // English at /, Japanese at /ja/: the same pages, kept in step by workshop/i18n/docs-parity.ts.
  locales: {
    root: english(editing),
    ja: japanese(editing),
  },
  themeConfig: {
    search: {
      provider: 'local',
      options: {
        // One tokenizer for the index and the query, that finds Japanese words too.
        miniSearch: { options: { tokenize } },
        locales: { ja: { translations: japaneseSearch } },
      },
    },
    outline: { level: [2, 3] },
  },
});
