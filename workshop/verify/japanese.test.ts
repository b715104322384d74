/**
 * The integrity check in Japanese, without running it (that takes minutes):
 * the judges and the report say the check's own words in the language of
 * `t`, quote test names and errors as they are, and end with the English line
 * "N passed, N failed" that CI reads, in either language. The command line
 * chooses the language as the CLI does; its mistakes are one Japanese line.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasJapanese } from '../language.js';
import { kitRoot } from '../paths.js';
import { fail, judgeMustPass, judgeStarter, judgeWrongAnswer, pass, type Check } from './judge.js';
import { en } from './messages/en.js';
import { ja } from './messages/ja.js';
import { readOptions, UsageError } from './options.js';
import { closingLines, maxDetails, sectionLines } from './report.js';
import { checkStructure } from './structure.js';
import { assertion, file, id, module, test, typeError } from './test-outcomes.js';


/** Every line a check shows: its name and its details. */
const linesOf = (check: Check) => [check.name, ...check.details];
const ciLinePattern = /^\d+ passed, \d+ failed$/;

describe('the judges in Japanese', () => {
  it('judgeStarter: a starter that passes every test, in Japanese, the test name quoted as it is', () => {
    const check = judgeStarter(id, [module([test('opens after two failures', 'passed')])], ['opens after two failures'], ja);
    expect(check.ok).toBe(false);
    expect(check.name).toBe('03-circuit-breaker のスターターコードが意図した理由で失敗する');
    expect(check.details).toContain('スターターコードですべてのテストが成功します: これでは受講者がやることがありません');
    expect(check.details).toContain('「opens after two failures」はスターターコードで失敗するはずでしたが、失敗しませんでした');
    for (const line of linesOf(check)) expect(hasJapanese(line), line).toBe(true);
  });

  it('judgeStarter: a test failing for the wrong reason keeps the error as vitest gave it', () => {
    const check = judgeStarter(id, [module([test('opens', 'failed', [typeError])])], ['opens'], ja);
    expect(check.details.join('\n')).toMatch(
      /「opens」が、アサーションでも「Not implemented \(03-circuit-breaker\)」のエラーでもない理由で失敗しています: TypeError: cannot read properties of undefined \(exercises\/03-circuit-breaker\/circuit-breaker.ts:9:3\)/,
    );
  });

  it('judgeStarter: not loading, an unrecorded failure, no record at all', () => {
    const syntax = { name: 'SyntaxError', message: 'Unexpected token', where: `exercises/${id}/circuit-breaker.ts:3:1` };
    const notLoading = judgeStarter(id, [module([], [syntax])], ['opens'], ja);
    expect(notLoading.name).toBe('03-circuit-breaker のスターターコードを読み込める');
    expect(notLoading.details).toEqual([`${file} を読み込めません: SyntaxError: Unexpected token (exercises/${id}/circuit-breaker.ts:3:1)`]);
    expect(judgeStarter(id, [], ['opens'], ja).details).toEqual(['テストファイルが見つかりません']);
    expect(judgeStarter(id, [module([test('opens', 'failed'), test('closes', 'failed')])], ['opens'], ja).details).toEqual([
      '「closes」はスターターコードで失敗しますが、記録された一覧にありません',
    ]);
    const unrecorded = judgeStarter(id, [module([test('opens', 'failed')])], undefined, ja).details.join('\n');
    expect(unrecorded).toMatch(/想定される失敗が記録されていません.*`npm run verify -- --record`/);
  });

  it('judgeWrongAnswer: a wrong answer no test rejects, and one that does not load', () => {
    const project = `wrong:${id}/two-trials`;
    const missed = judgeWrongAnswer(project, [module([test('a', 'passed')], [], project)], ja);
    expect(missed.name).toBe('誤答 03-circuit-breaker/two-trials をテストが検出する');
    expect(missed.details).toEqual(['この誤答ですべてのテストが成功します: テストが誤りを見逃しています']);
    const broken = judgeWrongAnswer(project, [module([], [typeError], project)], ja);
    expect(broken.details[0]).toMatch(/^読み込めないため、この誤答では何も確かめられません: TypeError: /);
    expect(judgeWrongAnswer(project, [], ja).details).toEqual(['この誤答に対して実行されたテストファイルがありません']);
  });

  it('judgeMustPass: the label in Japanese, the test name and the assertion as they are', () => {
    const checks = judgeMustPass(ja.mustPass.solutionLabel, [module([test('opens', 'passed'), test('closes', 'failed')], [], 'solutions')], ja);
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['解答: opens', true],
      ['解答: closes', false],
    ]);
    expect(checks[1]!.details).toEqual(['AssertionError: expected 2 to be 1']);
    expect(judgeMustPass('ツール', [module([test('waits', 'skipped', [])])], ja)[0]!.details).toEqual(['テストが成功していません（状態: skipped）']);
    expect(judgeMustPass('ツール', [module([], [typeError])], ja)[0]!.name).toBe(`ツール: ${file} を読み込める`);
  });

  it('checkStructure: the kit as it is passes, every check named in Japanese', () => {
    const checks = checkStructure(ja);
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    for (const check of checks) expect(hasJapanese(check.name), check.name).toBe(true);
    expect(checks.map((check) => check.name)).toContain('演習 03-circuit-breaker が揃っている');
  });
});

describe('the report', () => {
  const checks: Check[] = [
    pass('solution: opens'),
    fail('starter of 03-circuit-breaker fails for the intended reasons', Array.from({ length: maxDetails + 3 }, (_, i) => `problem ${i + 1}`)),
  ];

  it('in English, reads as it always has', () => {
    expect(sectionLines('exercise tests against the starters', checks, en)).toEqual([
      '✗ exercise tests against the starters: 1 of 2 passed',
      '  ✗ starter of 03-circuit-breaker fails for the intended reasons',
      ...Array.from({ length: maxDetails }, (_, i) => `      problem ${i + 1}`),
      '      … and 3 more',
    ]);
    expect(sectionLines('structure', [pass('a')], en)).toEqual(['✓ structure: 1 of 1 passed']);
    expect(closingLines(checks, en)).toEqual(['', '1 passed, 1 failed']);
  });

  it('in Japanese: the section, the count of details left out, and the totals', () => {
    const lines = sectionLines(ja.sections.starters, checks, ja);
    expect(lines[0]).toBe('✗ スターターコードに対する演習のテスト: 2 件中 1 件が成功');
    expect(lines.at(-1)).toBe('      … ほかに 3 件');
    expect(sectionLines(ja.sections.structure, [pass('a')], ja)).toEqual(['✓ 構成: 1 件中 1 件が成功']);
  });

  it('ends with the English "N passed, N failed" in every language, the Japanese totals just before it', () => {
    const english = closingLines(checks, en);
    const japanese = closingLines(checks, ja);
    expect(english.at(-1)).toBe('1 passed, 1 failed');
    expect(japanese.at(-1)).toBe('1 passed, 1 failed');
    expect(japanese.at(-1)).toMatch(ciLinePattern);
    expect(japanese.at(-2)).toMatch(/^結果: 成功 1 件、失敗 1 件/);
    expect(closingLines([], ja).at(-1)).toBe('0 passed, 0 failed');
    // CI takes the last line of this form: only one such line, the last.
    expect(japanese.filter((line) => ciLinePattern.test(line))).toHaveLength(1);
  });
});

describe('the command line', () => {
  /** A machine that asks for no language (the C locale), so the test reads the same on a Japanese one. */
  const noLocale: NodeJS.ProcessEnv = { LANG: 'C' };

  it('chooses the language as the CLI does: --lang, WORKSHOP_LANG, the locale, English', () => {
    expect(readOptions([], noLocale).lang).toBe('en');
    expect(readOptions(['--lang', 'ja'], noLocale).t).toBe(ja);
    expect(readOptions(['--lang=ja', '--no-docs'], noLocale)).toMatchObject({ lang: 'ja', noDocs: true, record: false });
    expect(readOptions([], { ...noLocale, WORKSHOP_LANG: 'ja' }).lang).toBe('ja');
    expect(readOptions([], { ...noLocale, LANG: 'ja_JP.UTF-8' }).lang).toBe('ja');
    expect(readOptions(['--lang', 'en'], { ...noLocale, LANG: 'ja_JP.UTF-8' }).lang).toBe('en');
    expect(readOptions(['--record', '--help'], noLocale)).toMatchObject({ help: true, record: true });
  });

  it('says a mistake in one Japanese sentence when Japanese is asked for', () => {
    const mistake = (argv: string[], env: NodeJS.ProcessEnv) => {
      try {
        readOptions(argv, env);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`no mistake found in ${argv.join(' ')}`);
    };
    const japanese = { ...noLocale, WORKSHOP_LANG: 'ja' };
    expect(mistake(['--bogus', '--lang', 'ja'], noLocale)).toBe(
      '整合性チェックに --bogus というオプションはありません。`npm test -- --help` でオプションを確認できます。',
    );
    expect(mistake(['--no-docs=yes'], japanese)).toMatch(/^--no-docs は値を取らないスイッチです。/);
    expect(mistake(['extra'], japanese)).toMatch(/受け付けるのはオプションだけです（「extra」は使えません）/);
    expect(mistake(['--lang'], japanese)).toBe('--lang の後に言語を指定してください: en または ja。');
    expect(mistake(['--lang', 'fr'], japanese)).toBe('--lang の「fr」はワークショップが対応していない言語です。en か ja を指定してください。');
    expect(mistake([], { ...noLocale, WORKSHOP_LANG: 'fr', LANG: 'ja_JP.UTF-8' })).toMatch(/^WORKSHOP_LANG の「fr」は/);
    expect(mistake(['--bogus'], noLocale)).toBe('The integrity check has no option --bogus: run `npm test -- --help` to see its options.');
  });

  // These two start main.ts, but stop before any test runs.
  const runCheck = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(kitRoot, 'workshop', 'verify', 'main.ts'), ...args], {
      cwd: kitRoot,
      encoding: 'utf8',
      env: { ...process.env, WORKSHOP_LANG: '', LC_ALL: 'C' },
      timeout: 60_000,
    });

  it('npm test -- --help --lang ja: the usage in Japanese', { timeout: 60_000 }, () => {
    const result = runCheck('--help', '--lang', 'ja');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^使い方: npm test -- \[--no-docs\] \[--record\] \[--lang en\|ja\]/);
    expect(result.stdout).toMatch(/`N passed, N failed` は、CI が読み取るため、どの言語でも英語のままです。/);
    expect(result.stderr).toBe('');
  });

  it('npm test -- --bogus --lang ja: one Japanese line, then the English "0 passed, 1 failed" last, exit 2', { timeout: 60_000 }, () => {
    const result = runCheck('--bogus', '--lang', 'ja');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([ja.errors.unknownOption('--bogus')]);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});
