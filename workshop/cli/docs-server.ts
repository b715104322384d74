/**
 * The docs site, served by VitePress in its own process next to watch mode.
 * If the port is busy (often another Vite project), the docs take the next
 * free one and the learner is told where they are: the home page in the
 * learner's language (`/ja/` for Japanese).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { docsDir, kitRoot } from '../paths.js';
import { docsHome } from './exercise.js';
import type { I18n } from './messages/index.js';
import { stripAnsi } from './terminal.js';

export const defaultDocsPort = 5173;
const startTimeoutMs = 30_000;

/** True when nothing listens on the port (on any address). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export async function firstFreePort(from: number): Promise<number | undefined> {
  for (let port = from; port < from + 50 && port <= 65_535; port++) if (await isPortFree(port)) return port;
  return undefined;
}

export interface DocsServer {
  /** Where the docs server is, once it says so: `http://localhost:5173` (for every language). */
  readonly url: Promise<string | undefined>;
  /** A sentence for the learner: the port moved, or the server could not start. */
  readonly note: Promise<string | undefined>;
  stop(): void;
}

export function startDocs(preferredPort: number, { lang, t }: I18n): DocsServer {
  let stop = () => {};
  const started = (async (): Promise<{ url?: string; note?: string }> => {
    const vitepress = path.join(kitRoot, 'node_modules', 'vitepress', 'bin', 'vitepress.js');
    if (!existsSync(vitepress)) return { note: t.docs.notInstalled };
    if (!existsSync(docsDir)) return { note: t.docs.noDocsFolder };
    const port = await firstFreePort(preferredPort);
    if (port === undefined) return { note: t.docs.portsBusy(preferredPort, preferredPort + 49) };
    const child = spawn(process.execPath, [vitepress, 'dev', 'docs', '--port', String(port)], {
      cwd: kitRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stop = () => child.kill();
    process.once('exit', stop);
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors = `${errors}${chunk.toString()}`.slice(-2000)));
    const url = await new Promise<string | undefined>((resolve) => {
      setTimeout(() => resolve(undefined), startTimeoutMs).unref();
      child.on('exit', () => resolve(undefined));
      let output = '';
      // Keep reading, or the server would block once the pipe is full.
      child.stdout.on('data', (chunk: Buffer) => {
        output = `${output}${stripAnsi(chunk.toString())}`.slice(-2000);
        const found = /Local:\s+(http\S+)/.exec(output)?.[1];
        if (found) resolve(found.replace(/\/$/, ''));
      });
    });
    if (!url) {
      const reason = stripAnsi(errors).split('\n').map((line) => line.trim()).find(Boolean);
      return { note: reason ? t.docs.didNotStartBecause(reason) : t.docs.didNotStart };
    }
    const actualPort = Number(new URL(url).port);
    return actualPort === preferredPort ? { url } : { url, note: t.docs.movedPort(preferredPort, docsHome(lang, url)) };
  })();
  return {
    url: started.then((result) => result.url),
    note: started.then((result) => result.note),
    stop: () => stop(),
  };
}
