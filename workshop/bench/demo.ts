/**
 * The demo's numbers (issue #6), printed by `npm run bench`: `npm run demo`
 * with 200 orders in a fresh process, start to summary — the whole time
 * (target < 15 s on a 2-core machine) and the orders per second it makes.
 *
 *   npx tsx workshop/bench/demo.ts     (just these two rows)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { kitRoot } from '../paths.js';
import { printRow, type Row } from './rows.js';

const orders = 200;

export async function benchDemo(row: Row): Promise<void> {
  const started = performance.now();
  const run = spawnSync(path.join(kitRoot, 'node_modules', '.bin', 'tsx'), ['workshop/demo/main.ts', '--orders', String(orders), '--seed', '1'], {
    cwd: kitRoot,
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  const outcome = run.status === 0 ? '' : ` (exit ${run.status}: a check failed)`;
  row(`npm run demo -- --orders ${orders} (fresh process)`, `${seconds.toFixed(1)} s`, `target < 15 s${outcome}`);
  row('demo orders per second, end to end', `${(orders / seconds).toFixed(0)}/s`, '');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await benchDemo(printRow);
