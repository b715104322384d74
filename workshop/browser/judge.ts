/**
 * The rules of the browser check, as plain functions of what the browser saw
 * on each page (check-site.ts collects it). No browser needed to test them.
 */
import { hasJapanese } from '../language.js';
import { resolveSitePath } from './site-server.js';

/** What one visit of one page found. */
export interface PageVisit {
  /** The built file: `guide/setup.html`. */
  readonly file: string;
  readonly urlPath: string;
  /** HTTP status of the page itself (undefined if it never answered). */
  readonly status: number | undefined;
  /** The page's app mounted (a VitePress page's Vue app on #app), so it is interactive. */
  readonly hydrated: boolean;
  readonly title: string;
  /** Text of the first h1, or undefined when the page has none. */
  readonly h1: string | undefined;
  /** The page rendered VitePress's "page not found". */
  readonly notFound: boolean;
  /** Every element id (and `<a name>`) on the page, once it has hydrated. */
  readonly ids: readonly string[];
  /** Every `a[href]`: the href as the browser resolved it, and the link's text. */
  readonly links: readonly { readonly href: string; readonly text: string }[];
  readonly images: readonly { readonly src: string; readonly naturalWidth: number }[];
  /** Every diagram: `figure svg` or `svg[role=img]` (outermost svg only). */
  readonly diagrams: readonly { readonly where: string; readonly width: number; readonly height: number; readonly title: string }[];
  /** How many `<figure>` elements hold nothing but (at most) a caption. */
  readonly emptyFigures: number;
  /** `<html lang>`: a page whose lang is `ja…` must speak Japanese. */
  readonly lang: string;
  /** The page's text by block (paragraph, cell, heading, link, button, diagram label), code left out. */
  readonly textBlocks: readonly string[];
  readonly consoleErrors: readonly string[];
  /** Failed, refused or off-site requests, and responses ≥ 400. */
  readonly requestProblems: readonly string[];
}

/** What the whole site looks like to the link checker. */
export interface SiteIndex {
  readonly origin: string;
  /** Is this a file of the built site (relative path)? */
  isFile(relative: string): boolean;
  /** The ids on a page that was visited, by its file; undefined when it was not. */
  idsOf(file: string): ReadonlySet<string> | undefined;
}

export type LinkTarget =
  | { readonly kind: 'elsewhere' }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'file'; readonly file: string; readonly fragment: string | undefined };

/**
 * Where a link leads, judged with the static server's own rules. Links to
 * other origins and non-http schemes (mailto:, tel:, javascript:) are
 * 'elsewhere': not this check's business. `fragment` is decoded.
 */
export function linkTarget(href: string, site: Pick<SiteIndex, 'origin' | 'isFile'>): LinkTarget {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { kind: 'missing', path: href };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== site.origin) return { kind: 'elsewhere' };
  const file = resolveSitePath(url.pathname, site.isFile);
  if (!file) return { kind: 'missing', path: url.pathname };
  let fragment: string | undefined;
  if (url.hash.length > 1) {
    try {
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      fragment = url.hash.slice(1);
    }
  }
  return { kind: 'file', file, fragment };
}

/** Problems with one link, as sentences (none when it is fine). */
export function linkProblem(link: { href: string; text: string }, site: SiteIndex): string | undefined {
  const target = linkTarget(link.href, site);
  const label = link.text ? ` ("${link.text}")` : '';
  if (target.kind === 'elsewhere') return undefined;
  if (target.kind === 'missing') return `broken link to ${target.path}${label}`;
  if (target.fragment === undefined || target.fragment.toLowerCase() === 'top') return undefined;
  const ids = site.idsOf(target.file);
  // A fragment on a file that is not a visited page (an image, the 404 page) is not checked.
  if (!ids || ids.has(target.fragment)) return undefined;
  const { pathname } = new URL(link.href);
  return `broken anchor ${pathname}#${target.fragment}${label}`;
}

const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

/**
 * On a Japanese page, a block with no Japanese in it and this many English
 * words is a sentence nobody translated (technical names in Latin script
 * inside Japanese prose are fine: the block then has Japanese in it; so is a
 * name with its expansion, "FaaS (Functions as a Service)", in a table cell).
 */
const englishSentenceWords = 6;

/** Words as a sentence has them: `Event`, `driven,`, `it's` count; `speakerdeck.com/toricls` or `a、b、c` do not. */
function englishWords(text: string): number {
  return text.split(/\s+/).filter((word) => /^[("“']?[A-Za-z][A-Za-z'’-]*[)"”',.;:!?]*$/.test(word)).length;
}

/** Blocks of a Japanese page that are English sentences. */
function englishOnJapanesePage(visit: Pick<PageVisit, 'lang' | 'textBlocks'>): string[] {
  if (!visit.lang.toLowerCase().startsWith('ja')) return [];
  return visit.textBlocks.filter((text) => !hasJapanese(text) && englishWords(text) >= englishSentenceWords);
}

/** Every problem of one page, in a stable order and without repeats. */
export function judgeVisit(visit: PageVisit, site: SiteIndex): string[] {
  const problems: string[] = [];
  if (visit.status !== 200) problems.push(visit.status === undefined ? 'the page did not load' : `the page answered ${visit.status}`);
  else if (!visit.hydrated) problems.push('the page did not hydrate (its Vue app never mounted)');
  if (visit.notFound) problems.push('the page rendered "page not found"');
  if (isBlank(visit.title)) problems.push('no document title');
  if (visit.h1 === undefined) problems.push('no h1');
  else if (isBlank(visit.h1)) problems.push('the h1 is empty');
  problems.push(...visit.consoleErrors.map((message) => `console error: ${message}`));
  problems.push(...visit.requestProblems);
  for (const link of visit.links) {
    const problem = linkProblem(link, site);
    if (problem) problems.push(problem);
  }
  for (const image of visit.images) if (image.naturalWidth === 0) problems.push(`image did not render: ${image.src}`);
  for (const diagram of visit.diagrams) {
    if (diagram.width === 0 || diagram.height === 0)
      problems.push(`diagram did not render (${diagram.width}×${diagram.height}): ${diagram.where}`);
    if (isBlank(diagram.title)) problems.push(`diagram without a title: ${diagram.where}`);
  }
  if (visit.emptyFigures > 0) problems.push(`${visit.emptyFigures} empty figure(s): nothing rendered in them`);
  for (const text of englishOnJapanesePage(visit))
    problems.push(`English on a Japanese page: "${text.length > 80 ? `${text.slice(0, 79)}…` : text}"`);
  return [...new Set(problems)];
}
