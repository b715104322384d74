import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

describe('the workshop command', () => {
  afterEach(() => vi.restoreAllMocks());

  function capture() {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void out.push(line));
    return out;
  }

  it('prints the commands for help', async () => {
    const out = capture();
    expect(await main(['help'])).toBe(0);
    expect(out.join('\n')).toMatch(/check \[id\]/);
  });

  it.each([
    [['bogus'], /^Unknown command "bogus"\. Run `npm run workshop -- help`/],
    [['check', '99'], /^There is no exercise "99"\./],
    [['check', 'circuit'], /^There is no exercise "circuit"\./],
  ])('answers %j with one clear sentence and exit code 2', async (argv, message) => {
    const out = capture();
    expect(await main(argv)).toBe(2);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(message);
  });
});
