/**
 * `npm run test:browser` — the docs site in a real browser.
 *
 * Builds the docs, serves them on 127.0.0.1 and visits every page in headless
 * Chromium (Debian's, via playwright-core). A page fails on a console error,
 * a failed or off-site request, a broken link or anchor, an image or diagram
 * that did not render, a missing title or h1, or a page that never hydrates.
 * While the docs build, the check proves it can fail, on a small fixture site
 * with planted faults (self-check.ts). On the Japanese pages it also fails
 * on an English sentence; and it checks that Japanese is drawn with real
 * glyphs and that the search finds a Japanese word mid-sentence
 * (japanese.ts). Screenshots of the key pages in both languages, light and
 * dark, go to artifacts/screenshots/. Ends with one line "N passed, N failed":
 * one check per page, plus the self-check, the build, the two Japanese
 * checks and the screenshots.
 *
 *   npm run test:browser                      build the docs into artifacts/site/, then check them
 *   npm run test:browser -- --no-build        check docs/.vitepress/dist as already built (npm test builds it)
 *   npm run test:browser -- --dist DIR        build into (or with --no-build, check) another folder
 *   npm run test:browser -- --no-screenshots  skip the screenshots (a few seconds quicker)
 *
 * The build goes to a folder of its own, so that an `npm test` or `vitepress
 * build` running meanwhile cannot empty the site under the check's feet.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { kitRoot } from '../paths.js';
import { launchChromium } from './browser.js';
import { buildErrors, buildSite, defaultDistDir } from './build.js';
import { checkSite, takeScreenshots } from './check-site.js';
import { checkJapaneseGlyphs, checkJapaneseSearch, japaneseSearch } from './japanese.js';
import { keyPages, listPages } from './pages.js';
import { selfCheck, selfCheckGlyphs } from './self-check.js';
import { fileChecker, startSiteServer, type SiteServer } from './site-server.js';

const buildDir = path.join(kitRoot, 'artifacts', 'site');
const screenshotDir = path.join(kitRoot, 'artifacts', 'screenshots');
const maxReasons = 6;
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const green = (text: string) => (useColor ? `\x1b[32m${text}\x1b[39m` : text);
const red = (text: string) => (useColor ? `\x1b[31m${text}\x1b[39m` : text);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** A folder as the reader knows it: relative inside the kit, absolute elsewhere. */
const shown = (dir: string) => (path.relative(kitRoot, dir).startsWith('..') ? dir : path.relative(kitRoot, dir) || '.');

let passed = 0;
let failed = 0;
function report(ok: boolean, line: string, reasons: readonly string[] = []): void {
  if (ok) passed++;
  else failed++;
  const listed = reasons.slice(0, maxReasons).join('; ');
  const more = reasons.length > maxReasons ? `; … and ${reasons.length - maxReasons} more` : '';
  console.log(`${ok ? green('✓') : red('✗')} ${line}${listed ? `: ${listed}${more}` : ''}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'no-build': { type: 'boolean' }, 'no-screenshots': { type: 'boolean' }, dist: { type: 'string' } },
  });
  const distDir = values.dist ? path.resolve(values.dist) : values['no-build'] ? defaultDistDir : buildDir;
  const started = performance.now();
  // The build runs in its own process while the browser starts and checks itself.
  const building = values['no-build'] ? undefined : buildSite(distDir);
  let browser: Browser | undefined;
  let server: SiteServer | undefined;
  try {
    browser = await launchChromium();
    const selfStarted = performance.now();
    const selfProblems = await selfCheck(browser);
    report(
      selfProblems.length === 0,
      `self-check: a fixture site with planted faults fails on each of them (${seconds(performance.now() - selfStarted)})`,
      selfProblems,
    );
    const glyphSelfStarted = performance.now();
    const glyphSelfProblems = await selfCheckGlyphs();
    report(
      glyphSelfProblems.length === 0,
      `self-check: with the Japanese fonts hidden, the glyph check sees empty boxes (${seconds(performance.now() - glyphSelfStarted)})`,
      glyphSelfProblems,
    );

    if (building) {
      const build = await building;
      report(build.ok, `the docs build (${seconds(build.ms)})`, build.ok ? [] : buildErrors(build.output));
      if (!build.ok) return;
    }
    if (!existsSync(path.join(distDir, 'index.html'))) {
      report(false, `a built site in ${shown(distDir)}`, ['no index.html: build the docs (npm run docs:build) or leave out --no-build']);
      return;
    }
    const pages = listPages(distDir);
    if (pages.length === 0) {
      report(false, `pages in ${shown(distDir)}`, ['the build holds no page but the 404 page']);
      return;
    }

    server = await startSiteServer(distDir);
    console.log(`Checking ${pages.length} pages of ${shown(distDir)} at ${server.origin} in Chromium ${browser.version()}`);
    const checkStarted = performance.now();
    const results = await checkSite(browser, server.origin, pages, fileChecker(distDir));
    for (const { page, problems } of results) if (problems.length > 0) report(false, page.urlPath, problems);
    const clean = results.filter((result) => result.problems.length === 0);
    passed += clean.length;
    console.log(`${clean.length === results.length ? green('✓') : red('✗')} ${clean.length} of ${results.length} pages passed (${seconds(performance.now() - checkStarted)})`);

    if (pages.some((page) => page.urlPath === '/ja/')) {
      const glyphsStarted = performance.now();
      const glyphProblems = await checkJapaneseGlyphs(browser, server.origin, '/ja/');
      report(glyphProblems.length === 0, `/ja/ draws Japanese with real glyphs, not empty boxes (${seconds(performance.now() - glyphsStarted)})`, glyphProblems);
      const searchStarted = performance.now();
      const searchProblems = await checkJapaneseSearch(browser, server.origin);
      report(
        searchProblems.length === 0,
        `searching ${japaneseSearch.from} for "${japaneseSearch.query}" finds ${japaneseSearch.expected} (${seconds(performance.now() - searchStarted)})`,
        searchProblems,
      );
    } else report(false, 'the Japanese site', ['no /ja/ page in the build']);

    if (values['no-screenshots']) return;
    const shotsStarted = performance.now();
    try {
      const files = await takeScreenshots(browser, server.origin, keyPages(pages), screenshotDir);
      report(files.length > 0, `screenshots: ${files.length} in ${shown(screenshotDir)}/ (${seconds(performance.now() - shotsStarted)})`);
    } catch (error) {
      report(false, 'screenshots', [error instanceof Error ? error.message : String(error)]);
    }
  } finally {
    await building; // never leave a build running behind us
    await browser?.close();
    await server?.close();
    console.log(`(took ${seconds(performance.now() - started)})`);
  }
}

main().then(
  () => {
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.error(`The browser check could not run: ${error instanceof Error ? error.message : String(error)}`);
    console.log(`\n${passed} passed, ${failed + 1} failed`);
    process.exit(2);
  },
);
