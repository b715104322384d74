import { describe, expect, it } from 'vitest';
import { isIntendedFailure, judgeMustPass, judgeStarter, judgeWrongAnswer } from './judge.js';
import { en } from './messages/en.js';
import { assertion, id, module, notImplemented, test, typeError } from './test-outcomes.js';


describe('isIntendedFailure', () => {
  it.each([
    [assertion, true],
    [{ name: 'Error', message: 'expected "GetItemCommand" to be called', assertion: true }, true], // a custom matcher
    [notImplemented, true],
    [{ name: 'Error', message: 'Not implemented yet' }, false], // does not name the exercise
    [{ name: 'Error', message: `Not implemented yet (04-idempotency): …` }, true], // an exercise a capstone builds on
    [{ name: 'Error', message: 'not implemented: fix me' }, false], // names no exercise
    [typeError, false],
  ])('%j → %s', (error, expected) => {
    expect(isIntendedFailure(error, id)).toBe(expected);
  });
});

describe('judgeStarter', () => {
  it('passes a starter that fails exactly the recorded tests on assertions', () => {
    const check = judgeStarter(id, [module([test('opens', 'failed'), test('validates', 'passed')])], ['opens'], en);
    expect(check).toEqual({ name: expect.any(String), ok: true, details: [] });
  });

  it('names the exercise and the cause when the starter does not load', () => {
    const syntax = { name: 'SyntaxError', message: 'Unexpected token', where: `exercises/${id}/circuit-breaker.ts:3:1` };
    const check = judgeStarter(id, [module([], [syntax])], ['opens'], en);
    expect(check.ok).toBe(false);
    expect(check.name).toContain(id);
    expect(check.details.join('\n')).toMatch(/does not load: SyntaxError: Unexpected token \(exercises\/03-circuit-breaker\/circuit-breaker.ts:3:1\)/);
  });

  it('reports a starter that suddenly passes every test', () => {
    const check = judgeStarter(id, [module([test('opens', 'passed')])], ['opens'], en);
    expect(check.ok).toBe(false);
    expect(check.details).toContain('every test passes against the starter: the learner would have nothing to do');
    expect(check.details.join('\n')).toMatch(/"opens" was expected to fail/);
  });

  it('reports a test that fails for the wrong reason', () => {
    const check = judgeStarter(id, [module([test('opens', 'failed', [typeError])])], ['opens'], en);
    expect(check.ok).toBe(false);
    expect(check.details.join('\n')).toMatch(/"opens" fails for another reason.*TypeError/);
  });

  it('reports a failure that is not recorded, and a missing record', () => {
    expect(judgeStarter(id, [module([test('opens', 'failed'), test('closes', 'failed')])], ['opens'], en).details).toEqual([
      '"closes" fails against the starter but is not in the recorded list',
    ]);
    expect(judgeStarter(id, [module([test('opens', 'failed')])], undefined, en).details.join('\n')).toMatch(/--record/);
  });

  it('fails when no test file ran', () => {
    expect(judgeStarter(id, [], ['opens'], en).ok).toBe(false);
  });
});

describe('judgeWrongAnswer', () => {
  const project = `wrong:${id}/two-trials`;
  it('passes when at least one test rejects the wrong answer', () => {
    expect(judgeWrongAnswer(project, [module([test('a', 'passed'), test('b', 'failed')], [], project)], en).ok).toBe(true);
  });
  it('fails when every test passes', () => {
    expect(judgeWrongAnswer(project, [module([test('a', 'passed')], [], project)], en).details).toEqual([
      'every test passes against this wrong answer: the tests miss the mistake',
    ]);
  });
  it('fails when the wrong answer does not even load', () => {
    expect(judgeWrongAnswer(project, [module([], [typeError], project)], en).ok).toBe(false);
  });
});

describe('judgeMustPass', () => {
  it('gives one check per test and names the failing test with its error', () => {
    const checks = judgeMustPass('solution', [module([test('opens', 'passed'), test('closes', 'failed')], [], 'solutions')], en);
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['solution: opens', true],
      ['solution: closes', false],
    ]);
    expect(checks[1]!.details).toEqual(['AssertionError: expected 2 to be 1']);
  });
  it('turns a file that does not load into one failed check', () => {
    const checks = judgeMustPass('solution', [module([], [typeError], 'solutions')], en);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.ok).toBe(false);
  });
});
