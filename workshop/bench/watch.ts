/**
 * Watch mode's speed, for `npm run bench`: the time from saving the learner's
 * file to its test result on screen, in a running `npm start` (one warm vitest,
 * re-run on save). It runs on a copy of the kit, so no learner file is touched.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readExercise } from '../catalog.js';
import { kitRoot } from '../paths.js';
import { median } from './rows.js';

function copyOfKit(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'workshop-bench-'));
  for (const entry of ['package.json', 'tsconfig.json', 'vitest.config.ts', 'exercises', 'solutions', 'workshop'])
    cpSync(path.join(kitRoot, entry), path.join(copy, entry), { recursive: true });
  symlinkSync(path.join(kitRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Median milliseconds from a save to the screen showing that save's result. */
async function watchLatencyMs(exerciseId: string, saves: number): Promise<number> {
  const copy = copyOfKit();
  mkdirSync(path.join(copy, '.workshop'), { recursive: true });
  writeFileSync(path.join(copy, '.workshop', 'state.json'), JSON.stringify({ version: 1, current: exerciseId, exercises: {} }));
  const file = path.join(copy, 'exercises', exerciseId, readExercise(exerciseId).files[0]!);
  const original = readFileSync(file, 'utf8');
  const cli = spawn(process.execPath, [path.join(kitRoot, 'workshop', 'cli', 'bin.mjs'), 'start', '--no-docs'], {
    cwd: copy,
    env: { ...process.env, WORKSHOP_KIT_ROOT: copy, NO_COLOR: '1', WORKSHOP_POLL: '' },
  });
  let output = '';
  cli.stdout.on('data', (chunk) => (output += chunk));
  cli.stderr.on('data', (chunk) => (output += chunk));
  const closed = new Promise((resolve) => cli.on('close', resolve));
  const shown = async (run: number, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(`\nrun ${run} ·`)) {
      if (Date.now() > deadline || cli.exitCode !== null) throw new Error(`watch mode never showed run ${run}:\n${output.slice(-2000)}`);
      await sleep(2);
    }
  };
  try {
    await shown(1);
    const samples: number[] = [];
    for (let save = 1; save <= saves; save++) {
      await sleep(400); // let the file system settle between saves
      writeFileSync(file, `${original}\n// bench save ${save}\n`);
      const savedAt = performance.now();
      await shown(save + 1);
      samples.push(performance.now() - savedAt);
    }
    return median(samples);
  } finally {
    cli.stdin.end('q\n');
    await closed;
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The row for bench/main.ts: what, the value, the target. */
export async function watchLatencyRow(exerciseId: string, runs: number): Promise<[string, string, string]> {
  const medianMs = await watchLatencyMs(exerciseId, Math.max(runs, 5));
  return [`watch mode: save → result on screen, ${exerciseId.slice(0, 2)}`, `${medianMs.toFixed(0)} ms`, 'median (target ≤ 300 ms)'];
}
