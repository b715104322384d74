/**
 * Runs the kit's vitest projects once, in this process, and returns plain
 * outcomes. Nothing is printed by vitest itself; the verifier reports.
 */
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { kitRoot } from '../paths.js';
import type { ErrorSummary, ModuleOutcome } from './results.js';

interface SerializedErrorLike {
  name?: string;
  actual?: unknown;
  expected?: unknown;
  cause?: SerializedErrorLike;
  message?: string;
  stacks?: { file: string; line: number; column: number }[];
}

/**
 * Thrown by `expect`: vitest's AssertionError, a failed custom matcher (it
 * carries actual and expected), or a property-based test (fast-check) whose
 * counterexample failed such an assertion (it is the error's cause).
 */
function isAssertion(error: SerializedErrorLike): boolean {
  if (error.name === 'AssertionError' || ('actual' in error && 'expected' in error)) return true;
  return error.cause !== undefined && isAssertion(error.cause);
}

function summarize(error: SerializedErrorLike): ErrorSummary {
  // The first frame inside the kit (not node_modules) says where it happened.
  const frame = error.stacks?.find((s) => !s.file.includes('node_modules'));
  return {
    name: error.name ?? 'Error',
    assertion: isAssertion(error),
    message: error.message ?? String(error),
    ...(frame ? { where: `${path.relative(kitRoot, frame.file)}:${frame.line}:${frame.column}` } : {}),
  };
}

function toOutcome(module: TestModule): ModuleOutcome {
  return {
    project: module.project.name,
    file: path.relative(kitRoot, module.moduleId),
    loadErrors: module.errors().map(summarize),
    tests: [...module.children.allTests()].map((test) => {
      const result = test.result();
      return {
        name: test.fullName,
        state: result.state,
        errors: (result.errors ?? []).map(summarize),
      };
    }),
  };
}

export interface VitestRun {
  readonly modules: ModuleOutcome[];
  /** Errors outside any test (an unhandled rejection, a crashed worker). */
  readonly unhandled: ErrorSummary[];
}

export async function runVitest(projects: string[] = []): Promise<VitestRun> {
  let modules: ModuleOutcome[] = [];
  let unhandled: ErrorSummary[] = [];
  const collector: Reporter = {
    onTestRunEnd(testModules, unhandledErrors) {
      modules = testModules.map(toOutcome);
      unhandled = unhandledErrors.map(summarize);
    },
  };
  // Imported when needed: the CLI loads vitest only after its own TypeScript is in (see cli/bin.mjs).
  const { startVitest } = await import('vitest/node');
  const vitest = await startVitest(
    'test',
    [],
    {
      root: kitRoot,
      watch: false,
      reporters: [collector],
      project: projects.length > 0 ? projects : undefined,
      // vitest's default on 2 cores is one worker; most kit tests wait on I/O
      // (the local DynamoDB, HTTP servers, child processes), so three overlap well.
      maxWorkers: 3,
    },
  );
  await vitest.close();
  return { modules, unhandled };
}
