/**
 * `npm run bench` — how fast the kit is, side by side, in one run.
 * A script, not a test: numbers vary by machine. Targets on a 2-core machine:
 * one exercise within 1.2× of bare vitest, the whole `npm test` ≤ 60 s,
 * node_modules ≤ 250 MB.
 *
 *   npm run bench -- --runs 5 --exercise 03
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findExercise, readExercise } from '../catalog.js';
import { kitRoot } from '../paths.js';
import { watchLatencyRow } from './watch.js';
import { benchSite } from './site.js';
import { benchLocalCloud } from './local-cloud.js';
import { benchDemo } from './demo.js';
import { median, printRow as row } from './rows.js';

// The SDK warns on Node 20 every time a client starts; the kit supports Node 20 on purpose.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, exercise: { type: 'string', default: '03' } },
});
const runs = Number(values.runs);
const exerciseId = findExercise(values.exercise!);
if (!exerciseId || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench -- [--runs N] [--exercise ID]');
  process.exit(2);
}

const bin = (name: string) => path.join(kitRoot, 'node_modules', '.bin', name);

/** Wall-clock milliseconds of one command, run to completion. */
function timeOnce(command: string, args: string[]): number {
  const started = performance.now();
  spawnSync(command, args, { cwd: kitRoot, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
  return performance.now() - started;
}

function directoryBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

const testFile = path.join('exercises', exerciseId, readExercise(exerciseId).files[0]!.replace(/\.ts$/, '.test.ts'));
const bare: number[] = [];
const kit: number[] = [];
for (let run = 0; run < runs; run++) {
  // Interleaved, so a slow moment of the machine hits both alike.
  bare.push(timeOnce(bin('vitest'), ['run', '--project', 'exercises', testFile]));
  kit.push(timeOnce(process.execPath, ['workshop/cli/bin.mjs', 'check', exerciseId]));
}
const bareMs = median(bare);
const kitMs = median(kit);
const testMs = timeOnce('npm', ['test']);
const nodeModulesMb = directoryBytes(path.join(kitRoot, 'node_modules')) / 1e6;

console.log(`Benchmarks (median of ${runs} for the exercise runs)\n`);
row(`bare vitest run ${testFile.split('/')[1]}`, `${(bareMs / 1000).toFixed(2)} s`, '');
row(`workshop check ${exerciseId.slice(0, 2)} (fresh process)`, `${(kitMs / 1000).toFixed(2)} s`, `${(kitMs / bareMs).toFixed(2)}× bare (target ≤ 1.20×)`);
row(...(await watchLatencyRow(exerciseId, runs)));
row('npm test (the whole integrity check)', `${(testMs / 1000).toFixed(1)} s`, 'target ≤ 60 s');
await benchSite(row, exerciseId);
await benchLocalCloud(row);
await benchDemo(row);
row('node_modules', `${nodeModulesMb.toFixed(0)} MB`, 'target ≤ 250 MB');
