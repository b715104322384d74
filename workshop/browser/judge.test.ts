import { describe, expect, it } from 'vitest';
import { judgeVisit, linkProblem, linkTarget, type PageVisit, type SiteIndex } from './judge.js';

const origin = 'http://127.0.0.1:4173';
const files = new Set(['index.html', 'guide/setup.html', 'story/part-1.html', 'assets/pic.png', '404.html']);
const ids = new Map<string, ReadonlySet<string>>([
  ['index.html', new Set(['VPContent', 'what-you-will-build'])],
  ['guide/setup.html', new Set(['VPContent', 'install', 'サーバーレス'])],
  ['story/part-1.html', new Set(['VPContent'])],
]);
const site: SiteIndex = { origin, isFile: (relative) => files.has(relative), idsOf: (file) => ids.get(file) };

describe('linkTarget', () => {
  it.each([
    'https://speakerdeck.com/toricls/how-serverless-loves-event-driven-architecture',
    'http://localhost:5173/',
    'http://127.0.0.1:9999/guide/setup',
    'mailto:someone@example.com',
    'javascript:void(0)',
  ])('%s leads elsewhere', (href) => {
    expect(linkTarget(href, site)).toEqual({ kind: 'elsewhere' });
  });

  it('maps a clean URL to its file and decodes the fragment', () => {
    expect(linkTarget(`${origin}/guide/setup#%E3%82%B5%E3%83%BC%E3%83%90%E3%83%BC%E3%83%AC%E3%82%B9`, site)).toEqual({
      kind: 'file',
      file: 'guide/setup.html',
      fragment: 'サーバーレス',
    });
    expect(linkTarget(`${origin}/`, site)).toEqual({ kind: 'file', file: 'index.html', fragment: undefined });
    expect(linkTarget(`${origin}/guide/setup#`, site)).toEqual({ kind: 'file', file: 'guide/setup.html', fragment: undefined });
    expect(linkTarget(`${origin}/assets/pic.png`, site)).toEqual({ kind: 'file', file: 'assets/pic.png', fragment: undefined });
  });

  it('names a page that does not exist', () => {
    expect(linkTarget(`${origin}/guide/nope?x=1#a`, site)).toEqual({ kind: 'missing', path: '/guide/nope' });
    expect(linkTarget('not a url', site)).toEqual({ kind: 'missing', path: 'not a url' });
  });
});

describe('linkProblem', () => {
  const link = (href: string, text = '') => ({ href, text });

  it.each([
    `${origin}/guide/setup`,
    `${origin}/guide/setup.html`,
    `${origin}/guide/setup#install`,
    `${origin}/guide/setup#%E3%82%B5%E3%83%BC%E3%83%90%E3%83%BC%E3%83%AC%E3%82%B9`,
    `${origin}/#what-you-will-build`,
    `${origin}/#top`,
    `${origin}/#`,
    `${origin}/assets/pic.png#anything`,
    `${origin}/404#unvisited`,
    'https://example.com/#nowhere',
  ])('%s is fine', (href) => {
    expect(linkProblem(link(href), site)).toBeUndefined();
  });

  it('reports a missing page with the link text', () => {
    expect(linkProblem(link(`${origin}/guide/nope`, 'Next page'), site)).toBe('broken link to /guide/nope ("Next page")');
  });

  it('reports a missing anchor, on another page or the same one', () => {
    expect(linkProblem(link(`${origin}/guide/setup#instal`), site)).toBe('broken anchor /guide/setup#instal');
    expect(linkProblem(link(`${origin}/story/part-1#the-talk`, 'the talk'), site)).toBe(
      'broken anchor /story/part-1#the-talk ("the talk")',
    );
  });

  it('compares anchors exactly (ids are case-sensitive)', () => {
    expect(linkProblem(link(`${origin}/guide/setup#Install`), site)).toBe('broken anchor /guide/setup#Install');
  });
});

describe('judgeVisit', () => {
  const clean: PageVisit = {
    file: 'guide/setup.html',
    urlPath: '/guide/setup',
    status: 200,
    hydrated: true,
    title: 'Setup | Serverless ❤ Event-Driven',
    h1: 'Setup',
    notFound: false,
    ids: ['VPContent', 'install'],
    links: [
      { href: `${origin}/#what-you-will-build`, text: 'home' },
      { href: 'https://nodejs.org/', text: 'Node.js' },
    ],
    images: [{ src: `${origin}/assets/pic.png`, naturalWidth: 640 }],
    diagrams: [{ where: 'diagram 1', width: 600, height: 300, title: 'DynamoDB Streams fan out' }],
    emptyFigures: 0,
    lang: 'en-US',
    textBlocks: ['Ten minutes now saves an hour of waiting on conference Wi-Fi later.'],
    consoleErrors: [],
    requestProblems: [],
  };

  it('finds nothing wrong with a clean page', () => {
    expect(judgeVisit(clean, site)).toEqual([]);
  });

  it('reports every kind of problem, once each', () => {
    const broken: PageVisit = {
      ...clean,
      status: 404,
      notFound: true,
      title: ' ',
      h1: undefined,
      links: [
        { href: `${origin}/nope`, text: 'x' },
        { href: `${origin}/nope`, text: 'x' },
        { href: `${origin}/guide/setup#gone`, text: '' },
      ],
      images: [{ src: `${origin}/assets/missing.png`, naturalWidth: 0 }],
      diagrams: [{ where: 'diagram 2 ("Fan-out")', width: 0, height: 120, title: '' }],
      emptyFigures: 1,
      consoleErrors: ['Hydration completed but contains mismatches.'],
      requestProblems: ['404 for /assets/missing.png', 'off-site request (the site must work offline): https://fonts.example/x.css'],
    };
    expect(judgeVisit(broken, site)).toEqual([
      'the page answered 404',
      'the page rendered "page not found"',
      'no document title',
      'no h1',
      'console error: Hydration completed but contains mismatches.',
      '404 for /assets/missing.png',
      'off-site request (the site must work offline): https://fonts.example/x.css',
      'broken link to /nope ("x")',
      'broken anchor /guide/setup#gone',
      `image did not render: ${origin}/assets/missing.png`,
      'diagram did not render (0×120): diagram 2 ("Fan-out")',
      'diagram without a title: diagram 2 ("Fan-out")',
      '1 empty figure(s): nothing rendered in them',
    ]);
  });

  it('tells an empty h1 from a missing one, a page that never answered and one that never hydrated', () => {
    expect(judgeVisit({ ...clean, h1: '' }, site)).toEqual(['the h1 is empty']);
    expect(judgeVisit({ ...clean, status: undefined, hydrated: false }, site)).toEqual(['the page did not load']);
    expect(judgeVisit({ ...clean, hydrated: false }, site)).toEqual(['the page did not hydrate (its Vue app never mounted)']);
  });

  it('on a Japanese page, reports English sentences and lets names in Latin script stand in Japanese prose', () => {
    const japanese: PageVisit = {
      ...clean,
      lang: 'ja',
      textBlocks: [
        'DynamoDB Streams の各レコードを handler が受け取ります。',
        'Kinesis Data Streams',
        'English',
        'speakerdeck.com/toricls/how-serverless-loves-event-driven-architecture',
        'shipping、sales、inventory、transform、archive',
        'FaaS (Functions as a Service)',
        'Ten minutes now saves an hour of waiting on conference Wi-Fi later.',
      ],
    };
    expect(judgeVisit(japanese, site)).toEqual([
      'English on a Japanese page: "Ten minutes now saves an hour of waiting on conference Wi-Fi later."',
    ]);
    expect(judgeVisit({ ...japanese, lang: 'en-US' }, site)).toEqual([]);
  });
});
