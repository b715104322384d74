/**
 * The check of the check: a tiny site with one planted fault per rule
 * (fixtures/broken-site/) goes through the very same browser check, which
 * must report every fault and nothing on the page that is right. It runs
 * first in every `npm run test:browser`, so a check that quietly stopped
 * seeing anything cannot pass a broken docs site.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { checkSite, type PageResult } from './check-site.js';
import { checkJapaneseGlyphs } from './japanese.js';
import { listPages } from './pages.js';
import { fileChecker, startSiteServer } from './site-server.js';

export const brokenSiteDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'broken-site');

/** What the check must say about fixtures/broken-site/broken.html. */
export const plantedFaults: readonly RegExp[] = [
  /^no document title$/,
  /^no h1$/,
  /^broken link to \/no-such-page /,
  /^broken anchor \/#no-such-anchor /,
  /^broken anchor \/broken#nowhere /,
  /^404 for \/no-such-image\.png$/,
  /^image did not render: http:\/\/127\.0\.0\.1:\d+\/no-such-image\.png$/,
  /^off-site request \(the site must work offline\): http:\/\/example\.com\/offline\.png$/,
  /^image did not render: http:\/\/example\.com\/offline\.png$/,
  /^console error: planted console error/,
  /^console error: uncaught Error: planted page error$/,
  /^diagram did not render \(0×0\): diagram 1$/,
  /^diagram without a title: diagram 1$/,
  /^1 empty figure\(s\)/,
];

/** What the check must say about fixtures/broken-site/ja.html, a Japanese page with one English sentence. */
const plantedJapaneseFault = /^English on a Japanese page: "This sentence was left in English by mistake\."$/;

/** Problems with the check itself: an empty list when it saw exactly what was planted. */
export function judgeSelfCheck(results: readonly PageResult[]): string[] {
  const problems: string[] = [];
  const good = results.find((result) => result.page.urlPath === '/');
  const broken = results.find((result) => result.page.urlPath === '/broken');
  const japanese = results.find((result) => result.page.urlPath === '/ja');
  if (!good || !broken || !japanese) return ['the fixture site lost a page'];
  if (!japanese.problems.some((problem) => plantedJapaneseFault.test(problem)))
    problems.push(`missed a planted fault: ${plantedJapaneseFault.source}`);
  for (const problem of japanese.problems)
    if (!plantedJapaneseFault.test(problem)) problems.push(`reported something not planted on the Japanese page: ${problem}`);
  for (const problem of good.problems) problems.push(`reported on the good fixture page: ${problem}`);
  for (const fault of plantedFaults)
    if (!broken.problems.some((problem) => fault.test(problem))) problems.push(`missed a planted fault: ${fault.source}`);
  for (const problem of broken.problems)
    if (!plantedFaults.some((fault) => fault.test(problem))) problems.push(`reported something not planted: ${problem}`);
  return problems;
}

export async function selfCheck(browser: Browser): Promise<string[]> {
  const server = await startSiteServer(brokenSiteDir);
  try {
    return judgeSelfCheck(await checkSite(browser, server.origin, listPages(brokenSiteDir), fileChecker(brokenSiteDir)));
  } finally {
    await server.close();
  }
}

/**
 * A font setup without Japanese: the system's own fonts, minus every font
 * that covers Japanese. Chromium then draws kanji as "missing glyph" boxes,
 * as on a machine without fonts-noto-cjk.
 */
const fontsWithoutJapanese = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont>
    <rejectfont>
      <pattern><patelt name="lang"><string>ja</string></patelt></pattern>
    </rejectfont>
  </selectfont>
</fontconfig>
`;

/**
 * The check of the glyph check: in a browser that has no Japanese font, the
 * fixture's Japanese page must be reported as drawn in empty boxes.
 */
export async function selfCheckGlyphs(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'no-japanese-fonts-'));
  const config = path.join(dir, 'fonts.conf');
  writeFileSync(config, fontsWithoutJapanese);
  const server = await startSiteServer(brokenSiteDir);
  const browser = await launchChromium({ FONTCONFIG_FILE: config });
  try {
    const problems = await checkJapaneseGlyphs(browser, server.origin, '/ja');
    return problems.some((problem) => /drawn as empty boxes/.test(problem))
      ? []
      : [`without Japanese fonts, the glyph check saw nothing wrong${problems.length > 0 ? `, only: ${problems.join('; ')}` : ''}`];
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
