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

// These few sentences are said before the TypeScript (and its message
// catalog, messages/) can load, so the language is picked here the way
// workshop/language.ts picks it: --lang, WORKSHOP_LANG, LC_ALL, LC_MESSAGES,
// LANG, the runtime's locale. A wrong value is left for main.ts to explain.
function chosenLanguage(argv, env) {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const flag = index === -1 ? undefined : argv[index] === '--lang' ? argv[index + 1] : argv[index].slice('--lang='.length);
  const wanted = flag ?? (env.WORKSHOP_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale);
  return /^ja(?:[-_.@]|$)/i.test((wanted ?? '').trim()) ? 'ja' : 'en';
}

const say = {
  en: {
    nodeTooOld: (version) =>
      `This workshop needs Node.js 20 or newer, and this is Node.js ${version}: install a current LTS release from https://nodejs.org (or \`nvm install 20\`), then run npm install again.`,
    notInstalled: (missing, folder) => `The kit's dependencies are not installed (${missing.join(' and ')} missing): run npm install in ${folder} first.`,
    noEsbuild: (folder) => `esbuild cannot be loaded: run npm install in ${folder} first.`,
  },
  ja: {
    nodeTooOld: (version) =>
      `このワークショップには Node.js 20 以上が必要ですが、この環境は Node.js ${version} です。https://nodejs.org から現在の LTS 版をインストールして（または \`nvm install 20\`）、npm install をもう一度実行してください。`,
    notInstalled: (missing, folder) => `キットの依存パッケージがインストールされていません（${missing.join(' と ')} がありません）。先に ${folder} で npm install を実行してください。`,
    noEsbuild: (folder) => `esbuild を読み込めません。先に ${folder} で npm install を実行してください。`,
  },
}[chosenLanguage(process.argv.slice(2), process.env)];

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 20) {
  console.error(say.nodeTooOld(process.versions.node));
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
  console.error(say.notInstalled(missing, kitRoot));
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
    console.error(say.noEsbuild(codeRoot));
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
