/**
 * `npm run demo`: it runs to a green summary, the same seed prints the same
 * lines, and a bad flag is one sentence and exit code 2.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { kitRoot } from '../paths.js';
import { parseDemoFlags } from './flags.js';
import { main } from './main.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The demo in its own process, as `npm run demo -- …` runs it. */
function demo(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(kitRoot, 'node_modules', '.bin', 'tsx'), ['workshop/demo/main.ts', ...args], {
      cwd: kitRoot,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('npm run demo', () => {
  // Four runs at once, shared by the tests below: two with the same seed, one with chaos (as JSON), one of your code.
  let runs: Promise<[Run, Run, Run, Run]>;
  beforeAll(() => {
    runs = Promise.all([
      demo('--orders', '5', '--seed', '3'),
      demo('--orders', '5', '--seed', '3'),
      demo('--orders', '5', '--seed', '3', '--chaos', '--json'),
      demo('--orders', '2', '--mine'),
    ]);
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
    expect(parseDemoFlags([])).toEqual({ ok: true, flags: { orders: 20, seed: 42, chaos: false, json: false, mine: false, help: false } });
    expect(parseDemoFlags(['--orders', '200', '--seed', '7', '--chaos', '--json', '--mine'])).toEqual({
      ok: true,
      flags: { orders: 200, seed: 7, chaos: true, json: true, mine: true, help: false },
    });
  });

  it.each([
    [['--orders', 'many'], '--orders takes a whole number from 1 to 10000, received "many".'],
    [['--orders', '0'], '--orders takes a whole number from 1 to 10000, received "0".'],
    [['--seed', '1.5'], '--seed takes a whole number ≥ 0, received "1.5".'],
    [['--order', '3'], "Unknown option '--order' (see npm run demo -- --help)."],
    [['fast'], "Unexpected argument 'fast': the demo takes only flags (see npm run demo -- --help)."],
  ])('%j is one sentence and exit code 2', async (argv, sentence) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(argv)).toBe(2);
    expect(error.mock.calls).toEqual([[sentence]]);
  });
});
