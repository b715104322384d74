/**
 * `doctor`: checks the machine before a session — Node, the installed
 * dependencies, the docs port, write access, git — one line each, ✓ or ✗ with
 * how to fix it. Exit 0 when the workshop can run, 2 when something must be fixed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exercisesDir, kitRoot, stateDir } from '../../paths.js';
import { readArgs, readPort } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { defaultDocsPort, firstFreePort, isPortFree } from '../docs-server.js';
import { ExitCode, WorkshopError } from '../errors.js';
import { allExercises } from '../exercise.js';
import { chooseWatchMode } from '../file-watcher.js';
import type { Messages } from '../messages/index.js';
import { bold, cyan, symbols } from '../terminal.js';

interface Finding {
  readonly level: 'ok' | 'warn' | 'fail';
  readonly text: string;
}

const ok = (text: string): Finding => ({ level: 'ok', text });
const warn = (text: string): Finding => ({ level: 'warn', text });
const fail = (text: string): Finding => ({ level: 'fail', text });

function checkNode(t: Messages): Finding {
  const version = process.versions.node;
  const major = Number(version.split('.')[0]);
  return major >= 20 ? ok(t.doctor.nodeOk(version)) : fail(t.doctor.nodeTooOld(version));
}

/** Every dependency in package.json is installed, at the version the kit pins. */
function checkDependencies(t: Messages): Finding {
  let pinned: Record<string, string>;
  try {
    const pkg = JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    pinned = { ...pkg.dependencies, ...pkg.devDependencies };
  } catch {
    return fail(t.doctor.noPackageJson);
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
    if (/^\d+\.\d+\.\d+$/.test(wanted) && installed !== wanted) wrong.push(t.doctor.depWants(name, String(installed), wanted));
  }
  if (missing.length > 0) return fail(t.doctor.depsMissing(`${missing.slice(0, 4).join(', ')}${missing.length > 4 ? '…' : ''}`, kitRoot));
  if (wrong.length > 0) return fail(t.doctor.depsOtherVersions(wrong.slice(0, 3).join(', ')));
  return ok(t.doctor.depsOk(Object.keys(pinned).length));
}

async function checkPort(port: number, t: Messages): Promise<Finding> {
  if (await isPortFree(port)) return ok(t.doctor.portFree(port));
  const next = await firstFreePort(port + 1);
  return warn(next === undefined ? t.doctor.portBusyNoneFree(port) : t.doctor.portBusy(port, next));
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

function checkWriteAccess(t: Messages): Finding {
  const problems = [
    [exercisesDir, canWrite(exercisesDir)],
    [stateDir, canWrite(stateDir)],
  ].filter(([, problem]) => problem !== undefined);
  if (problems.length === 0) return ok(t.doctor.writeOk);
  return fail(t.doctor.cannotWrite(problems.map(([dir, problem]) => `${path.relative(kitRoot, dir!) || '.'}/ (${problem})`).join(t.common.and)));
}

function checkGit(t: Messages): Finding {
  let version: string;
  try {
    version = execFileSync('git', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().replace(/^git version /, '');
  } catch {
    return warn(t.doctor.gitMissing);
  }
  try {
    execFileSync('git', ['-C', kitRoot, 'rev-parse', '--is-inside-work-tree'], { stdio: 'ignore' });
    return ok(t.doctor.gitOk(version));
  } catch {
    return warn(t.doctor.gitNoClone(version));
  }
}

function checkExercises(t: Messages): Finding {
  try {
    return ok(t.doctor.exercisesFound(allExercises(t).length));
  } catch (error) {
    if (error instanceof WorkshopError) return fail(error.message);
    throw error;
  }
}

function checkWatching(t: Messages): Finding {
  const mode = chooseWatchMode(false);
  return ok(mode.polling ? t.doctor.polling(t.watch.pollReasons[mode.reason]) : t.doctor.fileEvents);
}

export const doctor: Command = {
  name: 'doctor',
  args: '[--port N]',
  summary: (t) => t.doctor.summary,
  usage: (t) => t.doctor.usage(defaultDocsPort),

  async run(argv, { t }) {
    const args = readArgs('doctor', argv, { port: { type: 'string' } }, 0, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const port = readPort(args.values.port, defaultDocsPort, t);
    console.log(bold(t.doctor.checking));
    const findings = [
      checkNode(t),
      checkDependencies(t),
      await checkPort(port, t),
      checkWriteAccess(t),
      checkGit(t),
      checkExercises(t),
      checkWatching(t),
    ];
    const mark = { ok: symbols.pass, warn: symbols.warn, fail: symbols.fail } as const;
    for (const finding of findings) console.log(`${mark[finding.level]} ${finding.text}`);
    const failed = findings.filter((finding) => finding.level === 'fail').length;
    console.log(`\n${failed === 0 ? t.doctor.allSet(cyan('npm start')) : t.doctor.fixAbove(failed)}`);
    return failed === 0 ? ExitCode.ok : ExitCode.usageOrEnvironment;
  },
};
