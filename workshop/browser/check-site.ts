/**
 * Visits every page of a served site in headless Chromium and judges what it
 * saw (judge.ts): console errors, failed or off-site requests, broken links
 * and anchors, images and diagrams that did not render, a missing title.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { isLocalUrl } from './browser.js';
import { collectPageFacts } from './in-page.js';
import { judgeVisit, type PageVisit, type SiteIndex } from './judge.js';
import { screenshotName, type SitePage } from './pages.js';

const navigationTimeoutMs = 20_000;
const hydrationTimeoutMs = 8_000;
const imageTimeoutMs = 5_000;
/** The network is quiet when nothing was in flight for this long (Playwright's 'networkidle' waits 500 ms). */
const quietMs = 150;

export interface PageResult {
  readonly page: SitePage;
  readonly problems: readonly string[];
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const clip = (text: string, length = 300) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** A URL as a reader wants it: the path for ours, the whole URL for anyone else's. */
function shortUrl(url: string): string {
  if (!isLocalUrl(url)) return url;
  try {
    const { protocol, pathname, search } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${pathname}${search}` : clip(url, 60);
  } catch {
    return url;
  }
}

export interface Watcher {
  /** Starts a new record: what goes wrong from now on. */
  begin(): { readonly consoleErrors: string[]; readonly requestProblems: string[] };
  /** Resolves true once no request has been in flight for `quietMs`; false after `timeoutMs`. */
  quiet(timeoutMs: number): Promise<boolean>;
}

/** Records what goes wrong on a page while it loads and runs, and how busy its network is. */
export function watch(page: Page): Watcher {
  let record = { consoleErrors: [] as string[], requestProblems: [] as string[] };
  // A request belongs to the visit that made it, even if it ends during the next one.
  const madeDuring = new WeakMap<Request, typeof record>();
  const recordOf = (request: Request) => madeDuring.get(request) ?? record;
  const answeredBadly = new WeakSet<Request>();
  let inFlight = 0;
  let lastActivity = performance.now();
  const settled = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = performance.now();
  };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The first line: Chromium appends the stack of a logged error.
    const text = squeeze(message.text().split('\n')[0] ?? '');
    // Chromium's own note on a failed load: the request listeners below report
    // it with its URL (and the browser's favicon probe is not the site's request).
    if (text.startsWith('Failed to load resource')) return;
    const { url, lineNumber } = message.location();
    record.consoleErrors.push(clip(`${text}${url ? ` (at ${shortUrl(url)}:${lineNumber + 1})` : ''}`));
  });
  page.on('pageerror', (error) =>
    record.consoleErrors.push(clip(`uncaught ${error.name}: ${squeeze(error.message.split('\n')[0] ?? '')}`)),
  );
  page.on('request', (request) => {
    inFlight++;
    lastActivity = performance.now();
    madeDuring.set(request, record);
    if (!isLocalUrl(request.url())) record.requestProblems.push(`off-site request (the site must work offline): ${request.url()}`);
  });
  page.on('requestfinished', settled);
  page.on('websocket', (socket) => {
    if (!isLocalUrl(socket.url().replace(/^ws/, 'http'))) record.requestProblems.push(`off-site websocket: ${socket.url()}`);
  });
  page.on('requestfailed', (request) => {
    settled();
    // An off-site request was reported when it was made (and fails by design),
    // and a response ≥ 400 when it came (Chromium then aborts a script, say).
    // ERR_ABORTED is the browser cancelling a request itself — a prefetch of
    // another page's code cut short when the check moves on — not a failure.
    const reason = request.failure()?.errorText ?? '';
    if (isLocalUrl(request.url()) && !answeredBadly.has(request) && reason !== 'net::ERR_ABORTED')
      recordOf(request).requestProblems.push(`request failed: ${shortUrl(request.url())} (${reason || 'no reason given'})`);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    answeredBadly.add(response.request());
    recordOf(response.request()).requestProblems.push(`${response.status()} for ${shortUrl(response.url())}`);
  });
  return {
    begin: () => (record = { consoleErrors: [], requestProblems: [] }),
    quiet: async (timeoutMs) => {
      const deadline = performance.now() + timeoutMs;
      while (inFlight > 0 || performance.now() - lastActivity < quietMs) {
        if (performance.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return true;
    },
  };
}

/**
 * Loads a page and waits until it has hydrated (a VitePress page mounts its
 * Vue app on #app; a page without #app counts as hydrated) and its network
 * has gone quiet, prefetches included. Throws if it never loads or goes quiet.
 */
export async function open(page: Page, url: string, watcher: Watcher): Promise<{ status: number | undefined; hydrated: boolean }> {
  const response = await page.goto(url, { waitUntil: 'load', timeout: navigationTimeoutMs });
  const hydrated = await page
    .waitForFunction('!document.getElementById("app") || !!document.getElementById("app").__vue_app__', undefined, {
      timeout: hydrationTimeoutMs,
    })
    .then(
      () => true,
      () => false,
    );
  if (!(await watcher.quiet(navigationTimeoutMs))) throw new Error(`the network did not go quiet within ${navigationTimeoutMs / 1000} s`);
  return { status: response?.status(), hydrated };
}

/**
 * Opens one page in a tab that is reused from page to page, lets it hydrate
 * and go quiet, and collects what the checks need.
 */
async function visitPage(page: Page, watcher: Watcher, origin: string, sitePage: SitePage): Promise<PageVisit> {
  const seen = watcher.begin();
  let status: number | undefined;
  let hydrated = false;
  try {
    ({ status, hydrated } = await open(page, `${origin}${sitePage.urlPath}`, watcher));
  } catch (error) {
    seen.requestProblems.push(`the page did not settle: ${error instanceof Error ? squeeze(error.message).slice(0, 200) : String(error)}`);
  }
  const facts = await page.evaluate(collectPageFacts, imageTimeoutMs);
  return {
    file: sitePage.file,
    urlPath: sitePage.urlPath,
    status,
    hydrated,
    title: squeeze(facts.title),
    h1: facts.h1 === undefined ? undefined : squeeze(facts.h1),
    notFound: facts.notFound,
    ids: facts.ids,
    links: facts.links.map((link) => ({ href: link.href, text: clip(squeeze(link.text), 60) })),
    images: facts.images,
    diagrams: facts.diagrams.map((diagram) => {
      const caption = squeeze(diagram.caption);
      return {
        where: `diagram ${diagram.index}${caption ? ` ("${clip(caption, 60)}")` : ''}`,
        width: Math.round(diagram.width),
        height: Math.round(diagram.height),
        title: diagram.titles.map(squeeze).find((title) => title !== '') ?? '',
      };
    }),
    emptyFigures: facts.emptyFigures,
    lang: facts.lang,
    textBlocks: facts.textBlocks.map(squeeze).filter((text) => text !== ''),
    // Copies: the next page starts a new record, but late reports of this one could still arrive.
    consoleErrors: [...seen.consoleErrors],
    requestProblems: [...seen.requestProblems],
  };
}

/**
 * Checks every page, a few at a time in one browser context, then judges
 * them all together: a link's anchor is looked up in the ids of its target
 * page as the browser rendered it.
 */
export async function checkSite(
  browser: Browser,
  origin: string,
  pages: readonly SitePage[],
  isFile: (relative: string) => boolean,
  concurrency = 3,
): Promise<PageResult[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(navigationTimeoutMs);
  // A visit, or why the page could not be inspected at all (it crashed, say).
  const visits: (PageVisit | string)[] = new Array(pages.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, pages.length) }, async () => {
        let page = await context.newPage();
        let watcher = watch(page);
        while (next < pages.length) {
          const index = next++;
          try {
            visits[index] = await visitPage(page, watcher, origin, pages[index]!);
          } catch (error) {
            visits[index] = `could not inspect the page: ${error instanceof Error ? squeeze(error.message).slice(0, 200) : String(error)}`;
            await page.close().catch(() => {});
            page = await context.newPage();
            watcher = watch(page);
          }
        }
      }),
    );
  } finally {
    await context.close();
  }
  const idsByFile = new Map(visits.flatMap((visit) => (typeof visit === 'string' ? [] : [[visit.file, new Set(visit.ids)] as const])));
  const site: SiteIndex = { origin, isFile, idsOf: (file) => idsByFile.get(file) };
  return visits.map((visit, index) => ({ page: pages[index]!, problems: typeof visit === 'string' ? [visit] : judgeVisit(visit, site) }));
}

/** Full-page screenshots of some pages in the light and the dark theme; returns the files written. */
export async function takeScreenshots(browser: Browser, origin: string, pages: readonly SitePage[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const written: string[] = [];
  try {
    const page = await context.newPage();
    const watcher = watch(page);
    for (const sitePage of pages) {
      await open(page, `${origin}${sitePage.urlPath}`, watcher);
      await page.waitForFunction('document.fonts.status === "loaded"', undefined, { timeout: navigationTimeoutMs });
      // No colour transitions: the dark shot follows the switch at once.
      await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
      for (const scheme of ['light', 'dark'] as const) {
        // VitePress follows the system's colour scheme until the reader picks one.
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForFunction(
          `!document.getElementById("app") || document.documentElement.classList.contains("dark") === ${scheme === 'dark'}`,
          undefined,
          { timeout: navigationTimeoutMs },
        );
        const file = path.join(outDir, screenshotName(sitePage, scheme));
        await page.screenshot({ path: file, fullPage: true });
        written.push(file);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
  } finally {
    await context.close();
  }
  return written;
}
