import { describe, expect, it } from 'vitest';
import { describeError, exerciseOf } from './results.js';

describe('describeError', () => {
  it('gives the first line and where it happened', () => {
    expect(describeError({ name: 'AssertionError', message: 'expected 2 to be 1\n  more', where: 'exercises/03-x/a.ts:4:2' })).toBe(
      'AssertionError: expected 2 to be 1 (exercises/03-x/a.ts:4:2)',
    );
  });

  it('keeps the cause of a failed transform and finds the file and line in the message', () => {
    const message =
      'Transform failed with 1 error:\n\n\x1b[31m[PARSE_ERROR] \x1b[0mUnexpected token\n    ╭─[ exercises/02-twelve-factor-config/config.ts:77:23 ]';
    expect(describeError({ name: 'Error', message })).toBe(
      'Error: Transform failed with 1 error: [PARSE_ERROR] Unexpected token (exercises/02-twelve-factor-config/config.ts:77:23)',
    );
  });
});

describe('exerciseOf', () => {
  it.each([
    ['exercises/03-circuit-breaker/circuit-breaker.test.ts', '03-circuit-breaker'],
    ['workshop/catalog.test.ts', undefined],
    ['solutions/03-circuit-breaker/circuit-breaker.ts', undefined],
  ])('%s → %s', (file, id) => expect(exerciseOf(file)).toBe(id));
});
