/**
 * The rules of the kit's integrity check, as plain functions of test
 * outcomes. Each returns checks: one line that passed or failed, with the
 * reasons a maintainer needs to fix it.
 */
import { describeError, type ErrorSummary, type ModuleOutcome } from './results.js';

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly details: readonly string[];
}

export const pass = (name: string): Check => ({ name, ok: true, details: [] });
export const fail = (name: string, details: string[]): Check => ({ name, ok: false, details });

/** Tests that must all pass (the tooling's own, and every exercise against its solution). */
export function judgeMustPass(label: string, modules: readonly ModuleOutcome[]): Check[] {
  return modules.flatMap((module) => {
    if (module.loadErrors.length > 0)
      return [fail(`${label}: ${module.file} loads`, module.loadErrors.map(describeError))];
    return module.tests.map((test) =>
      test.state === 'passed'
        ? pass(`${label}: ${test.name}`)
        : fail(`${label}: ${test.name}`, test.errors.length > 0 ? test.errors.map(describeError) : [`test ${test.state}`]),
    );
  });
}

/**
 * An acceptable reason for a starter's test to fail: an assertion, or the
 * explicit "not implemented" error of an exercise — this one's, or, for a
 * capstone that builds on earlier exercises, theirs (the learner's own code).
 */
export function isIntendedFailure(error: ErrorSummary, exerciseId: string): boolean {
  if (error.assertion || error.name === 'AssertionError') return true;
  if (!/not implemented/i.test(error.message)) return false;
  return error.message.includes(exerciseId) || /\(\d{2}-[a-z][a-z0-9-]*\)/.test(error.message);
}

/**
 * A starter must fail exactly the recorded tests, each for an intended reason,
 * and must load (a syntax, type or import error is not the lesson).
 */
export function judgeStarter(
  exerciseId: string,
  modules: readonly ModuleOutcome[],
  expectedFailures: readonly string[] | undefined,
): Check {
  const name = `starter of ${exerciseId} fails for the intended reasons`;
  const problems: string[] = [];
  for (const module of modules) {
    for (const error of module.loadErrors)
      problems.push(`${module.file} does not load: ${describeError(error)}`);
  }
  if (modules.length === 0) problems.push('no test file was found');
  if (problems.length > 0) return fail(`starter of ${exerciseId} loads`, problems);

  const tests = modules.flatMap((module) => module.tests);
  const failing = tests.filter((test) => test.state === 'failed');
  if (failing.length === 0) problems.push('every test passes against the starter: the learner would have nothing to do');
  for (const test of failing) {
    const wrong = test.errors.find((error) => !isIntendedFailure(error, exerciseId));
    if (wrong)
      problems.push(
        `"${test.name}" fails for another reason than an assertion or a "Not implemented (${exerciseId})" error: ${describeError(wrong)}`,
      );
  }
  if (expectedFailures === undefined) {
    problems.push('no expected failures are recorded: run `npm run verify -- --record` after checking the starter by hand');
  } else {
    const failingNames = new Set(failing.map((test) => test.name));
    const expected = new Set(expectedFailures);
    for (const test of expectedFailures)
      if (!failingNames.has(test)) problems.push(`"${test}" was expected to fail against the starter but did not`);
    for (const test of failingNames)
      if (!expected.has(test)) problems.push(`"${test}" fails against the starter but is not in the recorded list`);
  }
  return problems.length > 0 ? fail(name, problems) : pass(name);
}

/** A wrong answer must load and be rejected by at least one test. */
export function judgeWrongAnswer(project: string, modules: readonly ModuleOutcome[]): Check {
  const name = `${project.replace(/^wrong:/, 'wrong answer ')} is rejected by the tests`;
  const loadErrors = modules.flatMap((module) => module.loadErrors.map(describeError));
  if (modules.length === 0) return fail(name, ['no test file ran against it']);
  if (loadErrors.length > 0) return fail(name, loadErrors.map((error) => `it does not load, so it proves nothing: ${error}`));
  const rejectedBy = modules.flatMap((module) => module.tests.filter((test) => test.state === 'failed'));
  return rejectedBy.length > 0 ? pass(name) : fail(name, ['every test passes against this wrong answer: the tests miss the mistake']);
}
