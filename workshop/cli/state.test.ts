/**
 * Progress in .workshop/state.json: derived from real test runs, and a
 * missing, corrupt or unwritable file is rebuilt, never fatal.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureExercises, readState, withKit } from './fixture-kit.js';

const [add] = fixtureExercises;

describe.concurrent('the progress file', { timeout: 60_000 }, () => {
  it.each([
    ['not JSON', '{ "version": 1, "exerc'],
    ['JSON of the wrong shape', '{ "version": 1, "current": "01-add", "exercises": { "01-add": { "status": "weird" } } }'],
  ])('%s: says so in one line, rebuilds it from a real run, exit 0', (_what, content) =>
    withKit(async (kit) => {
      kit.write(`exercises/01-add/${add.file}`, add.solution);
      kit.write('.workshop/state.json', content);
      const before = kit.learnerFiles();
      const result = await kit.cli('list');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Your progress file \.workshop\/state\.json could not be read, so it was rebuilt from a fresh test run/);
      expect(result.stdout).toMatch(/1 of 3 done/);
      expect(readState(kit)).toMatchObject({ current: '02-greet', exercises: { '01-add': { status: 'done' } } });
      expect(kit.learnerFiles()).toEqual(before);
    })(),
  );

  it('unreadable and unwritable (a folder in its place): the command still works', withKit(async (kit) => {
    mkdirSync(path.join(kit.root, '.workshop', 'state.json'), { recursive: true });
    const result = await kit.cli('list');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 of 3 done/);
  }));

  it('hints seen before the progress was complete stay counted when it is rebuilt', withKit(async (kit) => {
    await kit.cli('hint', '3');
    await kit.cli('hint', '3');
    expect(readState(kit).current).toBeUndefined();
    const result = await kit.cli('list');
    expect(result.stdout).toMatch(/03 · Shout.*2 hints seen/);
    expect(readState(kit)).toMatchObject({ current: '01-add', exercises: { '03-shout': { hintsShown: 2 } } });
  }));

  it('an unknown current exercise (removed from the kit) falls back to the first not done', withKit(async (kit) => {
    kit.write('.workshop/state.json', JSON.stringify({ version: 1, current: '09-gone', exercises: {} }));
    const result = await kit.cli('list');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/You are on 01 · Add/);
  }));
});
