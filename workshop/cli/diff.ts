/**
 * A small line diff for `solution`: the longest common subsequence of the two
 * files' lines, printed as a unified diff with three lines of context. The
 * files of an exercise are a few hundred lines, so the plain table is quick.
 */
import { cyan, dim, green, red } from './terminal.js';

export interface DiffLine {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Every line of `before` and `after`, marked kept, removed or added, in order. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // common[i * (b.length + 1) + j] = length of the longest common subsequence of a[i..] and b[j..]
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i * width + j] =
        a[i] === b[j] ? common[(i + 1) * width + j + 1]! + 1 : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);

  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) {
      lines.push({ kind: 'removed', text: a[i]! });
      i++;
    } else {
      lines.push({ kind: 'added', text: b[j]! });
      j++;
    }
  }
  return lines;
}

/**
 * The unified diff of two texts, `--- before` / `+++ after` headers and
 * `@@ -start,count +start,count @@` hunks; empty when they are the same.
 */
export function unifiedDiff(beforeName: string, afterName: string, before: string, after: string, context = 3): string[] {
  const lines = diffLines(before, after);
  const changed = lines.map((line, index) => (line.kind === 'same' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return [];

  const output = [red(`--- ${beforeName}`), green(`+++ ${afterName}`)];
  let index = 0;
  while (index < changed.length) {
    // One hunk: changes closer than 2 × context lines apart share it.
    const start = Math.max(changed[index]! - context, 0);
    let last = changed[index]!;
    while (index + 1 < changed.length && changed[index + 1]! - last <= 2 * context) last = changed[++index]!;
    const end = Math.min(last + context, lines.length - 1);
    index++;

    const hunk = lines.slice(start, end + 1);
    const beforeStart = lines.slice(0, start).filter((line) => line.kind !== 'added').length + 1;
    const afterStart = lines.slice(0, start).filter((line) => line.kind !== 'removed').length + 1;
    const beforeCount = hunk.filter((line) => line.kind !== 'added').length;
    const afterCount = hunk.filter((line) => line.kind !== 'removed').length;
    output.push(cyan(`@@ -${beforeStart},${beforeCount} +${afterStart},${afterCount} @@`));
    for (const line of hunk) {
      if (line.kind === 'same') output.push(dim(` ${line.text}`));
      else if (line.kind === 'removed') output.push(red(`-${line.text}`));
      else output.push(green(`+${line.text}`));
    }
  }
  return output;
}
