/**
 * Watch mode as the learner meets it. The keys go through a real terminal
 * (tmux, when installed); polling, a closed-off input and a busy docs port
 * through plain pipes. A save makes exactly one re-run, and a pass waits for `n`.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { binPath, createFixtureKit, fixtureExercises, readState, type FixtureKit } from './fixture-kit.js';

const [add, greet] = fixtureExercises;

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Polls `read` until it matches, or fails with what was last seen. */
async function waitFor(read: () => string, pattern: RegExp, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = read();
  while (!pattern.test(seen)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}; the screen shows:\n${seen}`);
    await sleep(100);
    seen = read();
  }
  return seen;
}

/** The CLI in watch mode in a tmux pane: a real terminal, raw keys. */
function inTmux(kit: FixtureKit, args: string[]) {
  const socket = `workshop-test-${process.pid}-${Date.now()}`;
  const tmux = (...tmuxArgs: string[]) => execFileSync('tmux', ['-L', socket, ...tmuxArgs], { encoding: 'utf8' });
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  // The shell prints the exit code when the CLI ends: plainer than asking tmux.
  // tmux passes on its own server's environment, so English is asked for here, as fixture-kit.ts does.
  const command = `cd ${quote(kit.root)} && env WORKSHOP_KIT_ROOT=${quote(kit.root)} NO_COLOR=1 WORKSHOP_POLL= WORKSHOP_LANG=en ${quote(process.execPath)} ${quote(binPath)} ${args.join(' ')}; echo "[exit $?]"`;
  tmux('new-session', '-d', '-s', 'learner', '-x', '120', '-y', '60', command);
  tmux('set-option', '-t', 'learner', 'remain-on-exit', 'on');
  return {
    screen: () => tmux('capture-pane', '-p', '-t', 'learner'),
    press: (key: string) => void tmux('send-keys', '-t', 'learner', key),

    kill: () => {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    },
  };
}

/** The CLI in watch mode with pipes: not a terminal, output appended, keys by line. */
function withPipes(kit: FixtureKit, args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [binPath, ...args], { cwd: kit.root, env: kit.env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { output: () => output, type: (line: string) => child.stdin.write(`${line}\n`), exited, kill: () => child.kill() };
}

const runCount = (text: string) => [...text.matchAll(/^run (\d+) ·/gm)].map((match) => Number(match[1])).at(-1);

describe.concurrent('watch mode', { timeout: 120_000 }, () => {
  it.skipIf(!hasTmux)('the whole loop with keys: fail, hint, save, pass, wait for n, next, solution, quit', async () => {
    const kit = createFixtureKit();
    const pane = inTmux(kit, ['start', '--no-docs']);
    try {
      let screen = await waitFor(pane.screen, /run 1 ·/);
      expect(screen).toMatch(/0 of 3 done/);
      expect(screen).toMatch(/▸ 01 · Add\s+slide 1\n\s+Edit\s+exercises\/01-add\/add\.ts\n\s+Read\s+docs\/exercises\/01-add\.md/);
      expect(screen).toMatch(/✗ 2 of 2 tests fail/);
      expect(screen).toMatch(/Stuck\? Press h for hint 1 of 3/);
      expect(screen).toMatch(/h hint · l list · n next · s solution · q quit/);

      pane.press('h');
      screen = await waitFor(pane.screen, /Hint 1 of 3 · 01 · Add/);
      expect(screen).toMatch(/Add: first hint\.\nNeed more\? Press h for hint 2\./);
      expect(readState(kit).exercises['01-add']?.hintsShown).toBe(1);

      // One save, one re-run.
      kit.write(`exercises/01-add/${add.file}`, add.solution.replace('a + b', 'a - b'));
      screen = await waitFor(pane.screen, /run 2 ·/);
      expect(screen).toMatch(/✗ 2 of 2 tests fail/);
      await sleep(1500);
      expect(runCount(pane.screen())).toBe(2);

      // A pass congratulates, shows the recap and waits.
      kit.write(`exercises/01-add/${add.file}`, add.solution);
      screen = await waitFor(pane.screen, /run 3 ·/);
      expect(screen).toMatch(/✓ All 2 tests pass\./);
      expect(screen).toMatch(/Recap\n\s+Add recap: small functions are easy to test\./);
      expect(screen).toMatch(/Press n for the next exercise, 02 · Greet\. Nothing moves on until you do\./);
      expect(screen).toMatch(/1 of 3 done/);
      await sleep(1500);
      expect(pane.screen()).toMatch(/▸ 01 · Add/);
      expect(runCount(pane.screen())).toBe(3);
      expect(readState(kit).current).toBe('01-add');

      pane.press('n');
      screen = await waitFor(pane.screen, /▸ 02 · Greet[^]*run 4 ·/);
      expect(screen).toMatch(/✗ 1 of 1 tests fail/);
      expect(readState(kit).current).toBe('02-greet');

      // n on a failing exercise asks first; anything but y keeps it.
      pane.press('n');
      await waitFor(pane.screen, /02 · Greet does not pass yet \(1 of 1 tests still fail\)\. Move on anyway\? y\/N/);
      pane.press('x');
      screen = await waitFor(pane.screen, /^(?![^]*Move on anyway)[^]*▸ 02 · Greet/);

      // s asks, then shows the diff, and changes nothing.
      const before = kit.learnerFiles();
      pane.press('s');
      await waitFor(pane.screen, /Show the solution of 02 · Greet as a diff\? It gives the answer away\. y\/N/);
      pane.press('y');
      screen = await waitFor(pane.screen, /\+\+\+ solutions\/02-greet\/greet\.ts/);
      expect(screen).toMatch(/^-  return 'Hello';\n\+  return `Hello, \$\{name\}!`;/m);
      expect(kit.learnerFiles()).toEqual(before);

      pane.press('l');
      await waitFor(pane.screen, /Your progress[^]*✓ 01 · Add\s+done/);

      pane.press('q');
      screen = await waitFor(pane.screen, /\[exit \d+\]/);
      expect(screen).toMatch(/Bye! Your progress is saved[^]*\[exit 0\]/);
      expect(greet.starter).toBe(kit.read(`exercises/02-greet/${greet.file}`));
    } finally {
      pane.kill();
      kit.dispose();
    }
  });

  it('polls when asked, re-runs once per save, names a syntax error, and reads keys line by line when the input is not a terminal', async () => {
    const kit = createFixtureKit();
    const cli = withPipes(kit, ['start', '--no-docs', '--poll']);
    try {
      await waitFor(cli.output, /run 1 ·/);
      expect(cli.output()).toMatch(/Checking for changes every 0\.1 s \(you asked for --poll\)\./);
      expect(cli.output()).toMatch(/Keys: type h, l, n, s or q and press Enter/);
      kit.write(`exercises/01-add/${add.file}`, 'export function add(a: number, b: number): number {\n  return a +;\n}\n');
      await waitFor(cli.output, /run 2 ·/);
      expect(cli.output()).toMatch(/✗ exercises\/01-add\/add\.ts line 2 does not compile: Unexpected token\./);
      kit.write(`exercises/01-add/${add.file}`, add.solution);
      await waitFor(cli.output, /run 3 ·/);
      expect(cli.output()).toMatch(/✓ All 2 tests pass\. Well done!/);
      await sleep(1000);
      expect(runCount(cli.output())).toBe(3);
      cli.type('q');
      expect(await cli.exited).toBe(0);
    } finally {
      cli.kill();
      kit.dispose();
    }
  });

  it('a test file deleted while watching: says so, and runs again once it is back', async () => {
    const kit = createFixtureKit();
    const cli = withPipes(kit, ['start', '--no-docs']);
    try {
      await waitFor(cli.output, /run 1 ·/);
      const test = kit.read('exercises/01-add/add.test.ts');
      kit.remove('exercises/01-add/add.test.ts');
      await waitFor(cli.output, /✗ The tests of 01 · Add are missing from exercises\/01-add\//);
      kit.write('exercises/01-add/add.test.ts', test);
      await waitFor(cli.output, /run 2 ·/);
      cli.type('q');
      expect(await cli.exited).toBe(0);
    } finally {
      cli.kill();
      kit.dispose();
    }
  });

  it('a busy docs port: the docs move to the next free port and the screen says where', async () => {
    const kit = createFixtureKit();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as { port: number }).port;
    const cli = withPipes(kit, ['start', '--port', String(port)]);
    try {
      const output = await waitFor(cli.output, /Port \d+ is busy, so the docs are on http:\/\/localhost:\d+\./, 40_000);
      const moved = Number(new RegExp(`Port ${port} is busy, so the docs are on http://localhost:(\\d+)\\.`).exec(output)?.[1]);
      expect(moved).toBeGreaterThan(port);
      expect(output).toMatch(new RegExp(`Read\\s+http://localhost:${moved}/exercises/01-add`));
      cli.type('q');
      expect(await cli.exited).toBe(0);
    } finally {
      cli.kill();
      server.close();
      kit.dispose();
    }
  });
});
