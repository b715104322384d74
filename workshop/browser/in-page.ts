/**
 * The code that runs inside the page, passed to page.evaluate(). The kit
 * type-checks without the DOM library, so the few DOM shapes used here are
 * declared below, for this module only.
 *
 * Playwright sends the function's source text to the browser, so it must be
 * self-contained; and no named function may be declared inside it (tsx names
 * them with a helper, `__name`, that does not exist in the page).
 */

interface DomElement {
  readonly id: string;
  readonly tagName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
interface DomAnchor extends DomElement {
  readonly href: string;
}
interface DomImage extends DomElement {
  readonly currentSrc: string;
  readonly src: string;
  readonly complete: boolean;
  readonly naturalWidth: number;
  loading: string;
  addEventListener(type: 'load' | 'error', listener: () => void, options: { once: boolean }): void;
}
interface DomDetails extends DomElement {
  open: boolean;
}
interface DomText {
  readonly textContent: string | null;
  readonly parentElement: DomElement | null;
}
declare const document: {
  readonly title: string;
  readonly documentElement: DomElement;
  readonly body: DomElement;
  createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): DomText | null };
  createElement(tag: 'canvas'): DomCanvas;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementById(id: string): DomElement | null;
};
interface DomCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { font: string; fillText(text: string, x: number, y: number): void } | null;
  toDataURL(): string;
}
declare function getComputedStyle(element: DomElement): { readonly fontFamily: string };
declare function requestAnimationFrame(callback: () => void): number;
declare function setTimeout(callback: () => void, ms: number): number;

/** What the page shows, with texts as they are (white space not squeezed). */
export interface PageFacts {
  title: string;
  h1: string | undefined;
  notFound: boolean;
  ids: string[];
  links: { href: string; text: string }[];
  images: { src: string; naturalWidth: number }[];
  diagrams: { index: number; caption: string; width: number; height: number; titles: string[] }[];
  emptyFigures: number;
  /** The page's language (`<html lang>`): `en-US`, `ja`. */
  lang: string;
  /** The words a reader meets, one entry per block (paragraph, list item, cell, heading, button, diagram label), code left out. */
  textBlocks: string[];
}

/**
 * Everything the checks need from a hydrated page. It opens every closed
 * `<details>` (the hints) and loads lazy images first, so that what is
 * folded away is checked too.
 */
export async function collectPageFacts(imageTimeoutMs: number): Promise<PageFacts> {
  for (const details of Array.from(document.querySelectorAll('details')) as DomDetails[]) details.open = true;

  const images = Array.from(document.querySelectorAll('img')) as DomImage[];
  for (const image of images) image.loading = 'eager';
  await Promise.all(
    images.map((image) =>
      image.complete
        ? undefined
        : new Promise<void>((resolve) => {
            image.addEventListener('load', () => resolve(), { once: true });
            image.addEventListener('error', () => resolve(), { once: true });
            setTimeout(() => resolve(), imageTimeoutMs);
          }),
    ),
  );
  // Two frames: the opened details and loaded images are laid out.
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

  const h1 = document.querySelector('h1');
  const svgs = (Array.from(document.querySelectorAll('figure svg, svg[role="img"]')) as DomElement[]).filter(
    (svg) => svg.parentElement === null || svg.parentElement.closest('svg') === null,
  );

  // The text of the page by block, without code: what a reader meets in prose.
  const blocks = new Map<DomElement, string>();
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('pre, code, kbd, samp, script, style, template, noscript')) continue;
    const block =
      parent.closest('p, li, td, th, h1, h2, h3, h4, h5, h6, figcaption, summary, dt, dd, blockquote, button, title, desc, text') ?? parent;
    blocks.set(block, `${blocks.get(block) ?? ''}${node.textContent ?? ''}`);
  }

  // Texts are raw here; check-site.ts squeezes the white space.
  return {
    title: document.title,
    h1: h1 ? (h1.textContent ?? '') : undefined,
    notFound: document.querySelector('.NotFound') !== null,
    ids: [
      ...(Array.from(document.querySelectorAll('[id]')) as DomElement[]).map((element) => element.id),
      ...(Array.from(document.querySelectorAll('a[name]')) as DomElement[]).map((element) => element.getAttribute('name') ?? ''),
    ],
    links: (Array.from(document.querySelectorAll('a[href]')) as DomAnchor[]).map((anchor) => ({
      href: anchor.href,
      text: (anchor.textContent ?? '').slice(0, 200),
    })),
    images: images.map((image) => ({ src: image.currentSrc || image.src, naturalWidth: image.naturalWidth })),
    diagrams: svgs.map((svg, index) => {
      const box = svg.getBoundingClientRect();
      const labelledBy = (svg.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' ');
      return {
        index: index + 1,
        caption: svg.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
        width: box.width,
        height: box.height,
        titles: [svg.querySelector(':scope > title')?.textContent ?? '', svg.getAttribute('aria-label') ?? '', labelledBy],
      };
    }),
    emptyFigures: (Array.from(document.querySelectorAll('figure')) as DomElement[]).filter(
      (figure) =>
        Array.from(figure.children).every((child) => child.tagName === 'FIGCAPTION') &&
        (figure.textContent ?? '').trim() === (figure.querySelector('figcaption')?.textContent ?? '').trim(),
    ).length,
    lang: document.documentElement.getAttribute('lang') ?? '',
    textBlocks: Array.from(blocks.values()).filter((text) => text.trim() !== ''),
  };
}

/**
 * How the page's own font draws `sample`: whether it draws anything at all,
 * and whether it draws it exactly as it draws characters no font has (U+0378
 * is unassigned), which is what text in a script without a font looks like:
 * a row of identical "missing glyph" boxes.
 */
export function glyphsOf(sample: string): { font: string; drawn: boolean; likeMissing: boolean } {
  const font = getComputedStyle(document.body).fontFamily;
  const pictures: string[] = [];
  for (const text of [sample, '\u0378'.repeat(sample.length), '']) {
    const canvas = document.createElement('canvas');
    canvas.width = 48 * sample.length + 16;
    canvas.height = 64;
    const context = canvas.getContext('2d');
    if (context) {
      context.font = `40px ${font}`;
      context.fillText(text, 8, 48);
    }
    pictures.push(canvas.toDataURL());
  }
  return { font, drawn: pictures[0] !== pictures[2], likeMissing: pictures[0] === pictures[1] };
}
