import { describe, expect, it } from 'vitest';
import { en } from './messages/en.js';
import { ja } from './messages/ja.js';
import { columns, fit, padEnd, progressBar, stripAnsi, wrap } from './terminal.js';

describe('wrap', () => {
  it('breaks at spaces to fit the width, with the indent on every line', () => {
    expect(wrap('one two three four', '  ', 11)).toEqual(['  one two', '  three', '  four']);
  });

  it("keeps runs of spaces, so a message's quoted blanks stay as they were", () => {
    expect(wrap("expected '   ' to be undefined", '', 100)).toEqual(["expected '   ' to be undefined"]);
  });

  it('never breaks a word longer than the line', () => {
    expect(wrap('a verylongwordindeed b', '', 5)).toEqual(['a', 'verylongwordindeed', 'b']);
  });

  it('breaks Japanese between characters, counting two columns each, never before 。 or 、', () => {
    const lines = wrap('テストを実行します。失敗したら直してください。', '  ', 20);
    expect(lines).toEqual(['  テストを実行しま', '  す。失敗したら直し', '  てください。']);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(20);
    expect(wrap('あいう、えお', '', 6)).toEqual(['あい', 'う、え', 'お']);
  });

  it('keeps code and English words whole inside Japanese text', () => {
    expect(wrap('`npm start` を実行します', '', 14)).toEqual(['`npm start` を', '実行します']);
  });
});

describe('columns, padEnd and fit', () => {
  it('count a Japanese character as two columns', () => {
    expect(columns('進捗')).toBe(4);
    expect(columns('01 · Add')).toBe(8);
    expect(padEnd('完了', 6)).toBe('完了  ');
    expect(fit('あいうえおかきくけこ', 11)).toBe('あいうえお…');
  });
});

describe('progressBar', () => {
  it.each([
    [0, 12, '░'.repeat(24)],
    [6, 12, `${'█'.repeat(12)}${'░'.repeat(12)}`],
    [12, 12, '█'.repeat(24)],
  ])('%i of %i', (done, total, bar) => {
    expect(stripAnsi(progressBar(done, total, en))).toBe(`${bar} ${done} of ${total} done`);
  });

  it('in Japanese', () => {
    expect(stripAnsi(progressBar(3, 12, ja))).toBe(`${'█'.repeat(6)}${'░'.repeat(18)} 3/12 完了`);
  });
});
