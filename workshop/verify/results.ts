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

export function describeError(error: ErrorSummary): string {
  return `${error.name}: ${error.message.split('\n')[0]}${error.where ? ` (${error.where})` : ''}`;
}
