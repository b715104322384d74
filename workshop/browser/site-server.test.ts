import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenSiteDir } from './self-check.js';
import { contentTypeOf, resolveSitePath, startSiteServer, urlPathOf, type SiteServer } from './site-server.js';

const files = new Set(['index.html', '404.html', 'guide/setup.html', 'guide/index.html', 'assets/app.js', 'story/part 1.html', 'notes.txt']);
const isFile = (relative: string) => files.has(relative);

describe('resolveSitePath (cleanUrls, like vitepress preview)', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/guide/setup', 'guide/setup.html'],
    ['/guide/setup.html', 'guide/setup.html'],
    ['/guide/', 'guide/index.html'],
    ['/guide', 'guide/index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/story/part%201', 'story/part 1.html'],
    ['/guide/../guide/setup', 'guide/setup.html'],
    ['/notes.txt', 'notes.txt'],
  ])('%s → %s', (pathname, file) => {
    expect(resolveSitePath(pathname, isFile)).toBe(file);
  });

  it.each([
    '/guide/nope',
    '/guide/setup/',
    '/assets/app',
    '/%E0%A4%A', // malformed escape
    '/../../etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/guide%5csetup',
    'guide/setup', // not a path from the root
  ])('%s → nothing', (pathname) => {
    expect(resolveSitePath(pathname, isFile)).toBeUndefined();
  });

  it('never looks outside the site root', () => {
    const asked: string[] = [];
    resolveSitePath('/../../../etc/passwd', (relative) => (asked.push(relative), false));
    expect(asked.every((relative) => !relative.startsWith('..') && !relative.startsWith('/'))).toBe(true);
  });
});

describe('urlPathOf', () => {
  it.each([
    ['index.html', '/'],
    ['guide/setup.html', '/guide/setup'],
    ['guide/index.html', '/guide/'],
    ['exercises/03-circuit-breaker.html', '/exercises/03-circuit-breaker'],
  ])('%s → %s', (file, urlPath) => {
    expect(urlPathOf(file)).toBe(urlPath);
    expect(resolveSitePath(urlPath, (relative) => relative === file)).toBe(file);
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['a/b.js', 'text/javascript; charset=utf-8'],
    ['x.WOFF2', 'font/woff2'],
    ['pic.svg', 'image/svg+xml'],
    ['data.bin', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentTypeOf(file)).toBe(type));
});

describe('startSiteServer', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer(brokenSiteDir);
  });
  afterAll(() => server.close());

  const get = (pathname: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      request(`${server.origin}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a page by its clean URL, gzipped when asked', async () => {
    const plain = await get('/broken');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.body.toString()).toContain('planted console error');

    const zipped = await get('/broken', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toBe(plain.body.toString());
  });

  it('answers 404 for what is not there', async () => {
    const missing = await get('/no-such-page');
    expect(missing.status).toBe(404);
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('logs what it answered', () => {
    expect(server.log).toContainEqual({ path: '/no-such-page', status: 404 });
  });
});
