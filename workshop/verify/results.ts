/**
 * Plain records of a test run, cut loose from vitest's objects so the judging
 * rules (judge.ts) are simple functions that tests can feed by hand.
 */
export interface TestOutcome {
  /** "describe > test", as vitest prints it. */
  readonly name: string;
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** First line of each error: "AssertionError: expected 2 to be 1". */
  readonly errors: readonly ErrorSummary[];
}

export interface ErrorSummary {
  readonly name: string;
  /**
   * Thrown by `expect`: vitest's AssertionError, or a failed custom matcher
   * (such as aws-sdk-client-mock-vitest's), which carries actual and expected.
   */
  readonly assertion?: boolean;
  readonly message: string;
  /** Where it was thrown, when known: "exercises/03-circuit-breaker/circuit-breaker.ts:12:5". */
  readonly where?: string;
}

/** All test files of one exercise (or of the tooling) under one target. */
export interface ModuleOutcome {
  /** The vitest project: `exercises`, `solutions`, `wrong:…`, `tooling`. */
  readonly project: string;
  /** Path relative to the kit, for example `exercises/03-circuit-breaker/circuit-breaker.test.ts`. */
  readonly file: string;
  /** Errors that stopped the file from loading at all (syntax, import, top-level throw). */
  readonly loadErrors: readonly ErrorSummary[];
  readonly tests: readonly TestOutcome[];
}

export function exerciseOf(file: string): string | undefined {
  return /^exercises\/(\d{2}-[a-z0-9-]+)\//.exec(file)?.[1];
}

const ansiCodes = /\x1b\[[0-9;]*m/g;

/**
 * One line for a report: "SyntaxError: Unexpected token (exercises/…/file.ts:77:23)".
 * A message that ends its first line with ":" (as a failed transform does) keeps
 * its second line, and a location named inside the message is used when the
 * stack has none.
 */
export function describeError(error: ErrorSummary): string {
  const message = error.message.replace(ansiCodes, '');
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  let text = lines[0] ?? '';
  if (text.endsWith(':') && lines[1]) text = `${text} ${lines[1]}`;
  const where = error.where ?? /((?:exercises|solutions|workshop)\/[^\s\]]+:\d+:\d+)/.exec(message)?.[1];
  return `${error.name}: ${text}${where ? ` (${where})` : ''}`;
}
