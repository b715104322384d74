/**
 * The docs in two languages, kept in step: every English page has its
 * Japanese twin under docs/ja/ (and no Japanese page is without an English
 * one), with the same sections (headings at the same levels with the same
 * anchors, so a link `#recap` works in both), the same code (included
 * snippets, fenced blocks), the same hints and diagrams, Japanese links that
 * stay in Japanese, and no English prose left behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hasJapanese } from '../language.js';
import { pageFacts, proseWords, type PageFacts } from './page-facts.js';

/** The folder of the Japanese pages, inside docs/. */
const japaneseDir = 'ja';

/** Every markdown page under `docsDir`, as paths relative to it (`guide/setup.md`). */
function docsPages(docsDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'public') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) pages.push(path.relative(docsDir, full).split(path.sep).join('/'));
    }
  };
  walk(docsDir);
  return pages.sort();
}

/** English words in a piece of prose: runs of two or more Latin letters. */
function englishWords(text: string): number {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length;
}

const tooMuchEnglish = { heading: 3, prose: 5 };

function sequenceProblem(what: string, english: readonly string[], japanese: readonly string[]): string[] {
  if (english.length === japanese.length && english.every((item, i) => item === japanese[i])) return [];
  const at = english.findIndex((item, i) => item !== japanese[i]);
  const index = at === -1 ? english.length : at;
  return [
    `${what} differ: English has ${english.length}, Japanese ${japanese.length}; first difference at #${index + 1}: ` +
      `${JSON.stringify(english[index] ?? '(none)')} ≠ ${JSON.stringify(japanese[index] ?? '(none)')}`,
  ];
}

/** What is wrong with a Japanese page, measured against its English twin. */
export function pairProblems(english: PageFacts, japanese: PageFacts): string[] {
  const problems: string[] = [];

  const layout = (facts: PageFacts) => /^layout:\s*(\S+)/m.exec(facts.frontmatter)?.[1] ?? 'doc';
  if (layout(english) !== layout(japanese)) problems.push(`layout differs: ${layout(english)} ≠ ${layout(japanese)}`);

  const sections = (facts: PageFacts) => facts.headings.map((h) => (h.level === 1 ? '#' : `${'#'.repeat(h.level)} {#${h.id}}`));
  problems.push(...sequenceProblem('sections (heading levels and anchors)', sections(english), sections(japanese)));
  problems.push(...sequenceProblem('fenced code blocks', english.fences, japanese.fences));
  problems.push(...sequenceProblem('included code snippets (<<<)', english.snippets, japanese.snippets));
  problems.push(...sequenceProblem('hints (<!-- hints: … -->)', english.hintMarkers, japanese.hintMarkers));
  problems.push(...sequenceProblem('diagrams and components', english.components, japanese.components));
  problems.push(
    ...sequenceProblem(
      'containers (::: kind)',
      english.containers.map((c) => c.kind),
      japanese.containers.map((c) => c.kind),
    ),
  );

  for (const container of japanese.containers)
    if (!hasJapanese(container.title))
      problems.push(`"::: ${container.kind}" needs a Japanese title (VitePress would print its English default)`);

  for (const link of japanese.internalLinks)
    if (link.startsWith('/') && !link.startsWith(`/${japaneseDir}/`) && link !== `/${japaneseDir}` && !/\.\w+$/.test(link))
      problems.push(`link leads to the English site: ${link} (write /${japaneseDir}${link})`);

  for (const heading of japanese.headings)
    if (!hasJapanese(heading.text) && englishWords(proseWords(heading.text)) >= tooMuchEnglish.heading)
      problems.push(`heading left in English: "${heading.text}"`);
  for (const unit of japanese.prose) {
    const words = proseWords(unit);
    if (!hasJapanese(words) && englishWords(words) >= tooMuchEnglish.prose)
      problems.push(`left in English: "${words.length > 80 ? `${words.slice(0, 77)}…` : words}"`);
  }
  return problems;
}

/** Every problem of the docs as a whole, each naming its page. */
export function docsParityProblems(docsDir: string, only?: (page: string) => boolean): string[] {
  const problems: string[] = [];
  const pages = docsPages(docsDir);
  const english = pages.filter((page) => !page.startsWith(`${japaneseDir}/`));
  const japanese = pages.filter((page) => page.startsWith(`${japaneseDir}/`));

  for (const page of english) {
    const twin = `${japaneseDir}/${page}`;
    if (only && !only(page) && !only(twin)) continue;
    if (!existsSync(path.join(docsDir, twin))) {
      problems.push(`docs/${page} has no Japanese twin: write docs/${twin}`);
      continue;
    }
    const read = (p: string) => pageFacts(readFileSync(path.join(docsDir, p), 'utf8'));
    for (const problem of pairProblems(read(page), read(twin))) problems.push(`docs/${twin}: ${problem}`);
  }
  for (const page of japanese) {
    const twin = page.slice(japaneseDir.length + 1);
    if (only && !only(page)) continue;
    if (!existsSync(path.join(docsDir, twin))) problems.push(`docs/${page} has no English twin docs/${twin}`);
  }
  return problems;
}
