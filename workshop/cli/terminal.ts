/**
 * Colours, symbols, the progress bar and text laid out in columns. Colour only
 * on a terminal, never when NO_COLOR is set, always when FORCE_COLOR is
 * (https://no-color.org). Japanese characters take two columns of a terminal,
 * so widths are counted in columns, not in characters.
 */
import type { Messages } from './messages/index.js';

const useColor =
  !process.env.NO_COLOR && (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : process.stdout.isTTY === true);

function paint(open: number, close: number): (text: string) => string {
  return (text) => (useColor ? `\x1b[${open}m${text}\x1b[${close}m` : text);
}

export const bold = paint(1, 22);
export const dim = paint(2, 22);
export const red = paint(31, 39);
export const green = paint(32, 39);
export const yellow = paint(33, 39);
export const cyan = paint(36, 39);

export const symbols = {
  pass: green('✓'),
  fail: red('✗'),
  warn: yellow('!'),
  current: cyan('▸'),
  todo: dim('·'),
} as const;

const ansiCodes = /\x1b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ansiCodes, '');
}

/** Columns to lay text out in; 100 when the output is not a terminal. */
function terminalWidth(): number {
  return process.stdout.columns ?? 100;
}

/** East Asian wide characters (kana, kanji, full-width forms, Hangul): two columns each. */
const wideCharacter = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** How many columns a text takes on a terminal: `進捗` takes 4, `done` takes 4. */
export function columns(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) width += wideCharacter.test(char) ? 2 : 1;
  return width;
}

/** Pads a text with spaces to `width` columns, as String#padEnd does for characters. */
export function padEnd(text: string, width: number): string {
  return `${text}${' '.repeat(Math.max(width - columns(text), 0))}`;
}

/** Cuts a line to fit the terminal, with an ellipsis. */
export function fit(line: string, width = terminalWidth()): string {
  const plain = stripAnsi(line);
  if (columns(plain) <= width) return line;
  const room = Math.max(width - 1, 10);
  let cut = '';
  for (const char of plain) {
    if (columns(cut + char) > room) break;
    cut += char;
  }
  return `${cut}…`;
}

/** `██████░░░░░░░░ 3 of 12 done` (`3/12 完了` in Japanese) */
export function progressBar(done: number, total: number, t: Messages, widthCells = 24): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * widthCells);
  return `${green('█'.repeat(filled))}${dim('░'.repeat(widthCells - filled))} ${t.common.doneOf(done, total)}`;
}

/** Japanese punctuation that must not start a line, and brackets that must not end one. */
const noLineStart = /^[、。，．・：；？！ー」』）】〕ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…]/u;
const noLineEnd = /[「『（【〔]$/u;

/**
 * The pieces a word may be broken into. English words stay whole; Japanese has
 * no spaces between words, so a line may break between any two Japanese
 * characters, except before 。、」 and the like or after 「.
 * `テストを実行します。` → `テ`, `ス`, `ト`, `を`, `実`, `行`, `し`, `ま`, `す。`
 */
function breakablePieces(word: string): string[] {
  const pieces: string[] = [];
  for (const char of word) {
    const last = pieces.at(-1);
    if (last === undefined) {
      pieces.push(char);
      continue;
    }
    const bothNarrow = !wideCharacter.test(char) && !wideCharacter.test([...last].at(-1)!);
    if (bothNarrow || noLineStart.test(char) || noLineEnd.test(last)) pieces[pieces.length - 1] = `${last}${char}`;
    else pieces.push(char);
  }
  return pieces.length > 0 ? pieces : [word];
}

/**
 * Breaks a paragraph into lines of at most `width` columns, each starting with
 * `indent`. It breaks at single spaces, and between Japanese characters, and
 * keeps runs of spaces, so a message such as "expected '   ' to be undefined"
 * reads as it was written.
 */
export function wrap(text: string, indent = '', width = Math.min(terminalWidth(), 100)): string[] {
  const lines: string[] = [];
  let line: string | undefined;
  for (const word of text.trim().split(' ')) {
    for (const [index, piece] of breakablePieces(word).entries()) {
      const glue = index === 0 ? ' ' : ''; // a space only where the text had one
      if (line === undefined) line = piece;
      else if (piece !== '' && columns(`${indent}${line}${glue}${piece}`) > width) {
        lines.push(indent + line);
        line = piece;
      } else line = `${line}${glue}${piece}`;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Moves to the top left and clears the screen and its scroll-back. */
export const clearScreen = '\x1b[H\x1b[2J\x1b[3J';

/** Example: `npm run workshop -- hint 03`, in the colour of a command. */
export function command(text: string): string {
  return cyan(`npm run workshop -- ${text}`);
}
