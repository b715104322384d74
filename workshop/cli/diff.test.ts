import { describe, expect, it } from 'vitest';
import { diffLines, unifiedDiff } from './diff.js';

describe('diffLines', () => {
  it('keeps common lines and marks what was removed and added, removals first', () => {
    expect(diffLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it.each([
    ['', 'x\n', [{ kind: 'added', text: 'x' }]],
    ['x\n', '', [{ kind: 'removed', text: 'x' }]],
    ['same\n', 'same\n', [{ kind: 'same', text: 'same' }]],
  ])('%j → %j', (before, after, expected) => {
    expect(diffLines(before, after)).toEqual(expected);
  });
});

describe('unifiedDiff', () => {
  const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a', 'b', before, before)).toEqual([]);
  });

  it('prints hunks with three lines of context and their line numbers', () => {
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', '');
    expect(unifiedDiff('mine.ts', 'solution.ts', before, after)).toEqual([
      '--- mine.ts',
      '+++ solution.ts',
      '@@ -1,5 +1,5 @@',
      ' line 1',
      '-line 2',
      '+line two',
      ' line 3',
      ' line 4',
      ' line 5',
      '@@ -15,6 +15,5 @@',
      ' line 15',
      ' line 16',
      ' line 17',
      '-line 18',
      ' line 19',
      ' line 20',
    ]);
  });

  it('joins changes closer than twice the context into one hunk', () => {
    const after = before.replace('line 5\n', 'five\n').replace('line 9\n', 'nine\n');
    expect(unifiedDiff('a', 'b', before, after).filter((line) => line.startsWith('@@'))).toEqual(['@@ -2,11 +2,11 @@']);
  });
});
