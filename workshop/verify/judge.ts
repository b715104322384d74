/**
 * The rules of the kit's integrity check, as plain functions of test
 * outcomes. Each returns checks: one line that passed or failed, with the
 * reasons a maintainer needs to fix it, in the language of `t`
 * (messages/). Test names and error messages are quoted as they are.
 */
import type { Messages } from './messages/index.js';
import { describeError, type ErrorSummary, type ModuleOutcome } from './results.js';

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly details: readonly string[];
}

export const pass = (name: string): Check => ({ name, ok: true, details: [] });
export const fail = (name: string, details: string[]): Check => ({ name, ok: false, details });

/**
 * Tests that must all pass (the tooling's own, and every exercise against its
 * solution). Each check is named "<label>: <test name>".
 */
export function judgeMustPass(label: string, modules: readonly ModuleOutcome[], t: Messages): Check[] {
  return modules.flatMap((module) => {
    if (module.loadErrors.length > 0) return [fail(t.mustPass.loads(label, module.file), module.loadErrors.map(describeError))];
    return module.tests.map((test) =>
      test.state === 'passed'
        ? pass(`${label}: ${test.name}`)
        : fail(`${label}: ${test.name}`, test.errors.length > 0 ? test.errors.map(describeError) : [t.mustPass.noError(test.state)]),
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
  t: Messages,
): Check {
  const name = t.starter.failsAsIntended(exerciseId);
  const problems: string[] = [];
  for (const module of modules) {
    for (const error of module.loadErrors) problems.push(t.starter.doesNotLoad(module.file, describeError(error)));
  }
  if (modules.length === 0) problems.push(t.starter.noTestFile);
  if (problems.length > 0) return fail(t.starter.loads(exerciseId), problems);

  const tests = modules.flatMap((module) => module.tests);
  const failing = tests.filter((test) => test.state === 'failed');
  if (failing.length === 0) problems.push(t.starter.everyTestPasses);
  for (const test of failing) {
    const wrong = test.errors.find((error) => !isIntendedFailure(error, exerciseId));
    if (wrong) problems.push(t.starter.wrongReason(test.name, exerciseId, describeError(wrong)));
  }
  if (expectedFailures === undefined) {
    problems.push(t.starter.noRecord);
  } else {
    const failingNames = new Set(failing.map((test) => test.name));
    const expected = new Set(expectedFailures);
    for (const test of expectedFailures) if (!failingNames.has(test)) problems.push(t.starter.expectedToFail(test));
    for (const test of failingNames) if (!expected.has(test)) problems.push(t.starter.notRecorded(test));
  }
  return problems.length > 0 ? fail(name, problems) : pass(name);
}

/** A wrong answer (its vitest project, `wrong:<exercise>/<case>`) must load and be rejected by at least one test. */
export function judgeWrongAnswer(project: string, modules: readonly ModuleOutcome[], t: Messages): Check {
  const name = t.wrongAnswer.rejected(project.replace(/^wrong:/, ''));
  const loadErrors = modules.flatMap((module) => module.loadErrors.map(describeError));
  if (modules.length === 0) return fail(name, [t.wrongAnswer.noTestFile]);
  if (loadErrors.length > 0) return fail(name, loadErrors.map((error) => t.wrongAnswer.doesNotLoad(error)));
  const rejectedBy = modules.flatMap((module) => module.tests.filter((test) => test.state === 'failed'));
  return rejectedBy.length > 0 ? pass(name) : fail(name, [t.wrongAnswer.everyTestPasses]);
}
