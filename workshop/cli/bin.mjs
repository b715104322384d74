#!/usr/bin/env node
// The `workshop` command. It checks what must be true before anything else can
// load — Node 20 or newer, the dependencies installed — and says so in one
// sentence if not. The CLI itself is TypeScript (main.ts and what it imports);
// to start in milliseconds, not the second a TypeScript loader needs, it runs
// from one bundled JavaScript file kept in .workshop/cache and rebuilt with
// esbuild whenever a source file under workshop/ is newer.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 20) {
  console.error(
    `This workshop needs Node.js 20 or newer, and this is Node.js ${process.versions.node}: install a current LTS release from https://nodejs.org (or \`nvm install 20\`), then run npm install again.`,
  );
  process.exit(2);
}

// Where the CLI's code is, and the kit it works on (the same folder, unless
// WORKSHOP_KIT_ROOT points elsewhere, as the CLI's own tests do).
const codeRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const kitRoot = process.env.WORKSHOP_KIT_ROOT ? path.resolve(process.env.WORKSHOP_KIT_ROOT) : codeRoot;
const bundle = path.join(codeRoot, '.workshop', 'cache', 'cli.mjs');

const needed = ['esbuild', 'vitest'];
const missing = needed.filter((name) => !existsSync(path.join(kitRoot, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
  console.error(`The kit's dependencies are not installed (${missing.join(' and ')} missing): run npm install in ${kitRoot} first.`);
  process.exit(2);
}

function newestSourceMs() {
  const dir = path.join(codeRoot, 'workshop');
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
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch {
    console.error(`esbuild cannot be loaded: run npm install in ${codeRoot} first.`);
    process.exit(2);
  }
  mkdirSync(path.dirname(bundle), { recursive: true });
  // Built beside the bundle and renamed into place, so a CLI started at the
  // same moment never loads half a file.
  const temporary = `${bundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [path.join(codeRoot, 'workshop', 'cli', 'main.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // vitest, the SDK… load from node_modules as usual
    logLevel: 'error',
  });
  renameSync(temporary, bundle);
}

const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
