import { describe, expect, it } from 'vitest';
import { progressBar, stripAnsi, wrap } from './terminal.js';

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
});

describe('progressBar', () => {
  it.each([
    [0, 12, '░'.repeat(24)],
    [6, 12, `${'█'.repeat(12)}${'░'.repeat(12)}`],
    [12, 12, '█'.repeat(24)],
  ])('%i of %i', (done, total, bar) => {
    expect(stripAnsi(progressBar(done, total))).toBe(`${bar} ${done} of ${total} done`);
  });
});
