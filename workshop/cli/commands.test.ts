/**
 * Every command of the learner's CLI, run as a subprocess against a fixture
 * kit (fixture-kit.ts): what it prints, its exit code, and what it leaves on disk.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, fixtureExercises, freePort, readState, withKit, type FixtureKit } from './fixture-kit.js';

const [add, greet, shout] = fixtureExercises;

function backupFolders(kit: FixtureKit): string[] {
  return readdirSync(path.join(kit.root, '.workshop', 'backups')).sort();
}

describe.concurrent('the workshop commands', { timeout: 60_000 }, () => {

  it('help lists every command, and each command has its own --help', withKit(async (kit) => {
    const help = await kit.cli('help');
    expect(help.code).toBe(0);
    for (const name of ['start', 'list', 'check', 'hint', 'solution', 'reset', 'catch-up', 'restore', 'verify', 'doctor'])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const usages = await Promise.all(
      ['start', 'list', 'check', 'hint', 'solution', 'reset', 'catch-up', 'restore', 'verify', 'doctor'].map((name) => kit.cli(name, '--help')),
    );
    for (const usage of usages) {
      expect(usage.code).toBe(0);
      expect(usage.stdout).toMatch(/^Usage: npm /);
    }
    expect((await kit.cli('help', 'reset')).stdout).toMatch(/\.workshop\/backups\//);
  }));

  it('list: finds where the learner is from a real run and saves it', withKit(async (kit) => {
    kit.write(`exercises/01-add/${add.file}`, add.solution);
    const result = await kit.cli('list');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Finding where you are/);
    expect(result.stdout).toMatch(/1 of 3 done/);
    expect(result.stdout).toMatch(/✓ 01 · Add\s+done\s+slide 1/);
    expect(result.stdout).toMatch(/▸ 02 · Greet\s+failing 1 of 1/);
    expect(result.stdout).toMatch(/· 03 · Shout\s+not started/);
    expect(readState(kit)).toMatchObject({
      current: '02-greet',
      exercises: { '01-add': { status: 'done', passed: 2, total: 2 }, '02-greet': { status: 'failing' }, '03-shout': { status: 'not-started' } },
    });
  }));

  it('list --all: the whole plan, with the exercises still to come', withKit(async (kit) => {
    kit.write('.workshop/state.json', JSON.stringify({ version: 1, current: '01-add', exercises: {} }));
    const result = await kit.cli('list', '--all');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/The whole plan: 15 exercises, 3 ready/);
    expect(result.stdout).toMatch(/01 · Add\s+slide 1\s+3 hints/);
    expect(result.stdout).toMatch(/edit exercises\/01-add\/add\.ts/);
    expect(result.stdout).toMatch(/read http:\/\/localhost:5173\/exercises\/01-add/);
    expect(result.stdout).toMatch(/12 · pingbot\s+slide 2\s+coming soon/);
  }));

  it('an exercise folder still being written (no exercise.json yet) is left out', withKit(async (kit) => {
    kit.write('exercises/04-coming/coming.ts', '// being written\n');
    kit.write('.workshop/state.json', JSON.stringify({ version: 1, current: '01-add', exercises: {} }));
    const result = await kit.cli('list');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 of 3 done/);
    expect(result.stdout).not.toMatch(/04/);
    expect((await kit.cli('check', '4')).stderr).toMatch(/^There is no exercise "4": the exercises are 01 to 03/);
  }));

  it('check: exit 1 with the failing tests and their messages, exit 0 with the recap', withKit(async (kit) => {
    const failing = await kit.cli('check', '1');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/✗ 2 of 2 tests fail/);
    expect(failing.stdout).toMatch(/✗ adds two numbers \(and 1 more with the same message\)\n\s+Not implemented yet \(01-add\) \(add\.ts:3\)/);
    expect(failing.stdout).toMatch(/Stuck\? npm run workshop -- hint 01 shows hint 1 of 3/);

    kit.write(`exercises/01-add/${add.file}`, add.solution);
    const passing = await kit.cli('check', 'add');
    expect(passing.code).toBe(0);
    expect(passing.stdout).toMatch(/✓ All 2 tests pass\./);
    expect(passing.stdout).toMatch(/Recap\n\s+Add recap: small functions are easy to test\./);
    expect(passing.stdout).toMatch(/Next: 02 · Greet/);
  }));

  it('check without an id runs the current exercise and records the result', withKit(async (kit) => {
    kit.write('.workshop/state.json', JSON.stringify({ version: 1, current: '01-add', exercises: {} }));
    kit.write(`exercises/01-add/${add.file}`, add.solution);
    const result = await kit.cli('check');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^01 · Add/);
    expect(readState(kit).exercises['01-add']).toMatchObject({ status: 'done', passed: 2, total: 2 });
  }));

  it('check shows the assertion message, which says what to do next', withKit(async (kit) => {
    const result = await kit.cli('check', '02-greet');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ greets by name\n\s+say "Hello, <name>!": expected 'Hello' to be 'Hello, Ada!'/);
  }));

  it('hint: reveals the next hint each time, remembers it, and stops at the last', withKit(async (kit) => {
    const first = await kit.cli('hint', '2');
    expect(first.stdout).toMatch(/Hint 1 of 3 · 02 · Greet\n\s+Greet: first hint\.\nNeed more\? npm run workshop -- hint 02 shows hint 2\./);
    expect(readState(kit).exercises['02-greet']?.hintsShown).toBe(1);
    expect((await kit.cli('hint', '2')).stdout).toMatch(/Hint 2 of 3[^]*second hint/);
    expect((await kit.cli('hint', '2')).stdout).toMatch(/Hint 3 of 3[^]*third hint[^]*That was the last hint/);
    expect((await kit.cli('hint', '2')).stdout).toMatch(/Hint 3 of 3/);
    expect(readState(kit).exercises['02-greet']?.hintsShown).toBe(3);
    expect((await kit.cli('list')).stdout).toMatch(/02 · Greet.*3 hints seen/);
  }));

  it('solution: a diff of the learner file against the solution, and nothing written', withKit(async (kit) => {
    const before = kit.learnerFiles();
    const result = await kit.cli('solution', '1');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- exercises/01-add/add.ts\n+++ solutions/01-add/add.ts\n@@ -1,4 +1,4 @@');
    expect(result.stdout).toContain("-  throw new Error('Not implemented yet (01-add)');\n+  return a + b;");
    expect(result.stdout).not.toMatch(/add\.test\.ts|exercise\.json/);
    expect(kit.learnerFiles()).toEqual(before);
    kit.write(`exercises/01-add/${add.file}`, add.solution);
    expect((await kit.cli('solution', '1')).stdout).toMatch(/✓ exercises\/01-add\/add\.ts is the same as the solution/);
  }));

  it('reset: backs up the learner file, puts the starter back, and restore undoes it', withKit(async (kit) => {
    kit.write(`exercises/03-shout/${shout.file}`, '// my attempt\n');
    const reset = await kit.cli('reset', 'shout');
    expect(reset.code).toBe(0);
    expect(kit.read(`exercises/03-shout/${shout.file}`)).toBe(shout.starter);
    const [backup] = backupFolders(kit);
    expect(backup).toMatch(/^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d-reset-03-shout$/);
    expect(kit.read(`.workshop/backups/${backup}/exercises/03-shout/shout.ts`)).toBe('// my attempt\n');
    expect(reset.stdout).toContain(`backed up in .workshop/backups/${backup}/`);
    expect(reset.stdout).toContain(`Undo: npm run workshop -- restore ${backup}`);

    expect((await kit.cli('reset', '3')).stdout).toMatch(/already at its starter; nothing changed/);

    const restore = await kit.cli('restore', backup!);
    expect(restore.code).toBe(0);
    expect(kit.read(`exercises/03-shout/${shout.file}`)).toBe('// my attempt\n');
    expect(restore.stdout).toMatch(/Restored .*reset-03-shout/);
    // The starter that restore replaced is itself backed up.
    expect(backupFolders(kit).some((name) => name.includes('before-restore'))).toBe(true);
  }));

  it('reset brings back a deleted learner file', withKit(async (kit) => {
    kit.remove(`exercises/02-greet/${greet.file}`);
    const result = await kit.cli('reset', '02');
    expect(result.code).toBe(0);
    expect(kit.read(`exercises/02-greet/${greet.file}`)).toBe(greet.starter);
  }));

  it('catch-up: applies the solutions before <id>, backs up first, checks them, and makes <id> current', withKit(async (kit) => {
    kit.write(`exercises/01-add/${add.file}`, '// half done\n');
    const result = await kit.cli('catch-up', '3');
    expect(result.code).toBe(0);
    expect(kit.read(`exercises/01-add/${add.file}`)).toBe(add.solution);
    expect(kit.read(`exercises/02-greet/${greet.file}`)).toBe(greet.solution);
    expect(kit.read(`exercises/03-shout/${shout.file}`)).toBe(shout.starter);
    const [backup] = backupFolders(kit);
    expect(backup).toMatch(/catch-up-to-03-shout$/);
    expect(kit.read(`.workshop/backups/${backup}/exercises/01-add/add.ts`)).toBe('// half done\n');
    expect(result.stdout).toMatch(/Caught up to 03 · Shout: the solutions of 01–02 are in place \(2 files changed\)/);
    expect(result.stdout).toMatch(/✓ 01–02 pass\. Now run npm start: it opens 03 · Shout\./);
    expect(readState(kit)).toMatchObject({ current: '03-shout', exercises: { '01-add': { status: 'done' }, '02-greet': { status: 'done' } } });
    expect((await kit.cli('list')).stdout).toMatch(/2 of 3 done[^]*▸ 03 · Shout/);
  }));

  it('a reader that stops early (`| head`) neither crashes the command nor stops its work', withKit(async (kit) => {
    const child = spawn(process.execPath, [binPath, 'catch-up', '3'], { cwd: kit.root, env: kit.env });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readState(kit)).toMatchObject({ current: '03-shout', exercises: { '01-add': { status: 'done' }, '02-greet': { status: 'done' } } });
  }));

  it('restore without an argument lists the backups, the newest first', withKit(async (kit) => {
    expect((await kit.cli('restore')).stdout).toMatch(/There are no backups yet/);
    kit.write(`exercises/01-add/${add.file}`, '// one\n');
    await kit.cli('reset', '1');
    kit.write(`exercises/02-greet/${greet.file}`, '// two\n');
    await kit.cli('reset', '2');
    const result = await kit.cli('restore');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/reset-02-greet\n\s+exercises\/02-greet\/greet\.ts\n\s+\S+reset-01-add\n\s+exercises\/01-add\/add\.ts/);
    await kit.cli('restore', 'latest');
    expect(kit.read(`exercises/02-greet/${greet.file}`)).toBe('// two\n');
  }));

  it('doctor: one line per check, exit 0 on a ready machine', withKit(async (kit) => {
    const result = await kit.cli('doctor', '--port', String(await freePort()));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ Node\.js \d+\.\d+\.\d+ \(20 or newer is needed\)/);
    expect(result.stdout).toMatch(/✓ Dependencies installed \(2 packages, as pinned in package\.json\)/);
    expect(result.stdout).toMatch(/✓ You can write to exercises\/ and \.workshop\//);
    expect(result.stdout).toMatch(/✓ git \S+, and the kit is a git clone/);
    expect(result.stdout).toMatch(/✓ 3 exercises found/);
    expect(result.stdout).toMatch(/All set: run npm start\./);
  }));

  it('doctor: exit 2 and how to fix it when a dependency is at another version', withKit(async (kit) => {
    const pkg = JSON.parse(kit.read('package.json')) as { devDependencies: Record<string, string> };
    pkg.devDependencies.vitest = '0.0.1';
    kit.write('package.json', JSON.stringify(pkg));
    const result = await kit.cli('doctor', '--port', String(await freePort()));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/✗ Dependencies at other versions than the kit pins: vitest \S+ \(wants 0\.0\.1\) — run `npm install`\./);
  }));

  it('verify --help describes the integrity check', withKit(async (kit) => {
    const result = await kit.cli('verify', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/npm test/);
    expect(readFileSync(path.join(kit.root, 'package.json'), 'utf8')).toContain('fixture-kit');
  }));
});
