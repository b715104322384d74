import { describe, expect, it } from 'vitest';
import { buildErrors } from './build.js';
import { keyPages, listPages, pagesOf, screenshotName } from './pages.js';
import { brokenSiteDir, judgeSelfCheck, plantedFaults } from './self-check.js';

describe('pagesOf', () => {
  it('lists every built page but the 404 page, home first', () => {
    const files = ['story/part-1.html', '404.html', 'assets/app.js', 'index.html', 'guide/setup.html', 'hashmap.json', 'guide/index.html'];
    expect(pagesOf(files)).toEqual([
      { file: 'index.html', urlPath: '/' },
      { file: 'guide/index.html', urlPath: '/guide/' },
      { file: 'guide/setup.html', urlPath: '/guide/setup' },
      { file: 'story/part-1.html', urlPath: '/story/part-1' },
    ]);
  });

  it('reads the pages of a built folder', () => {
    expect(listPages(brokenSiteDir).map((page) => page.urlPath)).toEqual(['/', '/broken', '/ja']);
  });
});

describe('keyPages', () => {
  const page = (urlPath: string) => ({ file: `${urlPath.slice(1) || 'index'}.html`, urlPath });

  it('picks the home page, the circuit breaker and part 3 of the story', () => {
    const pages = ['/', '/exercises/01-a', '/exercises/03-circuit-breaker', '/story/part-1', '/story/part-3-choreography'].map(page);
    expect(keyPages(pages).map((p) => p.urlPath)).toEqual(['/', '/exercises/03-circuit-breaker', '/story/part-3-choreography']);
  });

  it('adds the Japanese home page and circuit breaker when the site has them', () => {
    const pages = ['/', '/exercises/03-circuit-breaker', '/ja/', '/ja/exercises/01-a', '/ja/exercises/03-circuit-breaker'].map(page);
    expect(keyPages(pages).map((p) => p.urlPath)).toEqual(['/', '/exercises/03-circuit-breaker', '/ja/', '/ja/exercises/03-circuit-breaker']);
  });

  it('falls back to the first of a kind, and skips a kind that is missing', () => {
    expect(keyPages(['/', '/exercises/01-a', '/exercises/02-b'].map(page)).map((p) => p.urlPath)).toEqual(['/', '/exercises/01-a']);
  });
});

describe('screenshotName', () => {
  it.each([
    ['/', 'light', 'home-light.png'],
    ['/ja/', 'dark', 'ja-dark.png'],
    ['/exercises/03-circuit-breaker', 'dark', 'exercises-03-circuit-breaker-dark.png'],
    ['/guide/', 'light', 'guide-light.png'],
  ] as const)('%s in %s is %s', (urlPath, scheme, name) => {
    expect(screenshotName({ file: '', urlPath }, scheme)).toBe(name);
  });
});

describe('buildErrors', () => {
  it('keeps what went wrong, without colours, stack frames, headings or repeats', () => {
    const output = [
      '\x1b[31mx\x1b[39m Build failed in 1.31s',
      '\x1b[31m✖\x1b[0m building client + server bundles...',
      '\x1b[31mbuild error:\x1b[39m',
      'Could not resolve "./diagram.css" from "docs/.vitepress/theme/index.ts"',
      'Could not resolve "./diagram.css" from "docs/.vitepress/theme/index.ts"',
      '    at getRollupError (file:///x/parseAst.js:355:41)',
      '- building client + server bundles...',
    ].join('\n');
    expect(buildErrors(output)).toEqual(['Could not resolve "./diagram.css" from "docs/.vitepress/theme/index.ts"']);
  });

  it('names the dead links', () => {
    const output = '(!) Found dead link /guide/local-cloud in file reference/glossary.md\n\nx Build failed in 13.01s\nbuild error:\n[vitepress] 1 dead link(s) found.';
    expect(buildErrors(output)).toEqual([
      '(!) Found dead link /guide/local-cloud in file reference/glossary.md',
      '[vitepress] 1 dead link(s) found.',
    ]);
  });

  it('falls back to the end of the output', () => {
    expect(buildErrors('\x1b[31mx\x1b[39m Build failed in 1.31s\nsomething odd')).toEqual(['x Build failed in 1.31s\nsomething odd']);
  });
});

describe('judgeSelfCheck', () => {
  const englishLeft = 'English on a Japanese page: "This sentence was left in English by mistake."';
  const results = (good: string[], broken: string[], japanese: string[] = [englishLeft]) => [
    { page: { file: 'index.html', urlPath: '/' }, problems: good },
    { page: { file: 'broken.html', urlPath: '/broken' }, problems: broken },
    { page: { file: 'ja.html', urlPath: '/ja' }, problems: japanese },
  ];
  const everyFault = [
    'no document title',
    'no h1',
    'broken link to /no-such-page ("a page that does not exist")',
    'broken anchor /#no-such-anchor ("a missing anchor on another page")',
    'broken anchor /broken#nowhere ("a missing anchor on this page")',
    '404 for /no-such-image.png',
    'image did not render: http://127.0.0.1:4173/no-such-image.png',
    'off-site request (the site must work offline): http://example.com/offline.png',
    'image did not render: http://example.com/offline.png',
    'console error: planted console error (at /broken:23)',
    'console error: uncaught Error: planted page error',
    'diagram did not render (0×0): diagram 1',
    'diagram without a title: diagram 1',
    '1 empty figure(s): nothing rendered in them',
  ];

  it('passes when every planted fault, and nothing else, is reported', () => {
    expect(everyFault).toHaveLength(plantedFaults.length);
    expect(judgeSelfCheck(results([], everyFault))).toEqual([]);
  });

  it('fails a check that went blind, or sees ghosts', () => {
    expect(judgeSelfCheck(results([], everyFault.slice(1)))).toEqual(['missed a planted fault: ^no document title$']);
    expect(judgeSelfCheck(results(['no h1'], [...everyFault, 'console error: boo']))).toEqual([
      'reported on the good fixture page: no h1',
      'reported something not planted: console error: boo',
    ]);
    expect(judgeSelfCheck(results([], []))).toHaveLength(plantedFaults.length);
  });

  it('fails a check that lets English through on a Japanese page, or flags what is fine there', () => {
    expect(judgeSelfCheck(results([], everyFault, []))).toEqual([
      'missed a planted fault: ^English on a Japanese page: "This sentence was left in English by mistake\\."$',
    ]);
    expect(judgeSelfCheck(results([], everyFault, [englishLeft, 'English on a Japanese page: "batchSize"']))).toEqual([
      'reported something not planted on the Japanese page: English on a Japanese page: "batchSize"',
    ]);
  });
});
