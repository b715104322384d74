/** The pages of the built site: every .html file of the build but the 404 page. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { urlPathOf } from './site-server.js';

export interface SitePage {
  /** The built file, relative to the site's root: `guide/setup.html`. */
  readonly file: string;
  /** Its clean URL path: `/guide/setup`. */
  readonly urlPath: string;
}

/** Pages from a list of built files (relative, any separator), in a stable order: home first. */
export function pagesOf(files: readonly string[]): SitePage[] {
  return files
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) => ({ file, urlPath: urlPathOf(file) }))
    .sort((a, b) => (a.urlPath === '/' ? -1 : b.urlPath === '/' ? 1 : a.urlPath.localeCompare(b.urlPath)));
}

export function listPages(distDir: string): SitePage[] {
  return pagesOf(readdirSync(distDir, { recursive: true, encoding: 'utf8' }));
}

/**
 * The pages worth a screenshot: the home page, an exercise and a story page,
 * and the Japanese home and exercise (the preferred ones when they exist,
 * else the first of their kind).
 */
export function keyPages(pages: readonly SitePage[]): SitePage[] {
  const pick = (preferred: string, prefix: string) =>
    pages.find((page) => page.urlPath === preferred) ?? pages.find((page) => page.urlPath.startsWith(prefix));
  return [
    pages.find((page) => page.urlPath === '/'),
    pick('/exercises/03-circuit-breaker', '/exercises/'),
    pick('/story/part-3-choreography', '/story/'),
    pages.find((page) => page.urlPath === '/ja/'),
    pick('/ja/exercises/03-circuit-breaker', '/ja/exercises/'),
  ].filter((page): page is SitePage => page !== undefined);
}

/** The file name of a page's screenshot: `home-dark.png`, `exercises-03-circuit-breaker-light.png`. */
export function screenshotName(page: SitePage, scheme: 'light' | 'dark'): string {
  const slug = page.urlPath === '/' ? 'home' : page.urlPath.replace(/^\/|\/$/g, '').replace(/[^\w.-]+/g, '-');
  return `${slug}-${scheme}.png`;
}
