/**
 * Two checks that the Japanese site works for a Japanese reader, beyond
 * what every page is checked for:
 *
 * - its text is drawn with real glyphs, not as empty boxes (tofu): in CI the
 *   CJK fonts come from Debian's fonts-noto-cjk, and without them Chromium
 *   draws every kanji as the same "missing glyph" box;
 * - the local search finds a Japanese word that stands in the middle of a
 *   sentence (docs/.vitepress/search-tokenize.ts makes that possible).
 */
import type { Browser } from 'playwright-core';
import { open, watch } from './check-site.js';
import { glyphsOf } from './in-page.js';

/**
 * A word that stands mid-sentence on the expected page and in none of its
 * headings (japanese.test.ts holds the page to that), so only a search that
 * splits Japanese sentences into words can find the page. The search box shows
 * its 16 best sections; pages with the word in a heading rank first.
 */
export const japaneseSearch = {
  from: '/ja/',
  query: '冪等性',
  expected: '/ja/credits',
} as const;

const timeoutMs = 10_000;

/** Problems with how a Japanese page draws Japanese text ([] when kanji and kana have real glyphs). */
export async function checkJapaneseGlyphs(browser: Browser, origin: string, urlPath: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await open(page, `${origin}${urlPath}`, watch(page));
    await page.waitForFunction('document.fonts.status === "loaded"', undefined, { timeout: timeoutMs });
    const glyphs = await page.evaluate(glyphsOf, 'サーバーレスの冪等性');
    if (!glyphs.drawn) return [`Japanese text draws nothing in the page's font (${glyphs.font})`];
    if (glyphs.likeMissing)
      return [`Japanese text is drawn as empty boxes in the page's font (${glyphs.font}): install a CJK font (fonts-noto-cjk)`];
    return [];
  } finally {
    await context.close();
  }
}

/** Problems with searching the Japanese site ([] when the search finds the expected page). */
export async function checkJapaneseSearch(browser: Browser, origin: string, search = japaneseSearch): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await open(page, `${origin}${search.from}`, watch(page));
    await page.locator('#local-search button').click();
    await page.locator('#localsearch-input').fill(search.query);
    const found = await page
      .waitForFunction('document.querySelectorAll(".VPLocalSearchBox .results a.result").length > 0', undefined, { timeout: timeoutMs })
      .then(
        () => true,
        () => false,
      );
    if (!found) return [`searching ${search.from} for "${search.query}" found nothing`];
    const hrefs = await page.locator('.VPLocalSearchBox .results a.result').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href') ?? ''),
    );
    const pages = [...new Set(hrefs.map((href) => new URL(href, origin).pathname.replace(/\.html$/, '')))];
    if (!pages.includes(search.expected))
      return [`searching ${search.from} for "${search.query}" did not find ${search.expected}, only: ${pages.slice(0, 5).join(', ')}`];
    return [];
  } finally {
    await context.close();
  }
}
