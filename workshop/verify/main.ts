/**
 * The kit's integrity check — what `npm test` runs.
 *
 *   npm test                       everything
 *   npm run verify -- --record     also rewrite starter-failures.json from this run
 *   npm run verify -- --no-docs    skip the docs build (quicker while writing code)
 *   npm test -- --lang ja          its own lines in Japanese (options.ts chooses
 *                                  the language as the CLI does: --lang,
 *                                  WORKSHOP_LANG, the system locale, English)
 *
 * It proves, in this order: the structure of every exercise; the tooling's
 * own tests; every exercise's tests pass against its solution, fail against
 * its starter for the intended reasons, and reject every wrong answer; both
 * targets type-check; the docs build. Ends with one line "N passed, N failed",
 * in English in every language: CI reads it (report.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exerciseIds } from '../catalog.js';
import { fallbackLanguage, type Language } from '../language.js';
import { kitRoot } from '../paths.js';
import { wrongAnswer, wrongAnswerCases } from '../targets.js';
import { fail, judgeMustPass, judgeStarter, judgeWrongAnswer, pass, type Check } from './judge.js';
import { messagesFor, type Messages } from './messages/index.js';
import { readOptions, UsageError } from './options.js';
import { ciLine, closingLines, sectionLines, type Paint } from './report.js';
import { exerciseOf, type ModuleOutcome } from './results.js';
import { runVitest } from './run-vitest.js';
import { checkStructure } from './structure.js';

const goldenFile = path.join(kitRoot, 'workshop', 'verify', 'starter-failures.json');
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint: Paint = {
  green: (text) => (useColor ? `\x1b[32m${text}\x1b[39m` : text),
  red: (text) => (useColor ? `\x1b[31m${text}\x1b[39m` : text),
};

function readGolden(): Record<string, string[]> {
  return existsSync(goldenFile) ? (JSON.parse(readFileSync(goldenFile, 'utf8')) as Record<string, string[]>) : {};
}

/** The type checks run in their own process, alongside the tests (type-checks.ts), naming its checks in `lang`. */
function runTypeChecks(lang: Language, t: Messages): Promise<Check[]> {
  return new Promise((resolve) => {
    const script = path.join(kitRoot, 'workshop', 'verify', 'type-checks.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--lang', lang], {
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
        resolve([fail(t.typeChecks.run, [t.typeChecks.stopped(String(code), errors.trim().split('\n')[0] ?? '')])]);
      }
    });
  });
}

/** The docs build runs in its own process, alongside the tests. */
function buildDocs(t: Messages): Promise<Check> {
  const name = t.docs.build;
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
      resolve(code === 0 ? pass(name) : fail(name, lines.length ? lines : [t.docs.exited(String(code))]));
    });
  });
}

async function verify(lang: Language, t: Messages, { record, noDocs }: { record: boolean; noDocs: boolean }): Promise<number> {
  const all: Check[] = [];
  const section = (name: string, checks: Check[]) => {
    console.log(sectionLines(name, checks, t, paint).join('\n'));
    all.push(...checks);
  };

  section(t.sections.structure, checkStructure(t));
  const types = runTypeChecks(lang, t);
  const docs = noDocs ? undefined : buildDocs(t);

  const { modules, unhandled } = await runVitest();
  const byProject = (project: string) => modules.filter((module) => module.project === project);
  section(t.sections.tooling, judgeMustPass(t.mustPass.toolingLabel, byProject('tooling'), t));
  section(t.sections.solutions, judgeMustPass(t.mustPass.solutionLabel, byProject('solutions'), t));

  const starterModules = byProject('exercises');
  const golden = readGolden();
  const ids = exerciseIds();
  const forExercise = (id: string) => starterModules.filter((module: ModuleOutcome) => exerciseOf(module.file) === id);
  if (record) {
    for (const id of ids)
      golden[id] = forExercise(id).flatMap((m) => m.tests.filter((test) => test.state === 'failed').map((test) => test.name));
    writeFileSync(goldenFile, `${JSON.stringify(golden, null, 2)}\n`);
    console.log(`  ${t.report.recorded(path.relative(kitRoot, goldenFile))}`);
  }
  section(t.sections.starters, ids.map((id) => judgeStarter(id, forExercise(id), golden[id], t)));
  section(
    t.sections.wrongAnswers,
    wrongAnswerCases().map(({ exerciseId, caseName }) => {
      const project = wrongAnswer(exerciseId, caseName).name;
      return judgeWrongAnswer(project, byProject(project), t);
    }),
  );
  if (unhandled.length > 0)
    section(t.sections.unhandled, [fail(t.unhandled.none, unhandled.map((e) => `${e.name}: ${e.message}`))]);

  section(t.sections.typeChecks, await types);
  if (docs) section(t.sections.docs, [await docs]);
  else console.log(t.report.docsSkipped);

  console.log(closingLines(all, t).join('\n'));
  return all.some((check) => !check.ok) ? 1 : 0;
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let t = messagesFor(fallbackLanguage(env)); // until --lang is read
  try {
    const options = readOptions(argv, env);
    t = options.t;
    if (options.help) {
      console.log(t.usage);
      return 0;
    }
    return await verify(options.lang, t, options);
  } catch (error) {
    if (error instanceof UsageError) console.error(error.message);
    else console.error(t.errors.couldNotRun(error instanceof Error ? error.message : String(error)));
    // A check that could not run counts as one failure (CI reads this line).
    console.log(ciLine(0, 1));
    return 2;
  }
}

main(process.argv.slice(2), process.env).then((code) => process.exit(code));
