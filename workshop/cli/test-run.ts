/**
 * Runs exercises' tests with vitest's programmatic API and returns plain
 * results the CLI can print and remember. One TestRunner is one warm vitest:
 * `check` opens it for one run, watch mode keeps it for the whole session and
 * only re-runs, so a save costs a test run, not a vitest start.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import type { TestModule, Vitest } from 'vitest/node';
import { kitRoot } from '../paths.js';
import { describeError } from '../verify/results.js';
import { EnvironmentError } from './errors.js';
import type { Messages } from './messages/index.js';
import { stripAnsi } from './terminal.js';

/** One failed test: its name and the first line of what it said. */
export interface Failure {
  readonly test: string;
  readonly message: string;
}

export interface ExerciseResult {
  readonly id: string;
  readonly passed: number;
  readonly total: number;
  /** Failed tests in the order of the test file. */
  readonly failures: readonly Failure[];
  /** Why the tests could not even load (a syntax error, a bad import), as one sentence. */
  readonly loadError?: string;
  /** Lines the learner's code printed with console.log, and errors thrown outside any test. */
  readonly output: readonly string[];
}

export function passes(result: ExerciseResult): boolean {
  return result.loadError === undefined && result.total > 0 && result.passed === result.total;
}

interface ErrorLike {
  name?: string;
  message?: string;
  stacks?: { file: string; line: number; column: number }[];
}

/**
 * One line for a failed test: the assertion's own message (the tests say what
 * to do next), and where it was thrown when that is the learner's file.
 */
function failureMessage(error: ErrorLike, exerciseId: string, t: Messages): string {
  const lines = stripAnsi(error.message ?? String(error)).split('\n').map((line) => line.trim()).filter(Boolean);
  let text = lines[0] ?? t.testRun.noMessage;
  if (text.endsWith(':') && lines[1]) text = `${text} ${lines[1]}`;
  const name = error.name && !['AssertionError', 'Error'].includes(error.name) ? `${error.name}: ` : '';
  const frame = error.stacks?.find((stack) => !stack.file.includes('node_modules'));
  const file = frame ? path.relative(kitRoot, frame.file).split(path.sep).join('/') : '';
  const inLearnerFile = file.startsWith(`exercises/${exerciseId}/`) && !file.endsWith('.test.ts');
  return `${name}${text}${inLearnerFile ? ` (${path.basename(file)}:${frame!.line})` : ''}`;
}

/**
 * "exercises/03-circuit-breaker/circuit-breaker.ts line 74 does not compile: Unexpected token."
 * from what vitest reports when a test file cannot load. The reason is the
 * compiler's own words; the sentence around it is in the learner's language.
 */
function loadErrorSentence(error: ErrorLike, exerciseId: string, t: Messages): string {
  const frame = error.stacks?.find((stack) => !stack.file.includes('node_modules'));
  const where = frame ? `${path.relative(kitRoot, frame.file).split(path.sep).join('/')}:${frame.line}:${frame.column}` : undefined;
  const line = describeError({ name: error.name ?? 'Error', message: error.message ?? String(error), ...(where ? { where } : {}) });
  const location = /\(((?:exercises|solutions|workshop)\/[^\s)]+):(\d+):\d+\)$/.exec(line);
  const reason = line
    .replace(/ \([^()]*:\d+:\d+\)$/, '')
    .replace(/^Error: /, '')
    .replace(/^Transform failed with \d+ errors?: /, '')
    .replace(/\[[A-Z_]+\]\s*/g, '')
    .replace(/\.$/, '');
  if (location) {
    const [file, lineNumber] = [location[1]!, location[2]!]; // both groups always match
    const syntax = /transform failed|syntaxerror|parse_error|unexpected/i.test(line);
    return syntax ? t.testRun.doesNotCompile(file, lineNumber, reason) : t.testRun.failsAsItLoads(file, lineNumber, reason);
  }
  return t.testRun.couldNotLoad(exerciseId, reason);
}

function exerciseOfModule(moduleId: string): string | undefined {
  const relative = path.relative(kitRoot, moduleId).split(path.sep).join('/');
  return /^exercises\/(\d{2}-[a-z0-9-]+)\//.exec(relative)?.[1];
}

function toResult(id: string, modules: readonly TestModule[], output: readonly string[], t: Messages): ExerciseResult {
  let passed = 0;
  let total = 0;
  const failures: Failure[] = [];
  let loadError: string | undefined;
  for (const module of modules) {
    const [firstError] = module.errors();
    if (firstError && loadError === undefined) loadError = loadErrorSentence(firstError, id, t);
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state === 'skipped') continue;
      total++;
      if (result.state === 'passed') passed++;
      else failures.push({ test: test.fullName, message: failureMessage(result.errors?.[0] ?? {}, id, t) });
    }
  }
  if (modules.length === 0) loadError = t.testRun.noTestFile(id);
  return { id, passed, total, failures, ...(loadError !== undefined ? { loadError } : {}), output };
}

/** Swallows vitest's own logging: the CLI draws the screen itself. */
function sink(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

export class TestRunner {
  /** What the learner's code printed during the current run. */
  private printed: string[] = [];

  private constructor(
    private readonly vitest: Vitest,
    private readonly t: Messages,
  ) {}

  /**
   * Starts vitest on the `exercises` project (the learner's code) without
   * running anything. Watch mode asks for `pool: 'threads'`: a worker thread
   * starts in about two thirds of the time of the child process vitest uses by
   * default, and a save's result comes that much sooner. Every exercise passes
   * and fails the very same tests in both pools; `check` and `npm test` keep
   * the default.
   */
  static async open(t: Messages, options: { pool?: 'threads' } = {}): Promise<TestRunner> {
    const { createVitest } = await import('vitest/node');
    let runner: TestRunner | undefined;
    const collector = {
      onUserConsoleLog(log: { content: string; taskId?: string; origin?: string }) {
        runner?.collect(log.content);
      },
    };
    const debug = process.env.WORKSHOP_DEBUG === '1';
    try {
      const vitest = await createVitest(
        'test',
        { root: kitRoot, watch: false, project: ['exercises'], reporters: [collector], ...options },
        {},
        debug ? {} : { stdout: sink(), stderr: sink() },
      );
      runner = new TestRunner(vitest, t);
      return runner;
    } catch (error) {
      throw new EnvironmentError(t.testRun.couldNotStart(stripAnsi((error as Error).message).split('\n')[0] ?? ''));
    }
  }

  private collect(content: string): void {
    this.printed.push(...stripAnsi(content).replace(/\n$/, '').split('\n'));
  }

  /** Forget the compiled copy of a file that changed on disk. */
  invalidate(absoluteFile: string): void {
    this.vitest.invalidateFile(absoluteFile.split(path.sep).join('/'));
  }

  /** Forget the list of test files, after one was added or deleted. */
  forgetTestFiles(): void {
    this.vitest.clearSpecificationsCache();
  }

  /** Runs the tests of these exercises once, in one vitest run. */
  async run(ids: readonly string[]): Promise<ExerciseResult[]> {
    const wanted = new Set(ids);
    const specifications = (await this.vitest.globTestSpecifications()).filter((spec) => {
      const id = exerciseOfModule(spec.moduleId);
      return id !== undefined && wanted.has(id);
    });
    this.printed = [];
    const { testModules, unhandledErrors } = await this.vitest.runTestSpecifications(specifications);
    const ran = new Set(specifications.map((spec) => spec.moduleId));
    const modules = testModules.filter((module) => ran.has(module.moduleId));
    const output = [
      ...this.printed,
      ...unhandledErrors.map((error) => this.t.testRun.outsideAnyTest(failureMessage(error as ErrorLike, ids[0] ?? '', this.t))),
    ];
    return ids.map((id) =>
      toResult(
        id,
        modules.filter((module) => exerciseOfModule(module.moduleId) === id),
        ids.length === 1 ? output : [],
        this.t,
      ),
    );
  }

  async close(): Promise<void> {
    await this.vitest.close();
  }
}

/** Opens vitest, runs these exercises once and closes it again. */
export async function runOnce(ids: readonly string[], t: Messages): Promise<ExerciseResult[]> {
  const runner = await TestRunner.open(t);
  try {
    return await runner.run(ids);
  } finally {
    await runner.close();
  }
}
