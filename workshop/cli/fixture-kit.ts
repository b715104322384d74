/**
 * A small kit for the CLI's own tests: three tiny exercises (add, greet,
 * shout) with starters, tests and solutions, a git history to reset from, and
 * the real node_modules linked in. The CLI runs against it as a subprocess,
 * through bin.mjs, pointed at it by WORKSHOP_KIT_ROOT, in English
 * (WORKSHOP_LANG=en) unless a test asks for Japanese, whatever the locale of
 * the machine the tests run on.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bilingual } from '../language.js';
import type { Progress } from './state.js';

export const binPath = fileURLToPath(new URL('./bin.mjs', import.meta.url));
const realNodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

const versionOf = (name: string) =>
  (JSON.parse(readFileSync(path.join(realNodeModules, name, 'package.json'), 'utf8')) as { version: string }).version;

interface FixtureExercise {
  readonly id: string;
  readonly title: Bilingual<string>;
  readonly file: string;
  readonly starter: string;
  readonly solution: string;
  readonly test: string;
}

/** The three exercises, in order: `const [add, greet, shout] = fixtureExercises`. */
export const fixtureExercises: readonly [FixtureExercise, FixtureExercise, FixtureExercise] = [
  {
    id: '01-add',
    title: { en: 'Add', ja: '足し算' },
    file: 'add.ts',
    starter: `// TODO: return the sum of a and b.\nexport function add(a: number, b: number): number {\n  throw new Error('Not implemented yet (01-add)');\n}\n`,
    solution: `// TODO: return the sum of a and b.\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n`,
    test: `import { expect, it } from 'vitest';\nimport { add } from './add.js';\n\nit('adds two numbers', () => {\n  expect(add(1, 2), 'add(1, 2) should be 3: return a + b').toBe(3);\n});\n\nit('adds negative numbers', () => {\n  expect(add(-1, -2), 'add(-1, -2) should be -3').toBe(-3);\n});\n`,
  },
  {
    id: '02-greet',
    title: { en: 'Greet', ja: 'あいさつ' },
    file: 'greet.ts',
    starter: `// TODO: greet by name.\nexport function greet(name: string): string {\n  return 'Hello';\n}\n`,
    solution: `// TODO: greet by name.\nexport function greet(name: string): string {\n  return \`Hello, \${name}!\`;\n}\n`,
    test: `import { expect, it } from 'vitest';\nimport { greet } from './greet.js';\n\nit('greets by name', () => {\n  expect(greet('Ada'), 'say "Hello, <name>!"').toBe('Hello, Ada!');\n});\n`,
  },
  {
    id: '03-shout',
    title: { en: 'Shout', ja: '大声で言う' },
    file: 'shout.ts',
    starter: `// TODO: shout it.\nexport function shout(text: string): string {\n  return text;\n}\n`,
    solution: `// TODO: shout it.\nexport function shout(text: string): string {\n  return \`\${text.toUpperCase()}!\`;\n}\n`,
    test: `import { expect, it } from 'vitest';\nimport { shout } from './shout.js';\n\nit('shouts', () => {\n  expect(shout('hi'), 'upper-case it and add "!"').toBe('HI!');\n});\n`,
  },
];

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface FixtureKit {
  readonly root: string;
  read(file: string): string;
  write(file: string, text: string): void;
  exists(file: string): boolean;
  remove(file: string): void;
  /** Every file under exercises/ with its content: compare before and after a command. */
  learnerFiles(): Record<string, string>;
  /** Runs the CLI in this kit: `cli('check', '1')`. */
  cli(...args: string[]): Promise<CliResult>;
  /** The same, with extra options for node and the environment. */
  cliWith(options: { nodeOptions?: string[]; env?: Record<string, string> }, ...args: string[]): Promise<CliResult>;
  /** The environment that points the CLI at this kit. */
  readonly env: NodeJS.ProcessEnv;
  dispose(): void;
}

export interface FixtureOptions {
  /** A git clone (default), so `reset` finds the starters. */
  readonly git?: boolean;
  /** node_modules linked in (default); without it, the dependencies are "not installed". */
  readonly nodeModules?: boolean;
}

function writeFile(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

export function createFixtureKit(options: FixtureOptions = {}): FixtureKit {
  const root = mkdtempSync(path.join(tmpdir(), 'workshop-kit-'));
  writeFile(
    root,
    'package.json',
    `${JSON.stringify({ name: 'fixture-kit', private: true, type: 'module', devDependencies: { esbuild: versionOf('esbuild'), vitest: versionOf('vitest') } }, null, 2)}\n`,
  );
  writeFile(
    root,
    'vitest.config.ts',
    `import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  cacheDir: '.workshop/vite-cache',\n  test: { projects: [{ test: { name: 'exercises', include: ['exercises/**/*.test.ts'] } }] },\n});\n`,
  );
  writeFile(root, '.gitignore', 'node_modules\n.workshop/\n');
  writeFile(root, 'docs/index.md', '# The fixture kit\n');
  for (const exercise of fixtureExercises) {
    const { en, ja } = exercise.title;
    // The shape of a real exercise.json: every text in English and Japanese, side by side.
    const meta = {
      id: exercise.id,
      title: exercise.title,
      slides: [1],
      files: [exercise.file],
      hints: [
        { en: `${en}: first hint.`, ja: `${ja}: 1 つ目のヒントです。` },
        { en: `${en}: second hint.`, ja: `${ja}: 2 つ目のヒントです。` },
        { en: `${en}: third hint.`, ja: `${ja}: 3 つ目のヒントです。` },
      ],
      recap: { en: `${en} recap: small functions are easy to test.`, ja: `${ja}のまとめ: 小さな関数はテストしやすいです。` },
    };
    writeFile(root, `exercises/${exercise.id}/exercise.json`, `${JSON.stringify(meta, null, 2)}\n`);
    writeFile(root, `exercises/${exercise.id}/${exercise.file}`, exercise.starter);
    writeFile(root, `exercises/${exercise.id}/${exercise.file.replace(/\.ts$/, '.test.ts')}`, exercise.test);
    writeFile(root, `solutions/${exercise.id}/${exercise.file}`, exercise.solution);
  }
  if (options.nodeModules !== false) symlinkSync(realNodeModules, path.join(root, 'node_modules'), 'dir');
  if (options.git !== false) {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', ...args], { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'the kit as shipped');
  }

  // English, whatever LANG or WORKSHOP_LANG the machine has; a test passes WORKSHOP_LANG or --lang to change it.
  const env = { ...process.env, WORKSHOP_KIT_ROOT: root, NO_COLOR: '1', FORCE_COLOR: '0', WORKSHOP_POLL: '', WORKSHOP_LANG: 'en' };
  const cliWith = (extra: { nodeOptions?: string[]; env?: Record<string, string> }, ...args: string[]) =>
    new Promise<CliResult>((resolve) => {
      const child = spawn(process.execPath, [...(extra.nodeOptions ?? []), binPath, ...args], {
        cwd: root,
        env: { ...env, ...extra.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  return {
    root,
    env,
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    write: (file, text) => writeFile(root, file, text),
    exists: (file) => existsSync(path.join(root, file)),
    remove: (file) => rmSync(path.join(root, file), { recursive: true, force: true }),
    learnerFiles: () => {
      const dir = path.join(root, 'exercises');
      const files: Record<string, string> = {};
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort())
        if (statSync(path.join(dir, file)).isFile()) files[file] = readFileSync(path.join(dir, file), 'utf8');
      return files;
    },
    cli: (...args) => cliWith({}, ...args),
    cliWith,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Each test gets its own kit, removed when the test ends (tests run concurrently). */
export function withKit(test: (kit: FixtureKit) => Promise<void>): () => Promise<void> {
  return async () => {
    const kit = createFixtureKit();
    try {
      await test(kit);
    } finally {
      kit.dispose();
    }
  };
}

/** The progress the CLI saved in the kit's .workshop/state.json. */
export function readState(kit: FixtureKit): Progress {
  return JSON.parse(kit.read('.workshop/state.json')) as Progress;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
