/**
 * A fresh local cloud for every test, in vitest.
 *
 *   const cloud = useLocalCloud({ tables: ['orders', 'inventory'], chaos: true });
 *   it('…', async () => {
 *     cloud().subscribe('orders', handler, { reportBatchItemFailures: true });
 *     …
 *     await cloud().drain();
 *   });
 *
 * Before each test: a new cloud, its environment applied (handlers' clients
 * find it), S3 objects in a temporary folder. After each test: stopped, the
 * environment put back, the folder removed.
 *
 * Every test of a file gets its cloud at the SAME addresses: an SDK client
 * built once at module level (as Lambda code does) resolves its endpoint on
 * its first call and keeps it, so a new port per test would lose it.
 *
 * When a test with chaos fails, it prints the seed and the command that
 * replays the very same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { kitRoot } from '../paths.js';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from './index.js';

export function useLocalCloud(options: LocalCloudOptions = {}): () => LocalCloud {
  let cloud: LocalCloud | undefined;
  let folder: string | undefined;
  let ports = options.ports;

  beforeEach(async (context) => {
    folder = await mkdtemp(path.join(tmpdir(), 'local-cloud-s3-'));
    cloud = await startLocalCloud({ s3Folder: folder, ...options, ports });
    ports ??= cloud.ports;
    cloud.applyEnv();
    if (options.chaos) {
      const file = path.relative(kitRoot, context.task.file.filepath);
      const project = context.task.file.projectName ? ` --project ${context.task.file.projectName}` : '';
      const hint = `${cloud.replayHint(`${project} ${file}`.trim())} -t "${context.task.name}"`;
      context.onTestFailed(() => console.error(`\n${hint}\n`));
    }
  });

  afterEach(async () => {
    await cloud?.stop();
    cloud = undefined;
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  return () => {
    if (!cloud) throw new Error('The local cloud only runs while a test runs: call cloud() inside it(…).');
    return cloud;
  };
}
