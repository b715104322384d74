/**
 * The learner's command line (a first version; the full CLI grows from here).
 *
 *   npm start                         docs on http://localhost:5173 + the current exercise's tests in watch mode
 *   npm run workshop -- check [id]    run one exercise's tests once (exit 0 pass, 1 fail)
 *   npm run workshop -- verify        the kit's integrity check (what `npm test` runs)
 *
 * Started by bin.mjs, which loads this TypeScript and then gets out of the way.
 * vitest is imported only inside the commands, so it loads at plain-Node speed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findExercise, readExercise } from '../catalog.js';
import { kitRoot } from '../paths.js';
import { exerciseStatuses, isDone } from './current-exercise.js';

class UsageError extends Error {}

const usage = `Usage: npm run workshop -- <command>

Commands:
  start          serve the docs and watch the current exercise's tests (what \`npm start\` does)
  check [id]     run one exercise's tests once; id like 3, 03, 03-circuit-breaker or circuit-breaker
  verify         the kit's integrity check (what \`npm test\` runs)
  help           this text`;

function resolveId(input: string): string {
  const id = findExercise(input);
  if (!id) throw new UsageError(`There is no exercise "${input}". Try a number such as 3, or run \`npm run workshop -- help\`.`);
  return id;
}

/**
 * The docs server in its own process; VitePress moves to the next port if 5173
 * is taken. Resolves with the address it serves on (or undefined if it never says).
 */
function serveDocs(): Promise<string | undefined> {
  const vitepress = path.join(kitRoot, 'node_modules', 'vitepress', 'bin', 'vitepress.js');
  const child = spawn(process.execPath, [vitepress, 'dev', 'docs', '--port', '5173'], {
    cwd: kitRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.on('exit', () => child.kill());
  return new Promise((resolve) => {
    setTimeout(() => resolve(undefined), 15_000).unref();
    child.on('exit', () => resolve(undefined));
    child.stdout.on('data', (chunk: Buffer) => {
      const url = /Local:\s+(\S+)/.exec(chunk.toString().replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
      if (url) resolve(url.replace(/\/$/, ''));
    });
  });
}

async function start(): Promise<number> {
  console.log('Starting the docs and finding your current exercise…');
  const [docsUrl, statuses] = await Promise.all([serveDocs(), exerciseStatuses()]);
  const docs = docsUrl ?? 'the docs site (npm run docs:dev)';
  const current = statuses.find((status) => !isDone(status));
  if (!current) {
    console.log(`🎉 Every exercise passes. The docs are at ${docs}. Press Ctrl-C to stop.`);
    return new Promise(() => {}); // keep the docs server up until Ctrl-C
  }
  const meta = readExercise(current.id);
  const done = statuses.filter(isDone).length;
  console.log(
    `\n📖 Docs:     ${docs}\n` +
      `   Progress: ${done} of ${statuses.length} done\n` +
      `   Now:      ${meta.id} · ${meta.title} (slides ${meta.slides.join(', ')})\n` +
      `   Edit:     ${meta.files.map((file) => `exercises/${meta.id}/${file}`).join(', ')}\n` +
      `   Read:     ${docsUrl ? `${docsUrl}/exercises/${meta.id}` : `docs/exercises/${meta.id}.md`}\n\n` +
      'The tests below re-run every time you save. Press q or Ctrl-C to stop.\n',
  );
  const { startVitest } = await import('vitest/node');
  await startVitest('test', [`exercises/${current.id}/`], { root: kitRoot, project: ['exercises'], watch: true });
  return new Promise(() => {});
}

async function check(input: string | undefined): Promise<number> {
  let id: string;
  if (input) id = resolveId(input);
  else {
    const current = (await exerciseStatuses()).find((status) => !isDone(status));
    if (!current) {
      console.log('Every exercise passes.');
      return 0;
    }
    id = current.id;
  }
  const { startVitest } = await import('vitest/node');
  const vitest = await startVitest('test', [`exercises/${id}/`], { root: kitRoot, project: ['exercises'], watch: false });
  const ok = vitest.state.getCountOfFailedTests() === 0 && !vitest.state.getTestModules().some((m) => !m.ok());
  await vitest.close();
  if (ok) console.log(`\n✅ ${id} passes. ${readExercise(id).recap}`);
  return ok ? 0 : 1;
}

async function verify(args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(kitRoot, 'workshop', 'verify', 'main.ts'), ...args], {
    cwd: kitRoot,
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 2)));
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { help: { type: 'boolean', short: 'h' } } });
  const [command = 'start', ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(usage);
    return 0;
  }
  try {
    return await run(command, rest, argv);
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `Something went wrong: ${(error as Error).message}`);
    return 2;
  }
}

function run(command: string, rest: string[], argv: string[]): Promise<number> {
  switch (command) {
    case 'start':
      return start();
    case 'check':
      return check(rest[0]);
    case 'verify':
      return verify(argv.slice(argv.indexOf('verify') + 1));
    default:
      throw new UsageError(`Unknown command "${command}". Run \`npm run workshop -- help\` to see the commands.`);
  }
}
