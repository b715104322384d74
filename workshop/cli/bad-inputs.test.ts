/**
 * Every mistake a learner can make, and every machine that is not ready, gets
 * one clear sentence, the right exit code, no stack trace — and no learner file
 * changes. The CLI runs as a subprocess against a fixture kit.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureKit, type CliResult, type FixtureKit } from './fixture-kit.js';

const usage = 2;

/** One sentence on stderr, nothing that looks like a stack trace. */
function expectOneSentence(result: CliResult, message: RegExp): void {
  const lines = result.stderr.trim().split('\n');
  expect(lines, `stderr: ${result.stderr}\nstdout: ${result.stdout}`).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(lines[0]).toMatch(/[.!]$/);
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
}

describe.concurrent('bad input on the command line', { timeout: 60_000 }, () => {
  let kit: FixtureKit;
  beforeAll(() => {
    kit = createFixtureKit();
  });
  afterAll(() => kit.dispose());

  it.each([
    [['bogus'], /^There is no command "bogus": run `npm run workshop -- help`/],
    [['check', '99'], /^There is no exercise "99": the exercises are 01 to 03/],
    [['check', 'circuit'], /^There is no exercise "circuit"/],
    [['check', '0'], /^There is no exercise "0"/],
    [['hint', 'nope'], /^There is no exercise "nope"/],
    [['solution', '42'], /^There is no exercise "42"/],
    [['reset'], /^reset needs the exercise to reset, for example/],
    [['reset', '77'], /^There is no exercise "77"/],
    [['catch-up'], /^catch-up needs the exercise to join at/],
    [['catch-up', 'later'], /^There is no exercise "later"/],
    [['check', '1', '2'], /^check takes one exercise id, so "2" is one too many/],
    [['list', 'extra'], /^list takes no arguments, so "extra" is one too many/],
    [['check', '--bogus'], /^check has no option --bogus\. Run `npm run workshop -- check --help`/],
    [['start', '--port'], /^--port needs a value after it/],
    [['start', '--port', 'abc'], /^--port needs a port number from 1 to 65535, not "abc"/],
    [['doctor', '--port', '99999'], /^--port needs a port number from 1 to 65535, not "99999"/],
    [['list', '--all=yes'], /^--all is a switch and takes no value/],
    [['restore', 'no-such-backup'], /^There is no backup "no-such-backup": `npm run workshop -- restore` lists them/],
    [['help', 'bogus'], /^There is no command "bogus"/],
  ])('%j: one sentence, exit 2, nothing changed', async (argv, message) => {
    const before = kit.learnerFiles();
    const result = await kit.cli(...argv);
    expect(result.code).toBe(usage);
    expectOneSentence(result, message);
    expect(kit.learnerFiles()).toEqual(before);
  });
});

describe.concurrent('a kit or machine that is not ready', { timeout: 60_000 }, () => {
  it('a deleted test file: says which tests are missing and how to get them back', async () => {
    const kit = createFixtureKit();
    kit.remove('exercises/01-add/add.test.ts');
    const before = kit.learnerFiles();
    const result = await kit.cli('check', '1');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^The tests of 01 · Add are missing from exercises\/01-add\/: get them back with `git checkout/);
    expect(kit.learnerFiles()).toEqual(before);
    kit.dispose();
  });

  it("a deleted learner's file: points at reset and restore", async () => {
    const kit = createFixtureKit();
    kit.remove('exercises/02-greet/greet.ts');
    const result = await kit.cli('check', 'greet');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^exercises\/02-greet\/greet\.ts is missing: `npm run workshop -- reset 02` brings back the starter/);
    kit.dispose();
  });

  it("a learner's syntax error: names the file and line, exit 1", async () => {
    const kit = createFixtureKit();
    kit.write('exercises/01-add/add.ts', 'export function add(a: number, b: number): number {\n  return a +;\n}\n');
    const before = kit.learnerFiles();
    const result = await kit.cli('check', '01');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ exercises\/01-add\/add\.ts line 2 does not compile: Unexpected token\./);
    expect(result.stdout).not.toMatch(/^\s+at /m);
    expect(result.stderr).toBe('');
    expect(kit.learnerFiles()).toEqual(before);
    kit.dispose();
  });

  it('dependencies not installed: says to run npm install', async () => {
    const kit = createFixtureKit({ nodeModules: false });
    const result = await kit.cli('list');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^The kit's dependencies are not installed \(esbuild and vitest missing\): run npm install in .+ first\.$/);
    kit.dispose();
  });

  it('Node too old: says which version is needed before loading anything', async () => {
    const kit = createFixtureKit();
    const fakeNode18 = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.19.0"})';
    const result = await kit.cliWith({ nodeOptions: ['--import', fakeNode18] }, 'list');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^This workshop needs Node\.js 20 or newer, and this is Node\.js 18\.19\.0: install/);
    kit.dispose();
  });

  it('reset outside a git clone: says where the starter comes from, changes nothing', async () => {
    const kit = createFixtureKit({ git: false });
    kit.write('exercises/01-add/add.ts', '// my attempt\n');
    const before = kit.learnerFiles();
    const result = await kit.cli('reset', '1');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^The starter of exercises\/01-add\/add\.ts comes from git, and this folder is not a git clone of the kit/);
    expect(kit.learnerFiles()).toEqual(before);
    kit.dispose();
  });

  it('a backup that fails stops reset before anything is overwritten', async () => {
    const kit = createFixtureKit();
    kit.write('exercises/01-add/add.ts', '// my attempt\n');
    kit.write('.workshop/backups', 'a file where the backups folder should be\n');
    const before = kit.learnerFiles();
    const result = await kit.cli('reset', '1');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^Your files could not be backed up to \.workshop\/backups\/ \((ENOTDIR|EEXIST)\), so nothing was changed/);
    expect(kit.learnerFiles()).toEqual(before);
    kit.dispose();
  });

  it('a backup that fails stops catch-up too', async () => {
    const kit = createFixtureKit();
    kit.write('exercises/01-add/add.ts', '// my attempt\n');
    kit.write('.workshop/backups', 'not a folder\n');
    const before = kit.learnerFiles();
    const result = await kit.cli('catch-up', '3');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /could not be backed up.*so nothing was changed/);
    expect(kit.learnerFiles()).toEqual(before);
    kit.dispose();
  });

  it('catch-up with a solution missing from the kit changes nothing', async () => {
    const kit = createFixtureKit();
    kit.remove('solutions/02-greet/greet.ts');
    kit.write('exercises/01-add/add.ts', '// my attempt\n');
    const before = kit.learnerFiles();
    const result = await kit.cli('catch-up', '3');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^The kit has no solution for exercises\/02-greet\/greet\.ts \(solutions\/02-greet\/greet\.ts is missing\), so nothing was changed/);
    expect(kit.learnerFiles()).toEqual(before);
    kit.dispose();
  });

  it('a broken exercise.json names the file and the problem', async () => {
    const kit = createFixtureKit();
    kit.write('exercises/02-greet/exercise.json', '{ "id": "02-greet", ');
    const result = await kit.cli('list');
    expect(result.code).toBe(usage);
    expectOneSentence(result, /^exercises\/02-greet\/exercise\.json cannot be read/);
    kit.dispose();
  });

  describe('the docs port is taken', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((resolve) => server.listen(0, resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('doctor says the port is busy and which one the docs will use', async () => {
      const kit = createFixtureKit();
      const result = await kit.cli('doctor', '--port', String(port));
      expect(result.stdout).toMatch(new RegExp(`! Port ${port} is busy \\(another dev server\\?\\): the docs will use \\d+`));
      kit.dispose();
    });
  });
});
