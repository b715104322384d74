/**
 * The kit's integrity check — what `npm test` runs.
 *
 *   npm test                       everything
 *   npm run verify -- --record     also rewrite starter-failures.json from this run
 *   npm run verify -- --no-docs    skip the docs build (quicker while writing code)
 *
 * It proves, in this order: the structure of every exercise; the tooling's
 * own tests; every exercise's tests pass against its solution, fail against
 * its starter for the intended reasons, and reject every wrong answer; both
 * targets type-check; the docs build. Ends with one line "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exerciseIds } from '../catalog.js';
import { kitRoot } from '../paths.js';
import { wrongAnswer, wrongAnswerCases } from '../targets.js';
import { fail, judgeMustPass, judgeStarter, judgeWrongAnswer, pass, type Check } from './judge.js';
import { exerciseOf, type ModuleOutcome } from './results.js';
import { runVitest } from './run-vitest.js';
import { checkStructure } from './structure.js';

const goldenFile = path.join(kitRoot, 'workshop', 'verify', 'starter-failures.json');
const maxDetails = 8;
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const green = (text: string) => (useColor ? `\x1b[32m${text}\x1b[39m` : text);
const red = (text: string) => (useColor ? `\x1b[31m${text}\x1b[39m` : text);

function report(section: string, checks: readonly Check[]): void {
  const failed = checks.filter((check) => !check.ok);
  console.log(`${failed.length === 0 ? green('✓') : red('✗')} ${section}: ${checks.length - failed.length} of ${checks.length} passed`);
  for (const check of failed) {
    console.log(`  ${red('✗')} ${check.name}`);
    for (const detail of check.details.slice(0, maxDetails)) console.log(`      ${detail}`);
    if (check.details.length > maxDetails) console.log(`      … and ${check.details.length - maxDetails} more`);
  }
}

function readGolden(): Record<string, string[]> {
  return existsSync(goldenFile) ? (JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string[]>) : {};
}

/** The type checks run in their own process, alongside the tests (type-checks.ts). */
function runTypeChecks(): Promise<Check[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(kitRoot, 'workshop', 'verify', 'type-checks.ts')], {
      cwd: kitRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(output) as Check[]);
      } catch {
        resolve([fail('the type checks run', [`they stopped (exit ${code}): ${errors.trim().split('\n')[0] ?? ''}`])]);
      }
    });
  });
}

/** The docs build runs in its own process, alongside the tests. */
function buildDocs(): Promise<Check> {
  const name = 'the docs build (every included file and region exists)';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(kitRoot, 'node_modules', 'vitepress', 'bin', 'vitepress.js'), 'build', 'docs'], {
      cwd: kitRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const lines = output.split('\n').filter((line) => /error|not found|failed/i.test(line)).slice(0, 10);
      resolve(code === 0 ? pass(name) : fail(name, lines.length ? lines : [`vitepress build exited with ${code}`]));
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { record: { type: 'boolean' }, 'no-docs': { type: 'boolean' } } });
  const all: Check[] = [];
  const section = (name: string, checks: Check[]) => {
    report(name, checks);
    all.push(...checks);
  };

  section('structure', checkStructure());
  const types = runTypeChecks();
  const docs = values['no-docs'] ? undefined : buildDocs();

  const { modules, unhandled } = await runVitest();
  const byProject = (project: string) => modules.filter((module) => module.project === project);
  section('tooling tests', judgeMustPass('tooling', byProject('tooling')));
  section('exercise tests against the solutions', judgeMustPass('solution', byProject('solutions')));

  const starterModules = byProject('exercises');
  const golden = readGolden();
  const forExercise = (id: string) => starterModules.filter((module: ModuleOutcome) => exerciseOf(module.file) === id);
  if (values.record) {
    for (const id of exerciseIds())
      golden[id] = forExercise(id).flatMap((m) => m.tests.filter((t) => t.state === 'failed').map((t) => t.name));
    writeFileSync(goldenFile, `${JSON.stringify(golden, null, 2)}\n`);
    console.log(`  recorded the failing tests of every starter in ${path.relative(kitRoot, goldenFile)}`);
  }
  section('exercise tests against the starters', exerciseIds().map((id) => judgeStarter(id, forExercise(id), golden[id])));
  section(
    'exercise tests against the wrong answers',
    wrongAnswerCases().map(({ exerciseId, caseName }) => {
      const project = wrongAnswer(exerciseId, caseName).name;
      return judgeWrongAnswer(project, byProject(project));
    }),
  );
  if (unhandled.length > 0)
    section('errors outside any test', [fail('no unhandled errors', unhandled.map((e) => `${e.name}: ${e.message}`))]);

  section('type checks', await types);
  if (docs) section('docs', [await docs]);
  else console.log('- docs: skipped (--no-docs)');

  const failed = all.filter((check) => !check.ok).length;
  console.log(`\n${all.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The integrity check could not run: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(2);
  },
);
