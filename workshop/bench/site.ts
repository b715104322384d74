/**
 * The docs site's rows of `npm run bench`: how long the docs take to build,
 * and how much JavaScript a first visit costs (home page and an exercise
 * page, browser cache empty), measured in headless Chromium against the
 * build served on 127.0.0.1 (gzipped, as any static host serves it).
 * Targets: build ≤ 15 s; ≤ 300 kB of JavaScript transferred per first visit.
 *
 * "Transferred" counts every JavaScript response until the network is quiet:
 * what the page needs to render, and what VitePress prefetches for the links
 * in view (the row says how much of it is prefetch, and the size unzipped).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../browser/browser.js';
import { buildErrors, buildSite } from '../browser/build.js';
import { open, watch } from '../browser/check-site.js';
import { startSiteServer } from '../browser/site-server.js';
import type { Row } from './rows.js';

const buildTargetMs = 15_000;
const jsTargetBytes = 300_000;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

export interface JsTransfer {
  /** Bytes on the wire (gzipped), every JavaScript response. */
  readonly transferred: number;
  /** The same responses, unzipped. */
  readonly unzipped: number;
  /** The part of `transferred` that was prefetched for later pages. */
  readonly prefetched: number;
}

/** Sums the JavaScript of one first visit of `url`, in a fresh browser context (empty cache). */
async function firstVisitJs(browser: Awaited<ReturnType<typeof launchChromium>>, url: string): Promise<JsTransfer> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pending: Promise<{ transferred: number; unzipped: number; prefetch: boolean } | undefined>[] = [];
    page.on('requestfinished', (request) =>
      pending.push(
        (async () => {
          const response = await request.response();
          if (!response || !/javascript/.test(response.headers()['content-type'] ?? '')) return undefined;
          const sizes = await request.sizes();
          // A <link rel="prefetch"> is not a script yet: Chromium files it as "other".
          return { transferred: sizes.responseBodySize, unzipped: (await response.body()).length, prefetch: request.resourceType() !== 'script' };
        })(),
      ),
    );
    await open(page, url, watch(page));
    // Every response that finished by now is counted (the network is quiet); stop listening first.
    page.removeAllListeners('requestfinished');
    const responses = (await Promise.all(pending)).filter((entry) => entry !== undefined);
    const sum = (pick: (entry: (typeof responses)[number]) => number) => responses.reduce((total, entry) => total + pick(entry), 0);
    return {
      transferred: sum((entry) => entry.transferred),
      unzipped: sum((entry) => entry.unzipped),
      prefetched: sum((entry) => (entry.prefetch ? entry.transferred : 0)),
    };
  } finally {
    await context.close();
  }
}

/** Builds the docs (into a folder of its own) and prints the site's rows. */
export async function benchSite(row: Row, exerciseId: string): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'bench-docs-'));
  try {
    const build = await buildSite(outDir);
    if (!build.ok) {
      const errors = buildErrors(build.output);
      row('docs build', 'failed', `${errors[0]}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}`);
      return;
    }
    row('docs build', `${(build.ms / 1000).toFixed(1)} s`, `target ≤ ${buildTargetMs / 1000} s`);

    const server = await startSiteServer(outDir);
    let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
    try {
      browser = await launchChromium();
      for (const [label, urlPath] of [
        ['home page', '/'],
        [`exercise ${exerciseId.slice(0, 2)}`, `/exercises/${exerciseId}`],
      ] as const) {
        const js = await firstVisitJs(browser, `${server.origin}${urlPath}`);
        row(
          `JS of a first visit (gzip): ${label}`,
          kB(js.transferred),
          `target ≤ ${kB(jsTargetBytes)} (${kB(js.prefetched)} of it prefetch; ${kB(js.unzipped)} unzipped)`,
        );
      }
    } catch (error) {
      row('JS of a first visit', 'skipped', error instanceof Error ? error.message : String(error));
    } finally {
      await browser?.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
