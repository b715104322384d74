/** The shape of every command in commands/: main.ts lists them and runs one. */
export interface Command {
  readonly name: string;
  /** The arguments as shown in `help`: `[id]`, `<id>`, `[--all]`. */
  readonly args: string;
  /** One line for `help`. */
  readonly summary: string;
  /** The whole `--help` text. */
  readonly usage: string;
  /** Runs the command; resolves with the exit code (0 ok, 1 tests failing, 2 usage or environment). */
  run(argv: readonly string[]): Promise<number>;
}
