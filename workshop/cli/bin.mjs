#!/usr/bin/env node
// The `workshop` command. The CLI is written in TypeScript (main.ts and the
// modules it imports). To start in milliseconds, not the second a TypeScript
// loader needs, it runs from one bundled JavaScript file kept in .workshop/cache
// and rebuilt with esbuild whenever a source file under workshop/ is newer.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const kitRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(kitRoot, '.workshop', 'cache', 'cli.mjs');

function newestSourceMs() {
  const dir = path.join(kitRoot, 'workshop');
  return readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.ts'))
    .reduce((newest, file) => Math.max(newest, statSync(path.join(dir, file)).mtimeMs), 0);
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= newestSourceMs();
  } catch {
    return false; // not built yet
  }
}

if (!bundleIsFresh()) {
  const { build } = await import('esbuild');
  mkdirSync(path.dirname(bundle), { recursive: true });
  await build({
    entryPoints: [path.join(kitRoot, 'workshop', 'cli', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // vitest, the SDK… load from node_modules as usual
    logLevel: 'error',
  });
}

const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
