/**
 * `doctor`: checks the machine before a session — Node, the installed
 * dependencies, the docs port, write access, git — one line each, ✓ or ✗ with
 * how to fix it. Exit 0 when the workshop can run, 2 when something must be fixed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exercisesDir, kitRoot, stateDir } from '../../paths.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { defaultDocsPort, firstFreePort, isPortFree } from '../docs-server.js';
import { ExitCode, UsageError, WorkshopError } from '../errors.js';
import { allExercises } from '../exercise.js';
import { chooseWatchMode } from '../file-watcher.js';
import { bold, cyan, symbols } from '../terminal.js';

interface Finding {
  readonly level: 'ok' | 'warn' | 'fail';
  readonly text: string;
}

const ok = (text: string): Finding => ({ level: 'ok', text });
const warn = (text: string): Finding => ({ level: 'warn', text });
const fail = (text: string): Finding => ({ level: 'fail', text });

export function checkNode(version = process.versions.node): Finding {
  const major = Number(version.split('.')[0]);
  return major >= 20
    ? ok(`Node.js ${version} (20 or newer is needed)`)
    : fail(`Node.js ${version} is too old: install Node.js 20 or newer (https://nodejs.org, or \`nvm install 20\`), then run npm install again.`);
}

/** Every dependency in package.json is installed, at the version the kit pins. */
export function checkDependencies(): Finding {
  let pinned: Record<string, string>;
  try {
    const pkg = JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    pinned = { ...pkg.dependencies, ...pkg.devDependencies };
  } catch {
    return fail('package.json cannot be read: run this inside the workshop kit folder.');
  }
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const [name, wanted] of Object.entries(pinned)) {
    const manifest = path.join(kitRoot, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) {
      missing.push(name);
      continue;
    }
    const installed = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
    if (/^\d+\.\d+\.\d+$/.test(wanted) && installed !== wanted) wrong.push(`${name} ${installed} (wants ${wanted})`);
  }
  if (missing.length > 0) return fail(`Dependencies missing: ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? '…' : ''} — run \`npm install\` in ${kitRoot}.`);
  if (wrong.length > 0) return fail(`Dependencies at other versions than the kit pins: ${wrong.slice(0, 3).join(', ')} — run \`npm install\`.`);
  return ok(`Dependencies installed (${Object.keys(pinned).length} packages, as pinned in package.json)`);
}

export async function checkPort(port: number): Promise<Finding> {
  if (await isPortFree(port)) return ok(`Port ${port} is free for the docs`);
  const next = await firstFreePort(port + 1);
  return warn(
    `Port ${port} is busy (another dev server?): the docs will use ${next ?? 'another port'}; to free it, find the program with \`lsof -i :${port}\` (Windows: \`netstat -ano | findstr :${port}\`).`,
  );
}

function canWrite(dir: string): string | undefined {
  const probe = path.join(dir, `.doctor-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'probe');
    rmSync(probe);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

export function checkWriteAccess(): Finding {
  const problems = [
    [exercisesDir, canWrite(exercisesDir)],
    [stateDir, canWrite(stateDir)],
  ].filter(([, problem]) => problem !== undefined);
  if (problems.length === 0) return ok('You can write to exercises/ and .workshop/');
  return fail(
    `Cannot write to ${problems.map(([dir, problem]) => `${path.relative(kitRoot, dir!) || '.'}/ (${problem})`).join(' and ')}: clone the kit into a folder you own, such as your home folder.`,
  );
}

export function checkGit(): Finding {
  let version: string;
  try {
    version = execFileSync('git', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().replace(/^git version /, '');
  } catch {
    return warn('git is not installed: everything works except `reset`, which takes the starters from git (https://git-scm.com).');
  }
  try {
    execFileSync('git', ['-C', kitRoot, 'rev-parse', '--is-inside-work-tree'], { stdio: 'ignore' });
    return ok(`git ${version}, and the kit is a git clone (\`reset\` takes the starters from it)`);
  } catch {
    return warn(`git ${version} is installed, but the kit is not a git clone: \`reset\` needs one (git clone the kit instead of downloading it).`);
  }
}

function checkExercises(): Finding {
  try {
    return ok(`${allExercises().length} exercises found`);
  } catch (error) {
    if (error instanceof WorkshopError) return fail(error.message);
    throw error;
  }
}

function checkWatching(): Finding {
  const mode = chooseWatchMode(false);
  return ok(mode.polling ? `Saves are noticed by polling every 0.1 s (${mode.reason})` : 'Saves are noticed by file events (use `npm start -- --poll` if they are not)');
}

export const doctor: Command = {
  name: 'doctor',
  args: '[--port N]',
  summary: 'check Node, dependencies, the docs port, write access and git, with how to fix each',
  usage: `Usage: npm run workshop -- doctor [--port N]

Checks this machine for the workshop, one line each: ✓ fine, ! works but note
it, ✗ must be fixed (with how). Run it before a session.
  --port N   the docs port to check (default ${defaultDocsPort})

Exit code: 0 when the workshop can run, 2 when something must be fixed.`,

  async run(argv) {
    const args = readArgs('doctor', argv, { port: { type: 'string' } }, 0);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const port = args.values.port === undefined ? defaultDocsPort : Number(args.values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      throw new UsageError(`--port needs a port number from 1 to 65535, not "${String(args.values.port)}".`);
    console.log(bold('Checking this machine for the workshop…'));
    const findings = [
      checkNode(),
      checkDependencies(),
      await checkPort(port),
      checkWriteAccess(),
      checkGit(),
      checkExercises(),
      checkWatching(),
    ];
    const mark = { ok: symbols.pass, warn: symbols.warn, fail: symbols.fail } as const;
    for (const finding of findings) console.log(`${mark[finding.level]} ${finding.text}`);
    const failed = findings.filter((finding) => finding.level === 'fail').length;
    console.log(failed === 0 ? `\nAll set: run ${cyan('npm start')}.` : `\nFix the ✗ line${failed > 1 ? 's' : ''} above, then run the doctor again.`);
    return failed === 0 ? ExitCode.ok : ExitCode.usageOrEnvironment;
  },
};
