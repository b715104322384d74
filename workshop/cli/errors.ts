/**
 * The errors the CLI expects. Each carries one sentence for the learner and the
 * exit code the command ends with; main.ts prints the sentence, never a stack.
 *
 *   0  ok             1  tests failing             2  usage or environment error
 */
export const ExitCode = { ok: 0, testsFailing: 1, usageOrEnvironment: 2 } as const;

/** Base of the CLI's own errors: a message the learner can act on. */
export class WorkshopError extends Error {
  override name = 'WorkshopError';
  readonly exitCode: number = ExitCode.usageOrEnvironment;
}

/** The command line is wrong: an unknown command, exercise id or option. */
export class UsageError extends WorkshopError {
  override name = 'UsageError';
}

/** The machine or the kit is not ready: missing files, dependencies, git, a busy port. */
export class EnvironmentError extends WorkshopError {
  override name = 'EnvironmentError';
}

/** A backup could not be written, so nothing was overwritten. */
export class BackupError extends EnvironmentError {
  override name = 'BackupError';
}
