/**
 * Single key presses for watch mode. On a terminal, stdin goes into raw mode
 * so a key acts at once (Ctrl-C then arrives as a key, and means quit). When
 * stdin is not a terminal (piped, or an IDE's output pane), each line typed is
 * read as its first letter, and an input that is closed simply gives no keys.
 */
import { createInterface } from 'node:readline';

export interface KeyInput {
  /** True when keys work as single presses. */
  readonly interactive: boolean;
  stop(): void;
}

const ctrlC = '\u0003';
const ctrlD = '\u0004';

export function listenForKeys(onKey: (key: string) => void): KeyInput {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    const onData = (data: string) => {
      for (const char of data) onKey(char === ctrlC || char === ctrlD ? 'q' : char.toLowerCase());
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
    return {
      interactive: true,
      stop: () => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
      },
    };
  }
  const lines = createInterface({ input: stdin });
  lines.on('line', (line) => {
    const key = line.trim().toLowerCase()[0];
    if (key) onKey(key);
  });
  return {
    interactive: false,
    stop: () => {
      lines.close();
      stdin.destroy(); // a pipe left open would keep the process alive
    },
  };
}
