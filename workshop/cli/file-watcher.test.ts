import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FileWatcher, type WatchMode } from './file-watcher.js';

describe.each<[string, WatchMode]>([
  ['native events', { polling: false }],
  ['polling', { polling: true, reason: 'flag' }],
])('FileWatcher with %s', (_name, mode) => {
  let dir: string;
  let watcher: FileWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function watchFolder() {
    dir = mkdtempSync(path.join(tmpdir(), 'watcher-'));
    writeFileSync(path.join(dir, 'add.ts'), 'export const add = 1;\n');
    const changes: string[][] = [];
    watcher = new FileWatcher(dir, mode, (files) => changes.push(files));
    return changes;
  }

  it('reports one save once, with the file', async () => {
    const changes = watchFolder();
    writeFileSync(path.join(dir, 'add.ts'), 'export const add = 2;\n');
    await sleep(400);
    expect(changes).toEqual([[path.join(dir, 'add.ts')]]);
  });

  it('reports a file emptied and then written as one change', async () => {
    const changes = watchFolder();
    writeFileSync(path.join(dir, 'add.ts'), '');
    await sleep(5);
    writeFileSync(path.join(dir, 'add.ts'), 'export const add = 3;\n');
    await sleep(400);
    expect(changes).toHaveLength(1);
  });

  it("ignores an editor's swap and backup files", async () => {
    const changes = watchFolder();
    writeFileSync(path.join(dir, '.add.ts.swp'), 'swap');
    writeFileSync(path.join(dir, 'add.ts~'), 'backup');
    await sleep(400);
    expect(changes).toEqual([]);
  });
});
