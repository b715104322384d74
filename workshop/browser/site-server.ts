/**
 * The built docs site, served on 127.0.0.1 by a tiny static server that
 * answers like `vitepress preview` with `cleanUrls: true`:
 *
 *   /                   index.html
 *   /guide/setup        guide/setup.html   (and /guide/setup.html itself)
 *   /guide/             guide/index.html
 *   anything else       404, with 404.html as the body outside /assets/
 *
 * Text files are sent gzipped when the browser asks for it, as any static
 * host would, so "JavaScript transferred" means bytes on the wire.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const compressible = (type: string) => /^text\/|javascript|json|xml|svg/.test(type);

/**
 * The file (relative to the site's root, `/`-separated) that a URL path
 * serves, or undefined for a 404. `isFile` answers for a relative path.
 * Pure, so links can be judged with the very same rules the server uses.
 */
export function resolveSitePath(pathname: string, isFile: (relative: string) => boolean): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // normalize() resolves `..` and never climbs above the leading `/`.
  const relative = path.posix.normalize(decoded).slice(1);
  const candidates =
    relative === '' || relative.endsWith('/')
      ? [`${relative}index.html`]
      : [relative, `${relative}.html`, `${relative}/index.html`];
  return candidates.find((candidate) => isFile(candidate));
}

/** The URL path of a built page: `index.html` → `/`, `guide/setup.html` → `/guide/setup`. */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file.replace(/\.html$/, '')}`;
}

export interface SiteServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly origin: string;
  /** Requests answered so far, with their status (the tests read it). */
  readonly log: readonly { path: string; status: number }[];
  close(): Promise<void>;
}

export function fileChecker(root: string): (relative: string) => boolean {
  return (relative) => statSync(path.join(root, relative), { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Serves `root` on 127.0.0.1 (a free port unless one is given). */
export async function startSiteServer(root: string, port = 0): Promise<SiteServer> {
  const isFile = fileChecker(root);
  const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();
  const log: { path: string; status: number }[] = [];

  const send = (request: IncomingMessage, response: ServerResponse, status: number, file: string | undefined) => {
    log.push({ path: request.url ?? '', status });
    if (!file) {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : 'Not found');
      return;
    }
    const absolute = path.join(root, file);
    const type = contentTypeOf(file);
    // Like `vitepress preview`: hashed assets are cached for good, pages revalidated.
    const cacheControl = file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': cacheControl };
    let body: Buffer = readFileSync(absolute);
    if (compressible(type)) {
      headers.vary = 'accept-encoding';
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        const { mtimeMs } = statSync(absolute);
        const cached = gzipped.get(absolute);
        const zipped = cached?.mtimeMs === mtimeMs ? cached.body : gzipSync(body);
        gzipped.set(absolute, { mtimeMs, body: zipped });
        body = zipped;
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        log.push({ path: request.url ?? '', status: 405 });
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
      const file = resolveSitePath(pathname, isFile);
      if (file) send(request, response, 200, file);
      else send(request, response, 404, !pathname.startsWith('/assets/') && isFile('404.html') ? '404.html' : undefined);
    } catch (error) {
      log.push({ path: request.url ?? '', status: 500 });
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
