/**
 * Colours, symbols and the progress bar. Colour only on a terminal, never when
 * NO_COLOR is set, always when FORCE_COLOR is (https://no-color.org).
 */
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
export function terminalWidth(): number {
  return process.stdout.columns ?? 100;
}

/** Cuts a line to fit the terminal, with an ellipsis. */
export function fit(line: string, width = terminalWidth()): string {
  const plain = stripAnsi(line);
  if (plain.length <= width) return line;
  return `${plain.slice(0, Math.max(width - 1, 10))}…`;
}

/** `██████░░░░░░░░ 3 of 12 done` */
export function progressBar(done: number, total: number, widthCells = 24): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * widthCells);
  return `${green('█'.repeat(filled))}${dim('░'.repeat(widthCells - filled))} ${done} of ${total} done`;
}

/**
 * Breaks a paragraph into lines of at most `width` columns, each starting with
 * `indent`. It breaks only at single spaces and keeps runs of spaces, so a
 * message such as "expected '   ' to be undefined" reads as it was written.
 */
export function wrap(text: string, indent = '', width = Math.min(terminalWidth(), 100)): string[] {
  const lines: string[] = [];
  let line: string | undefined;
  for (const word of text.trim().split(' ')) {
    if (line === undefined) line = word;
    else if (word !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = `${line} ${word}`;
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
