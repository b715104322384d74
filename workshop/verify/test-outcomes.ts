/** Small builders of test results, for the tests of the judge and its report. */
import type { ModuleOutcome, TestOutcome } from './results.js';

export const id = '03-circuit-breaker';
export const file = `exercises/${id}/circuit-breaker.test.ts`;
export const assertion = { name: 'AssertionError', message: 'expected 2 to be 1' };
export const notImplemented = { name: 'Error', message: `Not implemented yet (${id}): fire()` };
export const typeError = { name: 'TypeError', message: 'cannot read properties of undefined', where: `exercises/${id}/circuit-breaker.ts:9:3` };

export const test = (name: string, state: TestOutcome['state'], errors = state === 'failed' ? [assertion] : []): TestOutcome => ({
  name,
  state,
  errors,
});

export const module = (tests: TestOutcome[], loadErrors: ModuleOutcome['loadErrors'] = [], project = 'exercises'): ModuleOutcome => ({
  project,
  file,
  loadErrors,
  tests,
});
