/**
 * What a docs page is made of, as far as the two languages must agree:
 * its sections (headings and their anchors), the code it includes and
 * shows, the hints and diagrams it places, its links, and its prose.
 *
 * A line-based reading of VitePress markdown, enough for the kit's own pages:
 * fenced code is skipped as code, everything else is prose or structure.
 */

export interface Heading {
  readonly level: number;
  readonly text: string;
  /** The anchor: an explicit `{#id}`, or the slug VitePress makes of the text. */
  readonly id: string;
  readonly explicitId: boolean;
}

export interface PageFacts {
  readonly frontmatter: string;
  readonly headings: readonly Heading[];
  /** The info string of each fenced code block, in order (`sh`, `json`, `text`, ``). */
  readonly fences: readonly string[];
  /** Each `<<< @/…` line: code included from the real files. */
  readonly snippets: readonly string[];
  /** Each `<!-- hints: NN-slug -->` marker. */
  readonly hintMarkers: readonly string[];
  /** Each Vue component placed on the page, with its attributes (`<StreamsFanOut />`). */
  readonly components: readonly string[];
  /** The title of each `::: kind Title` container ('' when it has none). */
  readonly containers: readonly { readonly kind: string; readonly title: string }[];
  /** Site-internal link targets: `/guide/setup`, `./other`, `#anchor`. */
  readonly internalLinks: readonly string[];
  /** Blocks of prose (paragraphs, list items, table rows, headings, front matter values), without code. */
  readonly prose: readonly string[];
}

const rControl = /[\u0000-\u001f]/g;
const rSpecial = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;
const rCombining = /[\u0300-\u036F]/g;

/** The anchor VitePress gives a heading (the same rules as its `slugify`, from @mdit-vue/shared). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(rCombining, '')
    .replace(rControl, '')
    .replace(rSpecial, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/** The text a reader sees of inline markdown: no code ticks, emphasis or link targets. */
function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S[^*_]*?)\1/g, '$2')
    .trim();
}

/** Prose with code spans, link targets, URLs and HTML removed: the words a translator writes. */
export function proseWords(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const fenceOpen = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)/;
const headingLine = /^(#{1,6})\s+(.*?)\s*(?:\{#([^}]+)\})?\s*$/;
const containerLine = /^:::\s*([a-z-]+)\s*(.*)$/;
const linkTarget = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

export function pageFacts(source: string): PageFacts {
  const lines = source.split(/\r?\n/);
  let body = 0;
  let frontmatter = '';
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      frontmatter = lines.slice(1, end).join('\n');
      body = end + 1;
    }
  }

  const headings: Heading[] = [];
  const fences: string[] = [];
  const snippets: string[] = [];
  const hintMarkers: string[] = [];
  const components: string[] = [];
  const containers: { kind: string; title: string }[] = [];
  const internalLinks: string[] = [];
  const prose: string[] = [];

  // Front matter: the values a reader sees (hero text, feature titles and details, page title).
  for (const match of frontmatter.matchAll(/^\s*-?\s*(?:name|text|tagline|title|details|description):\s*(.+)$/gm))
    prose.push(match[1]!.replace(/^["']|["']$/g, ''));
  for (const match of frontmatter.matchAll(/^\s*link:\s*(\S+)\s*$/gm)) internalLinks.push(match[1]!);

  let fence: { marker: string } | undefined;
  let block: string[] = [];
  const endBlock = () => {
    if (block.length > 0) prose.push(block.join(' '));
    block = [];
  };

  let script = false;
  for (const line of lines.slice(body)) {
    // A page's <script setup> or <style> block is code, not prose.
    if (script) {
      if (/^<\/(script|style)>/.test(line.trim())) script = false;
      continue;
    }
    if (/^<(script|style)[\s>]/.test(line.trim()) && !/<\/(script|style)>/.test(line)) {
      endBlock();
      script = true;
      continue;
    }
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    const open = fenceOpen.exec(line);
    if (open) {
      endBlock();
      fence = { marker: open[2]! };
      fences.push(open[3] ?? '');
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('<<<')) {
      endBlock();
      snippets.push(trimmed);
      continue;
    }
    const hints = /^<!--\s*hints:\s*([\w-]+)\s*-->$/.exec(trimmed);
    if (hints) {
      endBlock();
      hintMarkers.push(hints[1]!);
      continue;
    }
    if (/^<[A-Z]/.test(trimmed)) {
      endBlock();
      components.push(trimmed);
      continue;
    }
    const heading = headingLine.exec(line);
    if (heading) {
      endBlock();
      const text = plainText(heading[2]!);
      headings.push({ level: heading[1]!.length, text, id: heading[3] ?? slugify(text), explicitId: heading[3] !== undefined });
      prose.push(heading[2]!);
      continue;
    }
    const container = containerLine.exec(trimmed);
    if (container) {
      endBlock();
      containers.push({ kind: container[1]!, title: container[2]!.trim() });
      if (container[2]!.trim()) prose.push(container[2]!.trim());
      continue;
    }
    if (trimmed === ':::' || trimmed === '') {
      endBlock();
      continue;
    }
    for (const match of line.matchAll(linkTarget)) {
      const target = match[1]!;
      if (!/^[a-z]+:/i.test(target)) internalLinks.push(target);
    }
    // A list item or a table row is a unit of its own.
    if (/^\s*([-*+]|\d+\.)\s/.test(line) || trimmed.startsWith('|')) endBlock();
    if (/^\|?[\s:|-]+\|?$/.test(trimmed)) continue; // a table's separator row
    block.push(trimmed);
  }
  endBlock();
  return { frontmatter, headings, fences, snippets, hintMarkers, components, containers, internalLinks, prose };
}
