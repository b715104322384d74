import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMarkdownRenderer } from 'vitepress';
import { describe, expect, it } from 'vitest';
import { readExercise } from '../../workshop/catalog.js';
import { hasRegion, kitMarkdown } from './kit-markdown.js';

describe('hasRegion', () => {
  const source = ['const a = 1;', '// #region lock', 'const b = 2;', '// #endregion lock', ''].join('\n');
  it('finds a region that opens and closes', () => expect(hasRegion(source, 'lock')).toBe(true));
  it('misses an unknown region', () => expect(hasRegion(source, 'unlock')).toBe(false));
  it('misses a region that never closes', () => expect(hasRegion('// #region lock\nx', 'lock')).toBe(false));
});

describe('the docs markdown', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'docs-'));
  writeFileSync(path.join(dir, 'code.ts'), '// #region shown\nexport const shown = 1;\n// #endregion shown\n');
  const md = await createMarkdownRenderer(dir, { config: kitMarkdown });
  const render = (source: string, relativePath = 'page.md') =>
    md.render(source, { path: path.join(dir, relativePath), relativePath });

  it('includes a region of a real file, without the region markers', () => {
    const html = render('<<< @/code.ts#shown');
    expect(html).toContain('shown');
    expect(html).not.toContain('#region');
  });

  it('stops on a missing file, naming it', () => {
    expect(() => render('<<< @/missing.ts#shown')).toThrow(/code snippet file not found: .*missing\.ts/);
  });

  it('stops on a missing region, naming it', () => {
    expect(() => render('<<< @/code.ts#gone')).toThrow(/region "gone" not found/);
  });

  it('folds the hints of an exercise from its metadata, in order', () => {
    const { hints } = readExercise('02-twelve-factor-config');
    const html = render('<!-- hints: 02-twelve-factor-config -->');
    expect(html.match(/<details/g)).toHaveLength(hints.length);
    expect(html.indexOf('Hint 1')).toBeLessThan(html.indexOf('Hint 2'));
    expect(html).not.toContain('ヒント');
  });

  it('folds the Japanese hints on a page under ja/', () => {
    const { hints } = readExercise('02-twelve-factor-config');
    const html = render('<!-- hints: 02-twelve-factor-config -->', 'ja/exercises/02-twelve-factor-config.md');
    expect(html.match(/<details/g)).toHaveLength(hints.length);
    expect(html.indexOf('ヒント 1')).toBeLessThan(html.indexOf('ヒント 2'));
    expect(html).not.toContain('Hint 1');
    const firstWords = (text: string) => text.replace(/`[^`]*`/g, '').trim().slice(0, 8);
    expect(html).toContain(firstWords(hints[0]!.ja));
  });
});
