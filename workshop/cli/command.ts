/** The shape of every command in commands/: main.ts lists them and runs one. */
import type { I18n, Messages } from './messages/index.js';

export interface Command {
  readonly name: string;
  /** The arguments as shown in `help`: `[id]`, `<id>`, `[--all]`. */
  readonly args: string;
  /** One line for `help`, in the learner's language. */
  summary(t: Messages): string;
  /** The whole `--help` text, in the learner's language. */
  usage(t: Messages): string;
  /** Runs the command; resolves with the exit code (0 ok, 1 tests failing, 2 usage or environment). */
  run(argv: readonly string[], i18n: I18n): Promise<number>;
}

/** What `<command> --help` prints: the command's usage, then the options every command takes. */
export function helpOf(command: Command, t: Messages): string {
  return `${command.usage(t)}\n\n${t.common.usageFooter}`;
}
