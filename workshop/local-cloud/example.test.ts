import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { hasRegion } from '../../docs/.vitepress/kit-markdown.js';
import { runExample } from './example.js';

describe('the example in the README and the docs', () => {
  it('runs: the subscriber sees the order placed, then its deletion by TTL', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runExample()).toEqual(['INSERT o-1', 'REMOVE o-1']);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('REMOVE {"orderId":"o-1"}'));
    } finally {
      log.mockRestore();
    }
  });

  it('has the region the docs include', () => {
    expect(hasRegion(readFileSync(new URL('./example.ts', import.meta.url), 'utf8'), 'local-cloud')).toBe(true);
  });
});
