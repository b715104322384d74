/**
 * Exercise 02 · Twelve-factor config (solution).
 *
 * Config is whatever changes between deploys, so it comes from the environment,
 * and it is checked once, as a whole: every problem named in one error, and the
 * result frozen so no code can change it later.
 */

// #region config-type
export interface Config {
  /** Name of the orders table (`ORDERS_TABLE`). */
  readonly ordersTable: string;
  /** AWS Region code, for example `ap-northeast-1` (`AWS_REGION`). */
  readonly region: string;
  /** Base URL of the e-mail provider (`EMAIL_API_URL`); absent when not configured. */
  readonly emailApiUrl?: string;
  readonly breaker: {
    /** Consecutive failures that open the breaker (`BREAKER_FAILURE_THRESHOLD`, default 5). */
    readonly failureThreshold: number;
    /** How long the breaker stays open, in ms (`BREAKER_RESET_TIMEOUT_MS`, default 30000). */
    readonly resetTimeoutMs: number;
  };
  /** `LOG_LEVEL`, any case in the environment, lower case here; default `info`. */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}
// #endregion config-type

/** The environment did not describe a deployable configuration. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid configuration (${count}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = Object.freeze([...problems]);
  }
}

const logLevels = ['debug', 'info', 'warn', 'error'] as const;
/** Region codes: `us-east-1`, `ap-northeast-1`, `us-gov-west-1`, … — lower case only. */
const regionShape = /^[a-z]{2,4}(-[a-z]+){1,2}-\d+$/;

// #region load-config
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Each reader notes what is wrong and hands back a stand-in, so checking goes on.
  const problems: string[] = [];

  // Trimmed, and empty means "not set": `FOO=` in a template is a missing value.
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;

  const required = (name: string): string => {
    const value = read(name);
    if (value === undefined) problems.push(`${name} is required but not set`);
    return value ?? '';
  };

  const positiveInteger = (name: string, fallback: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    // Digits only: parseInt('5x') is 5 and Number('1e3') is 1000 — neither is what was meant.
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(parsed) && parsed >= 1) return parsed;
    problems.push(`${name} must be a whole number ≥ 1, got ${JSON.stringify(value)}`);
    return fallback;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name);
    if (value === undefined) return fallback;
    const match = allowed.find((candidate) => candidate === value.toLowerCase());
    if (match === undefined) problems.push(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    return match ?? fallback;
  };

  const ordersTable = required('ORDERS_TABLE');

  const region = required('AWS_REGION');
  if (region && !regionShape.test(region))
    problems.push(`AWS_REGION must be a region code such as "ap-northeast-1", got ${JSON.stringify(region)}`);

  const emailApiUrl = read('EMAIL_API_URL');
  if (emailApiUrl !== undefined && !isHttpUrl(emailApiUrl))
    // The value is not echoed: a URL may carry credentials, and this message ends up in the logs.
    problems.push('EMAIL_API_URL must be an absolute http(s) URL such as "https://email.example.com/v1"');

  const failureThreshold = positiveInteger('BREAKER_FAILURE_THRESHOLD', 5);
  const resetTimeoutMs = positiveInteger('BREAKER_RESET_TIMEOUT_MS', 30_000);
  const logLevel = oneOf('LOG_LEVEL', logLevels, 'info');

  // Only now, with every variable checked: one error names them all.
  if (problems.length > 0) throw new ConfigError(problems);

  // Frozen at every level, so no handler can "just tweak" a setting at run time.
  return Object.freeze({
    ordersTable,
    region,
    ...(emailApiUrl === undefined ? {} : { emailApiUrl }),
    breaker: Object.freeze({ failureThreshold, resetTimeoutMs }),
    logLevel,
  });
}
// #endregion load-config

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false; // not absolute, or not a URL at all
  }
}
