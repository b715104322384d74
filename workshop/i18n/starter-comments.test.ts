/**
 * The instructions inside the starter files speak both languages. The header
 * comment (the talk's idea and "Your task") holds the English text and then
 * the Japanese one; every `// TODO:` is followed, right after its last line,
 * by its Japanese twin `// TODO(ja):` with the same number and the same code
 * (the `spans` in backticks, in the same order), as in each exercise's hints.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeSpans, readCatalog } from '../catalog.js';
import { hasJapanese } from '../language.js';
import { exercisesDir } from '../paths.js';

/** `// TODO:` or `// TODO 2:`, after code or on its own line; ` * TODO:` inside a doc comment. */
const englishTodo = /^(?<code>.*?)(?<lead>\/\/|\*) TODO(?<num> \d+)?: /;
/** `// TODO(ja):` or `// TODO(ja) 2:`, always on its own line. */
const japaneseTodo = /^(?<code>\s*)(?<lead>\/\/|\*) TODO\(ja\)(?<num> \d+)?: /;
/**
 * What looks like a TODO marker that neither pattern knows (`//TODO:`, `// TODO (ja):`, `// TODO 1 :`).
 * Prose such as " * TODO を順に進めてください。" in a header is no marker.
 */
const malformedTodo = /(?:\/\/|^\s*\*)\s*TODO\s*[(:\d]/;

interface Marker {
  readonly language: 'en' | 'ja';
  readonly indent: string;
  readonly lead: string;
  readonly num: string;
}

function markerOf(line: string): Marker | undefined {
  const ja = japaneseTodo.exec(line);
  if (ja?.groups) return { language: 'ja', indent: ja.groups.code ?? '', lead: ja.groups.lead ?? '', num: ja.groups.num ?? '' };
  const en = englishTodo.exec(line);
  if (!en?.groups) return undefined;
  const code = en.groups.code ?? '';
  // A `*` marks a TODO only at the start of a line of a block comment, never after code.
  if (en.groups.lead === '*' && code.trim() !== '') return undefined;
  return { language: 'en', indent: /^\s*/.exec(code)?.[0] ?? '', lead: en.groups.lead ?? '', num: en.groups.num ?? '' };
}

/** The lines of one TODO block: its marker line and the comment lines that continue it. */
function blockAt(lines: readonly string[], start: number, marker: Marker): { end: number; text: string } {
  const first = lines[start] ?? '';
  const markerAt = first.indexOf(`${marker.lead} TODO`, marker.language === 'en' ? 0 : marker.indent.length);
  const texts = [first.slice(markerAt + marker.lead.length)];
  let end = start + 1;
  // A TODO after code is one line; one on its own line goes on while the comment does.
  const ownLine = first.slice(0, markerAt).trim() === '';
  const lead = marker.lead === '//' ? '//' : '\\*';
  const continuation = new RegExp(`^${marker.indent}${lead} +\\S`);
  while (ownLine && end < lines.length) {
    const line = lines[end] ?? '';
    if (!continuation.test(line) || markerOf(line) !== undefined || malformedTodo.test(line)) break;
    texts.push(line.slice(marker.indent.length + marker.lead.length));
    end += 1;
  }
  return { end, text: texts.join(' ') };
}


/** What is wrong with the bilingual instructions of one starter file; `number` is the exercise's, e.g. `03`. */
function starterCommentProblems(source: string, number: string): string[] {
  const problems: string[] = [];
  const lines = source.split('\n');

  // The header: the first /** … */ block, English first, then the Japanese from the exercise number on.
  const close = lines.findIndex((line) => line.trim() === '*/');
  if (lines[0] !== '/**' || close < 0) {
    problems.push('the file does not start with a /** … */ header comment');
  } else {
    const header = lines.slice(1, close);
    const firstJapanese = header.findIndex(hasJapanese);
    const english = (firstJapanese < 0 ? header : header.slice(0, firstJapanese)).join('\n');
    const japanese = firstJapanese < 0 ? '' : header.slice(firstJapanese).join('\n');
    if (!/Your task/.test(english)) problems.push('the header has no English "Your task" before its Japanese text');
    if (!hasJapanese(japanese)) problems.push('the header has no Japanese text');
    else {
      if (!japanese.includes('課題')) problems.push('the Japanese header does not state the task (課題)');
      if (!header[firstJapanese]?.startsWith(` * ${number} · `))
        problems.push(`the Japanese header must start with " * ${number} · " and the Japanese title`);
      if (header[firstJapanese - 1] !== ' *') problems.push('a blank " *" line must separate the English and the Japanese header');
    }
  }

  // The TODOs: each English block, then right after it its Japanese twin.
  let english = 0;
  let japanese = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] ?? '';
    const at = `line ${i + 1}`;
    const marker = markerOf(line);
    if (marker === undefined) {
      if (malformedTodo.test(line))
        problems.push(`${at}: a TODO comment in an unknown form (use "// TODO:" and "// TODO(ja):"): ${line.trim()}`);
      i += 1;
      continue;
    }
    if (marker.language === 'ja') {
      japanese += 1;
      problems.push(`${at}: a TODO(ja) must come right after its English TODO`);
      i = blockAt(lines, i, marker).end;
      continue;
    }
    english += 1;
    const en = blockAt(lines, i, marker);
    const next = lines[en.end] ?? '';
    const twin = markerOf(next);
    if (twin?.language !== 'ja') {
      problems.push(`${at}: "TODO${marker.num}" has no "TODO(ja)${marker.num}" right after it`);
      i = en.end;
      continue;
    }
    japanese += 1;
    const ja = blockAt(lines, en.end, twin);
    const where = `line ${en.end + 1}`;
    if (twin.num !== marker.num) problems.push(`${where}: "TODO(ja)${twin.num}" follows "TODO${marker.num}": use the same number`);
    if (twin.indent !== marker.indent || twin.lead !== marker.lead)
      problems.push(`${where}: the TODO(ja) must have the English TODO's indentation and comment style`);
    if (!hasJapanese(ja.text)) problems.push(`${where}: the TODO(ja) is not written in Japanese`);
    const enSpans = codeSpans(en.text);
    const jaSpans = codeSpans(ja.text);
    if (enSpans !== jaSpans)
      problems.push(`${where}: the TODO(ja) must keep the code of its TODO (the same \`spans\`, in the same order): ${enSpans} ≠ ${jaSpans}`);
    i = ja.end;
  }
  if (english === 0) problems.push('the file has no "// TODO:" comment');
  if (english !== japanese) problems.push(`${english} TODO comment(s) but ${japanese} TODO(ja) comment(s)`);
  return problems;
}

describe('the instructions in every starter file are bilingual', () => {
  const files = readCatalog().flatMap((exercise) =>
    exercise.files.map((file) => ({ id: exercise.id, number: exercise.id.slice(0, 2), file })),
  );

  it('reads every file the exercises list', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const { id, number, file } of files)
    it(`exercises/${id}/${file}`, () => {
      const source = readFileSync(path.join(exercisesDir, id, file), 'utf8');
      expect(starterCommentProblems(source, number)).toEqual([]);
    });
});

describe('starterCommentProblems', () => {
  const header = [
    '/**',
    ' * 03 · Circuit breaker. The talk (slide 7): a breaker stops calling a failing dependency.',
    ' *',
    ' * Your task: make `CircuitBreaker` work.',
    ' *',
    ' * 03 · サーキットブレーカー。講演（スライド 7）: ブレーカーは失敗している依存先の呼び出しを止めます。',
    ' *',
    ' * 課題: `CircuitBreaker` を動くようにします。',
    ' */',
  ];
  const file = (...body: string[]) => [...header, ...body].join('\n');
  const good = file(
    'export function f(a: number): number {',
    '  // TODO 1: return `a` doubled,',
    '  //         not `a` itself.',
    '  // TODO(ja) 1: `a` そのものではなく、',
    '  //             `a` を 2 倍にした値を返します。',
    '  return a; // TODO: keep this line short.',
    '  // TODO(ja): この行は短く保ちます。',
    '}',
  );

  it('accepts each TODO followed by its Japanese twin', () => {
    expect(starterCommentProblems(good, '03')).toEqual([]);
  });

  it('reports a TODO added without its Japanese twin', () => {
    const source = good.replace('}', '  // TODO: and log it.\n}');
    expect(starterCommentProblems(source, '03')).toEqual([
      expect.stringContaining('"TODO" has no "TODO(ja)" right after it'),
      '3 TODO comment(s) but 2 TODO(ja) comment(s)',
    ]);
  });

  it('reports a Japanese twin that is not right after its TODO', () => {
    const source = good.replace('  // TODO(ja): この行は短く保ちます。\n}', '}\n// TODO(ja): この行は短く保ちます。');
    const problems = starterCommentProblems(source, '03');
    expect(problems).toContainEqual(expect.stringContaining('"TODO" has no "TODO(ja)" right after it'));
    expect(problems).toContainEqual(expect.stringContaining('a TODO(ja) must come right after its English TODO'));
  });

  it('reports a twin with another number, in English, or without the code of its TODO', () => {
    expect(starterCommentProblems(good.replace('TODO(ja) 1:', 'TODO(ja) 2:'), '03')).toEqual([
      expect.stringContaining('use the same number'),
    ]);
    expect(starterCommentProblems(good.replace('この行は短く保ちます。', 'keep this line short.'), '03')).toEqual([
      expect.stringContaining('is not written in Japanese'),
    ]);
    expect(starterCommentProblems(good.replace('`a` を 2 倍', 'a を 2 倍'), '03')).toEqual([
      expect.stringContaining('the same `spans`, in the same order'),
    ]);
  });

  it('reports a header without Japanese, and a TODO in an unknown form', () => {
    const english = good.split('\n').filter((line, i) => i < 4 || i > 7).join('\n');
    expect(starterCommentProblems(english, '03')).toEqual(['the header has no Japanese text']);
    expect(starterCommentProblems(good.replace('}', '  // TODO (ja): ログに出します。\n}'), '03')).toEqual([
      expect.stringContaining('a TODO comment in an unknown form'),
    ]);
  });
});
