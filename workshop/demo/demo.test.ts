/**
 * `npm run demo`: it runs to a green summary, the same seed prints the same
 * lines, the docs show a real run, and a bad flag is one sentence and exit code 2. These runs are pinned
 * to English (WORKSHOP_LANG=en), so a Japanese machine does not change them.
 * The last block runs the demo in Japanese: the kit's words are Japanese, the
 * data stays as it is, and the numbers are those of the English run.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasJapanese } from '../language.js';
import { docsDir, kitRoot } from '../paths.js';
import { parseDemoFlags } from './flags.js';
import { main } from './main.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The demo in its own process, as `npm run demo -- …` runs it: in English unless `env` says otherwise. */
function demo(args: readonly string[], env: NodeJS.ProcessEnv = { WORKSHOP_LANG: 'en' }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(kitRoot, 'node_modules', '.bin', 'tsx'), ['workshop/demo/main.ts', ...args], {
      cwd: kitRoot,
      env: { ...process.env, WORKSHOP_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: '', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment of the in-process tests below: English, whatever the machine's locale. */
const english = { WORKSHOP_LANG: 'en' };

/** `--orders 5 --seed 3` in English: both blocks of runs below read it, so it runs once (started by the first to ask). */
let englishRun: Promise<Run> | undefined;
const englishSeed3 = () => (englishRun ??= demo(['--orders', '5', '--seed', '3']));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('npm run demo', () => {
  // Six runs at once, shared by the tests below: two with the same seed, one with chaos (as JSON), one of your
  // code, the run the docs show (workshop/demo/record-trace.ts), and one whose mails fail before the outage.
  let runs: Promise<[Run, Run, Run, Run, Run, Run]>;
  beforeAll(() => {
    runs = Promise.all([
      englishSeed3(),
      demo(['--orders', '5', '--seed', '3']),
      demo(['--orders', '5', '--seed', '3', '--chaos', '--json']),
      demo(['--orders', '2', '--mine']),
      demo(['--orders', '4', '--seed', '18']),
      demo(['--orders', '12', '--chaos']),
    ]);
  });

  it('says the breaker opened only after it saw as many refused mails in a row as its threshold (3)', { timeout: 60_000 }, async () => {
    // Seed 42: a notifications batch fails on an injected SDK error, before any send, while the
    // provider is down. That is not the breaker, and the trace must not say it is.
    const [, , , , , chaos] = await runs;
    expect(chaos.code).toBe(0);
    let refusedInARow = 0;
    const opened: number[] = [];
    for (const line of chaos.stdout.split('\n')) {
      if (/\semail\s+✗ /.test(line)) refusedInARow++;
      if (/\semail\s+→ /.test(line)) refusedInARow = 0;
      if (/\sbreaker\s+notifications: OPEN, /.test(line)) opened.push(refusedInARow);
    }
    for (const refused of opened) expect(refused).toBeGreaterThanOrEqual(3);
  });

  it('prints exactly the recorded run the docs show (docs/guide/demo-trace.txt)', { timeout: 60_000 }, async () => {
    const [, , , , recorded] = await runs;
    const [command, ...lines] = readFileSync(path.join(docsDir, 'guide', 'demo-trace.txt'), 'utf8').split('\n');
    expect(command).toBe('$ npm run demo -- --orders 4 --seed 18');
    // When the handlers or the trace change, record it again: npx tsx workshop/demo/record-trace.ts
    expect(recorded.stdout).toBe(lines.join('\n'));
  });

  it('runs to a green summary, and the same seed prints the same lines', { timeout: 60_000 }, async () => {
    const [first, second] = await runs;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('POST /orders → 201 o-01 ');
    expect(first.stdout).toMatch(/record\s+orders INSERT \{"orderId":"o-01"\}/);
    expect(first.stdout).toMatch(/Exactly once: \d+ of \d+ checks hold\.\n$/);
    expect(first.stdout.slice(first.stdout.lastIndexOf('\nSummary\n'))).not.toContain('✗');
    expect(second.stdout).toBe(first.stdout);
  });

  it('--chaos --json: the trace as JSON on stdout, the summary on stderr, every check holding', { timeout: 60_000 }, async () => {
    const [, , chaos] = await runs;
    expect(chaos.code).toBe(0);
    const trace = JSON.parse(chaos.stdout) as { type: string; at: string }[];
    expect(trace[0]!.at).toBe('2026-11-29T09:00:00.000Z');
    expect(trace.map((event) => event.type)).toEqual(expect.arrayContaining(['record', 'batch', 'kinesis', 's3', 'chaos']));
    expect(chaos.stderr).toMatch(/All \d+ checks hold: exactly once, and at least once where a row says so\.\n$/);
  });

  it('--mine runs the exercises: unfinished handlers fail checks, never crash the demo', { timeout: 60_000 }, async () => {
    const [, , , mine] = await runs;
    expect(mine.stderr).toBe('');
    expect([0, 1]).toContain(mine.code);
    expect(mine.stdout).toContain('handlers from exercises/');
    expect(mine.stdout).toMatch(/\nSummary\n[\s\S]*checks (hold|fail)\.\n$/);
  });
});

describe('the demo flags', () => {
  it('reads the flags, with defaults', () => {
    expect(parseDemoFlags([], english)).toEqual({
      ok: true,
      flags: { orders: 20, seed: 42, chaos: false, json: false, mine: false, help: false, lang: 'en' },
    });
    expect(parseDemoFlags(['--orders', '200', '--seed', '7', '--chaos', '--json', '--mine', '--lang', 'ja'], english)).toEqual({
      ok: true,
      flags: { orders: 200, seed: 7, chaos: true, json: true, mine: true, help: false, lang: 'ja' },
    });
  });

  it('chooses the language as the CLI does: --lang, then WORKSHOP_LANG, then the system locale, then English', () => {
    const lang = (argv: string[], env: NodeJS.ProcessEnv) => {
      const parsed = parseDemoFlags(argv, env);
      return parsed.ok ? parsed.flags.lang : parsed.error;
    };
    expect(lang(['--lang=ja'], english)).toBe('ja');
    expect(lang(['--lang', 'en'], { WORKSHOP_LANG: 'ja' })).toBe('en');
    expect(lang([], { WORKSHOP_LANG: 'ja', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(lang([], { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(lang([], { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
  });

  it.each([
    [['--orders', 'many'], '--orders takes a whole number from 1 to 10000, received "many".'],
    [['--orders', '0'], '--orders takes a whole number from 1 to 10000, received "0".'],
    [['--seed', '1.5'], '--seed takes a whole number ≥ 0, received "1.5".'],
    [['--order', '3'], "Unknown option '--order' (see npm run demo -- --help)."],
    [['fast'], "Unexpected argument 'fast': the demo takes only flags (see npm run demo -- --help)."],
    [['--orders'], '--orders needs a value (see npm run demo -- --help).'],
    [['--chaos=yes'], '--chaos is a switch and takes no value (see npm run demo -- --help).'],
    [['--lang', 'fr'], '--lang "fr" is not a language the workshop speaks: use en or ja.'],
  ])('%j is one sentence and exit code 2', async (argv, sentence) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(argv, english)).toBe(2);
    expect(error.mock.calls).toEqual([[sentence]]);
  });

  it('a wrong WORKSHOP_LANG is one sentence too', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main([], { WORKSHOP_LANG: 'klingon' })).toBe(2);
    expect(error.mock.calls).toEqual([['WORKSHOP_LANG "klingon" is not a language the workshop speaks: use en or ja.']]);
  });
});

/**
 * Words that are data, not English prose: the tables and functions of the
 * system, an attribute, the language codes, AWS names, and `notifier`,
 * pingbot's function as the docs name it.
 */
const dataWords = new Set([
  ...['orders', 'shipments', 'sales', 'inventory', 'idempotency', 'targets'],
  ...['shipping', 'transform', 'archive', 'notifications', 'pingbot', 'notifier'],
  ...['expiresAt', 'sku', 'en', 'ja'],
  ...['Kinesis', 'kinesis', 'dynamodb', 'DynamoDB', 'SDK', 'API', 'POST', 'npm', 'run', 'demo'],
]);

/**
 * The lines of the demo's output that still hold English words the demo
 * wrote. What stays as it is in every language is taken out first: the
 * columns of a trace line and its type; what a function logged, posted, sent
 * as a subject or threw; JSON keys, paths and addresses, ids such as o-01 and
 * tea-sencha, sequence numbers, identifiers such as PutItem and
 * ConditionalCheckFailedException, flags (--orders) and names in capitals
 * (INSERT, WORKSHOP_LANG), the schedule `rate(1 minute)`. Every other Latin
 * word must be one of `dataWords`.
 */
function englishWords(output: string): string[] {
  const found: string[] = [];
  for (const line of output.split('\n')) {
    let text = line;
    const trace = /^\s*\d*\s+\d\d-\d\d \d\d:\d\d:\d\d {2}(\S+)\s+(.*)$/.exec(line);
    if (trace) {
      const [, type, rest] = trace as unknown as [string, string, string];
      if (type === 'log' || type === 'chat' || type === 'stuck') continue; // what a function logged or posted, an error as thrown
      text = rest;
      if (type === 'email') text = text.replace(/: [^（]*/, ' '); // the subject the function wrote
      if (type === 'result' || type === 'api' || type === 'pingbot') text = text.replace(/(?:: |✗ ).*$/, ' '); // the error as thrown
    }
    const words = text
      .replace(/\{.*\}/g, ' ')
      .replace(/\S*\/\S*/g, ' ')
      .replace(/\S+@\S+/g, ' ')
      .replace(/rate\(\d+ minutes?\)/g, ' ')
      .replace(/--\w+(?:=\S*)?/g, ' ')
      .replace(/\b[A-Z][A-Z_]+\b/g, ' ')
      .replace(/#\S+/g, ' ')
      .replace(/\b\w+(?:-\w+)+\b/g, ' ')
      .replace(/\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b/g, ' ')
      .match(/[A-Za-z_]{2,}/g);
    const english = (words ?? []).filter((word) => !dataWords.has(word));
    if (english.length > 0) found.push(`${line}   ← ${english.join(' ')}`);
  }
  return found;
}

/** The numbers of a line, in order: what must not change with the language. */
const numbers = (line: string) => line.match(/\d+(?:\.\d+)?/g) ?? [];
const isTraceLine = (line: string) => /^\s*\d*\s+\d\d-\d\d \d\d:\d\d:\d\d {2}/.test(line);
/** A row of the summary table: its label, then expected, actual, mark and note, two or more spaces apart. */
const summaryRows = (output: string, heading: string) =>
  output
    .slice(output.lastIndexOf(`\n${heading}\n`) + heading.length + 2)
    .split('\n')
    .slice(1) // the table's header
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim().split(/ {2,}/));

describe('englishWords (the check the Japanese run relies on)', () => {
  it('finds English the demo wrote, and not the data around Japanese words', () => {
    expect(englishWords('      11-29 09:00:00  cancel      o-01 cancelled by its customer')).toHaveLength(1);
    expect(englishWords('  26  11-29 09:00:00  result      shipping #1 success')).toHaveLength(1);
    expect(englishWords('  sales total (07)      506.00   506.00  ✓')).toHaveLength(1);
    expect(englishWords('  45  11-29 09:00:00  write       inventory UpdateItem {"sku":"kettle-iron"} ✗ ConditionalCheckFailedException')).toEqual([]);
    expect(englishWords('      11-29 09:00:00  email       → c-05@example.com: Your order o-02 is confirmed（プロバイダーがダウンしている）')).toEqual([]);
    expect(englishWords('  149  11-29 09:00:00  result      shipping #6 失敗: InternalServerError: Internal server error (injected)')).toEqual([]);
    expect(englishWords('      11-29 09:01:00  pingbot     rate(1 minute): http://127.0.0.1:‹port›/health をチェック（ウェブサイトは稼働中）')).toEqual([]);
  });
});

describe('npm run demo in Japanese', () => {
  // The English run of the block above (the very same run), and the same runs in Japanese: by --lang, and by WORKSHOP_LANG with chaos.
  let runs: Promise<[Run, Run, Run]>;
  beforeAll(() => {
    runs = Promise.all([
      englishSeed3(),
      demo(['--orders', '5', '--seed', '3', '--lang', 'ja']),
      demo(['--orders', '5', '--seed', '3', '--chaos'], { WORKSHOP_LANG: 'ja' }),
    ]);
  });

  it('--lang ja: the summary in Japanese, and no line the demo wrote in English', { timeout: 60_000 }, async () => {
    const [inEnglish, inJapanese] = await runs;
    expect(englishWords(inEnglish.stdout).length, 'the same check finds the English run').toBeGreaterThan(30);

    expect(inJapanese.stderr).toBe('');
    expect(inJapanese.code).toBe(0);
    expect(inJapanese.stdout).toMatch(/^npm run demo: 注文 5 件、シード 3、ハンドラーは solutions\/ から$/m);
    expect(inJapanese.stdout).toMatch(/\nサマリー\n {2}チェック +期待値 +実際\n/);
    const rows = summaryRows(inJapanese.stdout, 'サマリー');
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const [label] of rows) expect(hasJapanese(label!), label).toBe(true);
    expect(inJapanese.stdout).toMatch(/\nちょうど 1 回: (\d+) 件中 \1 件のチェックが成立しました。\n$/);
    expect(inJapanese.stdout).toMatch(/record\s+orders INSERT \{"orderId":"o-01"\}/);
    expect(englishWords(inJapanese.stdout)).toEqual([]);
  });

  it('WORKSHOP_LANG=ja with --chaos: the chaos, the breaker and the verdict in Japanese too', { timeout: 60_000 }, async () => {
    const [, , chaos] = await runs;
    expect(chaos.stderr).toBe('');
    expect(chaos.code).toBe(0);
    expect(chaos.stdout).toMatch(/chaos\s+メールプロバイダーがダウン/);
    expect(chaos.stdout).toMatch(/breaker\s+notifications: OPEN、30 秒間はプロバイダーに呼び出しが届かない/);
    expect(chaos.stdout).toMatch(/（\d+、少なくとも 1 回）/);
    expect(chaos.stdout).toMatch(/\n\d+ 件のチェックがすべて成立しました。ちょうど 1 回、「少なくとも 1 回」と書かれた行は少なくとも 1 回です。\n$/);
    expect(englishWords(chaos.stdout)).toEqual([]);
  });

  it('prints the same numbers as in English: every trace line, every value of the summary', { timeout: 60_000 }, async () => {
    const [inEnglish, inJapanese] = await runs;
    const englishLines = inEnglish.stdout.split('\n');
    const japaneseLines = inJapanese.stdout.split('\n');
    expect(japaneseLines).toHaveLength(englishLines.length);
    const trace = (lines: string[]) => lines.filter(isTraceLine).map((line) => `${line.slice(0, 34)}| ${numbers(line.slice(34)).join(' ')}`);
    expect(trace(japaneseLines)).toEqual(trace(englishLines));
    expect(trace(japaneseLines).length).toBeGreaterThan(50);
    const values = (rows: string[][]) => rows.map(([, expected, actual, mark, note]) => [expected, actual, mark, numbers(note ?? '')]);
    expect(values(summaryRows(inJapanese.stdout, 'サマリー'))).toEqual(values(summaryRows(inEnglish.stdout, 'Summary')));
  });

  it('a bad flag, --help and a Japanese system locale', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['--lang', 'ja', '--orders', 'many'], {})).toBe(2);
    expect(await main(['--order', '3', '--lang=ja'], {})).toBe(2);
    expect(await main(['--lang', 'fr'], { LANG: 'ja_JP.UTF-8' })).toBe(2);
    expect(error.mock.calls).toEqual([
      ['--orders には 1〜10000 の整数を指定してください（「many」は使えません）。'],
      ['--order というフラグはありません（npm run demo -- --help で確認できます）。'],
      ['--lang の「fr」はワークショップが対応していない言語です。en か ja を指定してください。'],
    ]);
    expect(await main(['--help'], { LANG: 'ja_JP.UTF-8' })).toBe(0);
    expect(log.mock.calls[0]![0]).toMatch(/^使い方: npm run demo -- /);
    expect(englishWords(log.mock.calls[0]![0] as string)).toEqual([]);
  });
});
