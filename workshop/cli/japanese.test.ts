/**
 * The CLI in Japanese, end to end on a fixture kit (fixture-kit.ts): chosen
 * with --lang or WORKSHOP_LANG or the locale, the kit's own words are
 * Japanese, the tests' own output is left as it is, and a wrong language is
 * one clear line. The fixture kit is English unless a test says otherwise.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasJapanese } from '../language.js';
import { binPath, createFixtureKit, freePort, withKit, type CliResult, type FixtureKit } from './fixture-kit.js';

const usage = 2;
const commandNames = ['start', 'list', 'check', 'hint', 'solution', 'reset', 'catch-up', 'restore', 'verify', 'doctor'];

/**
 * The lines that still hold English prose written by the kit: a run of four or
 * more English words, once what stays English on purpose is taken out —
 * inline code, commands (`npm run workshop -- list --all`, `npm start`),
 * paths and addresses, exercise ids.
 */
function englishProse(output: string): string[] {
  return output.split('\n').filter((line) => {
    const prose = line
      .replace(/`[^`]*`/g, ' ')
      .replace(/npm (?:start|run workshop --(?: [\w<>[\]|-]+)*)/g, ' ')
      .replace(/\S*\/\S*/g, ' ')
      .replace(/\b\d{2}-[a-z0-9-]+\b/g, ' ');
    return /[A-Za-z]+(?:[ ,]+[A-Za-z]+){3,}/.test(prose);
  });
}

/** One line on stderr, in Japanese, and no stack trace anywhere. */
function expectOneJapaneseLine(result: CliResult, message: RegExp): void {
  const lines = result.stderr.trim().split('\n');
  expect(lines, `stderr: ${result.stderr}\nstdout: ${result.stdout}`).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(hasJapanese(lines[0]!)).toBe(true);
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
}

describe('englishProse (the check the tests below rely on)', () => {
  it('finds the English sentences of `list`, and not the commands inside Japanese ones', () => {
    expect(englishProse('▸ You are on 02 · Greet: npm start to work on it.')).toHaveLength(1);
    expect(englishProse('Finding where you are: the tests of every exercise run once…')).toHaveLength(1);
    expect(englishProse('▸ 現在の演習は 01 · 足し算 です。npm start で取り組めます。全体の計画は npm run workshop -- list --all で表示できます。')).toEqual([]);
    expect(englishProse('  解説 http://localhost:5173/ja/exercises/01-add')).toEqual([]);
  });
});

describe.concurrent('the CLI in Japanese', { timeout: 60_000 }, () => {
  let kit: FixtureKit;
  beforeAll(() => {
    kit = createFixtureKit();
  });
  afterAll(() => kit.dispose());

  it('list --lang ja: the progress in Japanese, with no English sentence of the kit left', withKit(async (own) => {
    const english = await own.cli('list');
    expect(englishProse(english.stdout).length, 'the same check finds the English list').toBeGreaterThan(1);

    own.remove('.workshop');
    const result = await own.cli('list', '--lang', 'ja');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/現在の位置を調べています/);
    expect(result.stdout).toMatch(/進捗\s+░+ 0\/3 完了/);
    expect(result.stdout).toMatch(/▸ 01 · 足し算\s+失敗 2\/2\s+スライド 1/);
    expect(result.stdout).toMatch(/· 03 · 大声で言う\s+未着手\s+スライド 1/);
    expect(result.stdout).toMatch(/現在の演習は 01 · 足し算 です。npm start で取り組めます。/);
    expect(englishProse(result.stdout)).toEqual([]);
    expect(result.stderr).toBe('');
  }));

  it('list: the Japanese columns line up, a Japanese character taking two columns', withKit(async (own) => {
    own.write('.workshop/state.json', JSON.stringify({ version: 1, current: '01-add', exercises: {} }));
    const rows = (await own.cli('list', '--lang', 'ja')).stdout.split('\n').filter((line) => /^ {2}\S \d{2} · /.test(line));
    expect(rows).toHaveLength(3);
    const slidesColumn = (line: string) => {
      const before = line.slice(0, line.indexOf('スライド'));
      return [...before].reduce((width, char) => width + (hasJapanese(char) ? 2 : 1), 0);
    };
    expect(new Set(rows.map(slidesColumn)).size).toBe(1);
  }));

  it('list --all --lang ja: the plan, with links to the Japanese docs pages', withKit(async (own) => {
    own.write('.workshop/state.json', JSON.stringify({ version: 1, current: '01-add', exercises: {} }));
    const result = await own.cli('list', '--all', '--lang', 'ja');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/全体の計画: 演習 15 件（うち 3 件が用意済み）/);
    expect(result.stdout).toMatch(/解説 http:\/\/localhost:5173\/ja\/exercises\/01-add/);
    expect(result.stdout).toMatch(/12 · pingbot: 講演者自身のアプリ\s+スライド 2\s+準備中/);
    expect(englishProse(result.stdout)).toEqual([]);
  }));

  it('hint --lang ja: the Japanese hint under 「ヒント 1/3」, then 「ヒント 2/3」', withKit(async (own) => {
    const first = await own.cli('hint', '2', '--lang', 'ja');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^ヒント 1\/3 · 02 · あいさつ\n\s+あいさつ: 1 つ目のヒントです。\nさらにヒントが必要なら、npm run workshop -- hint 02 でヒント 2 を表示します。/,
    );
    expect(first.stdout).not.toMatch(/first hint|Greet/);
    expect(englishProse(first.stdout)).toEqual([]);
    expect((await own.cli('--lang=ja', 'hint', '2')).stdout).toMatch(/^ヒント 2\/3[^]*2 つ目のヒントです。/);
    expect((await own.cli('hint', '2', '--lang', 'ja')).stdout).toMatch(/ヒント 3\/3[^]*これが最後のヒントです。/);
  }));

  it('check with WORKSHOP_LANG=ja: the kit speaks Japanese, the test output stays as the test wrote it', async () => {
    const result = await kit.cliWith({ env: { WORKSHOP_LANG: 'ja' } }, 'check', '1');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ テスト 2 件中 2 件が失敗しています/);
    expect(result.stdout).toMatch(/✗ adds two numbers （同じメッセージの失敗がほかに 1 件）\n\s+Not implemented yet \(01-add\) \(add\.ts:3\)/);
    expect(result.stdout).toMatch(/行き詰まったら npm run workshop -- hint 01 でヒント 1\/3 を表示します。/);
  });

  it.each([
    [['check', '99'], /^演習「99」はありません（演習は 01〜03 です）。/],
    [['hint', 'nope'], /^演習「nope」はありません/],
    [['bogus'], /^「bogus」というコマンドはありません。/],
    [['check', '--bogus'], /^check に --bogus というオプションはありません。使い方は `npm run workshop -- check --help` で確認できます。$/],
    [['reset'], /^reset にはリセットする演習を指定してください/],
  ])('WORKSHOP_LANG=ja %j: one Japanese line, exit 2', async (argv, message) => {
    const before = kit.learnerFiles();
    const result = await kit.cliWith({ env: { WORKSHOP_LANG: 'ja' } }, ...argv);
    expect(result.code).toBe(usage);
    expectOneJapaneseLine(result, message);
    expect(kit.learnerFiles()).toEqual(before);
  });

  // Its own kit: doctor puts a probe file in exercises/ for a moment, and the tests above compare that folder on the shared kit.
  it('doctor --lang ja: every check line and the advice in Japanese, exit 0', withKit(async (own) => {
    const result = await own.cli('doctor', '--port', String(await freePort()), '--lang', 'ja');
    expect(result.code).toBe(0);
    const checks = result.stdout.split('\n').filter((line) => /^[✓!✗] /.test(line));
    expect(checks).toHaveLength(7);
    for (const line of checks) expect(hasJapanese(line), line).toBe(true);
    expect(result.stdout).toMatch(/^このマシンでワークショップを実行できるか確認しています…/);
    expect(result.stdout).toMatch(/✓ Node\.js \d+\.\d+\.\d+（20 以上が必要です）/);
    expect(result.stdout).toMatch(/✓ 演習が 3 件見つかりました/);
    expect(result.stdout).toMatch(/準備完了です。npm start を実行してください。/);
    expect(englishProse(result.stdout)).toEqual([]);
  }));

  it('doctor with WORKSHOP_LANG=ja on a broken kit: the fix in Japanese, exit 2', withKit(async (own) => {
    const pkg = JSON.parse(own.read('package.json')) as { devDependencies: Record<string, string> };
    pkg.devDependencies.vitest = '0.0.1';
    own.write('package.json', JSON.stringify(pkg));
    const result = await own.cliWith({ env: { WORKSHOP_LANG: 'ja' } }, 'doctor', '--port', String(await freePort()));
    expect(result.code).toBe(usage);
    expect(result.stdout).toMatch(/✗ キットが固定したバージョンと異なる依存パッケージがあります: vitest \S+（必要なのは 0\.0\.1）/);
    expect(result.stdout).toMatch(/上の ✗ の行を直してから、もう一度 doctor を実行してください。/);
  }));

  it('the system locale chooses Japanese when neither --lang nor WORKSHOP_LANG does', async () => {
    const result = await kit.cliWith({ env: { WORKSHOP_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' } }, 'hint', '--help');
    expect(result.stdout).toMatch(/^使い方: npm run workshop -- hint \[id\]/);
  });

  it('--lang en wins over WORKSHOP_LANG=ja', async () => {
    const result = await kit.cliWith({ env: { WORKSHOP_LANG: 'ja' } }, 'check', '99', '--lang', 'en');
    expect(result.stderr).toMatch(/^There is no exercise "99"/);
  });

  it('help --lang ja, and every command\'s --help, in Japanese, with --lang and WORKSHOP_LANG explained', async () => {
    const help = await kit.cli('--help', '--lang', 'ja');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^使い方: npm run workshop -- <command>/);
    for (const name of commandNames) expect(help.stdout).toMatch(new RegExp(`^  ${name} .*[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]`, 'mu'));
    expect(help.stdout).toMatch(/--lang en\|ja/);
    expect(help.stdout).toMatch(/WORKSHOP_LANG=en\|ja/);
    expect(englishProse(help.stdout)).toEqual([]);

    const usages = await Promise.all(commandNames.map((name) => kit.cli(name, '--help', '--lang', 'ja')));
    usages.forEach((result, index) => {
      expect(result.code, commandNames[index]).toBe(0);
      expect(result.stdout, commandNames[index]).toMatch(/^使い方: npm /);
      expect(result.stdout, commandNames[index]).toMatch(/--lang en\|ja（または WORKSHOP_LANG=en\|ja）/);
      expect(englishProse(result.stdout), commandNames[index]).toEqual([]);
    });
    expect((await kit.cli('help', 'reset', '--lang', 'ja')).stdout).toMatch(/^使い方: npm run workshop -- reset <id>/);
  });

  it('the English help explains --lang and WORKSHOP_LANG too', async () => {
    const help = await kit.cli('help');
    expect(help.stdout).toMatch(/Language: --lang en\|ja with any command \(npm start -- --lang ja\), or WORKSHOP_LANG=en\|ja/);
    expect((await kit.cli('list', '--help')).stdout).toMatch(/Every command also takes --lang en\|ja \(or WORKSHOP_LANG=en\|ja\)/);
  });
});

describe.concurrent('a language the workshop does not speak', { timeout: 60_000 }, () => {
  let kit: FixtureKit;
  beforeAll(() => {
    kit = createFixtureKit();
  });
  afterAll(() => kit.dispose());

  it.each([
    [['--lang', 'xx'], {}, /^--lang "xx" is not a language the workshop speaks: use en or ja\.$/],
    [['list', '--lang', 'xx'], {}, /^--lang "xx" is not a language/],
    [['list', '--lang=fr_FR'], {}, /^--lang "fr_FR" is not a language/],
    [['list', '--lang'], {}, /^--lang needs a value after it: en or ja\.$/],
    // With WORKSHOP_LANG itself wrong, the system locale says which language to say it in: English here.
    [['list'], { WORKSHOP_LANG: 'klingon', LC_ALL: '', LC_MESSAGES: '', LANG: 'C' }, /^WORKSHOP_LANG "klingon" is not a language the workshop speaks/],
  ])('%j with %j: one line naming where it came from, exit 2', async (argv, env, message) => {
    const result = await kit.cliWith({ env }, ...argv);
    expect(result.code).toBe(usage);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });

  it('said in Japanese when WORKSHOP_LANG asks for Japanese and --lang is wrong', async () => {
    const result = await kit.cliWith({ env: { WORKSHOP_LANG: 'ja' } }, 'list', '--lang', 'xx');
    expect(result.code).toBe(usage);
    expectOneJapaneseLine(result, /^--lang の「xx」はワークショップが対応していない言語です。en か ja を指定してください。$/);
  });
});

describe.concurrent('before the TypeScript loads (bin.mjs)', { timeout: 60_000 }, () => {
  it('dependencies not installed: said in Japanese with --lang ja', async () => {
    const kit = createFixtureKit({ nodeModules: false });
    try {
      const result = await kit.cli('list', '--lang', 'ja');
      expect(result.code).toBe(usage);
      expectOneJapaneseLine(result, /^キットの依存パッケージがインストールされていません（esbuild と vitest がありません）。/);
    } finally {
      kit.dispose();
    }
  });
});

describe('watch mode in Japanese (npm start -- --lang ja)', { timeout: 120_000 }, () => {
  it('the screen, its keys and the goodbye in Japanese; the docs link to the Japanese page', async () => {
    const kit = createFixtureKit();
    const child = spawn(process.execPath, [binPath, 'start', '--no-docs', '--lang', 'ja'], { cwd: kit.root, env: kit.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const deadline = Date.now() + 60_000;
      while (!/1 回目の実行 ·/.test(output) && Date.now() < deadline) await sleep(100);
      expect(output).toMatch(/0\/3 完了/);
      expect(output).toMatch(/▸ 01 · 足し算\s+スライド 1\n\s+編集\s+exercises\/01-add\/add\.ts\n\s+解説\s+docs\/ja\/exercises\/01-add\.md/);
      expect(output).toMatch(/✗ テスト 2 件中 2 件が失敗しています/);
      expect(output).toMatch(/最初の失敗を直して保存してください。テストがもう一度実行されます。行き詰まったら h キーでヒント 1\/3 を表示します。/);
      expect(output).toMatch(/キー操作: h、l、n、s、q のどれかを入力して Enter を押してください/);
      child.stdin.write('h\n');
      while (!/ヒント 1\/3 · 01 · 足し算/.test(output) && Date.now() < deadline) await sleep(100);
      expect(output).toMatch(/足し算: 1 つ目のヒントです。\nさらにヒントが必要なら、h キーでヒント 2 を表示します。/);
      child.stdin.write('q\n');
      expect(await exited).toBe(0);
      expect(output).toMatch(/お疲れさまでした。進捗は保存されています。npm start で続きから再開できます。/);
    } finally {
      child.kill();
      kit.dispose();
    }
  });
});
