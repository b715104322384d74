import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

type Env = Record<string, string | undefined>;

const variables = [
  'ORDERS_TABLE',
  'AWS_REGION',
  'EMAIL_API_URL',
  'BREAKER_FAILURE_THRESHOLD',
  'BREAKER_RESET_TIMEOUT_MS',
  'LOG_LEVEL',
] as const;

/** The smallest complete environment; each test adds or spoils only what it is about. */
function validEnv(overrides: Env = {}): Env {
  return { ORDERS_TABLE: 'orders', AWS_REGION: 'ap-northeast-1', ...overrides };
}

/** Runs loadConfig(env), which must throw a ConfigError, and returns its problems. */
function problemsOf(env?: Env): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  const given = env === undefined ? 'process.env' : JSON.stringify(env);
  return expect.fail(`loadConfig should throw a ConfigError for ${given}, but it returned a Config`);
}

/** The variable each problem starts with, sorted; a problem naming none shows as itself. */
function variablesNamedIn(problems: readonly string[]): string[] {
  return problems.map((problem) => variables.find((name) => problem.startsWith(name)) ?? `(no variable) ${problem}`).sort();
}

describe('loadConfig — a valid environment', () => {
  it('returns the required values and the defaults for everything optional', () => {
    const config = loadConfig(validEnv());

    expect(config).toEqual({
      ordersTable: 'orders',
      region: 'ap-northeast-1',
      breaker: { failureThreshold: 5, resetTimeoutMs: 30000 },
      logLevel: 'info',
    });
    expect(config.emailApiUrl, 'EMAIL_API_URL is optional: without it, emailApiUrl is undefined').toBeUndefined();
  });

  it('returns every value when every variable is set', () => {
    const config = loadConfig({
      ORDERS_TABLE: 'orders-prod',
      AWS_REGION: 'eu-central-2',
      EMAIL_API_URL: 'https://email.example.com/v1',
      BREAKER_FAILURE_THRESHOLD: '3',
      BREAKER_RESET_TIMEOUT_MS: '60000',
      LOG_LEVEL: 'warn',
    });

    expect(config).toEqual({
      ordersTable: 'orders-prod',
      region: 'eu-central-2',
      emailApiUrl: 'https://email.example.com/v1',
      breaker: { failureThreshold: 3, resetTimeoutMs: 60000 },
      logLevel: 'warn',
    });
  });

  it('trims spaces, tabs and newlines around every value', () => {
    const config = loadConfig({
      ORDERS_TABLE: '  orders\n',
      AWS_REGION: '\tap-northeast-1 ',
      EMAIL_API_URL: ' https://email.example.com/v1 ',
      BREAKER_FAILURE_THRESHOLD: ' 3 ',
      BREAKER_RESET_TIMEOUT_MS: '60000\n',
      LOG_LEVEL: ' debug\t',
    });

    expect(config, 'trim each value before checking or returning it').toEqual({
      ordersTable: 'orders',
      region: 'ap-northeast-1',
      emailApiUrl: 'https://email.example.com/v1',
      breaker: { failureThreshold: 3, resetTimeoutMs: 60000 },
      logLevel: 'debug',
    });
  });

  it.each(['', '   ', '\t\n'])('treats every optional variable set to %j as not set (defaults apply)', (blank) => {
    const config = loadConfig(
      validEnv({ EMAIL_API_URL: blank, BREAKER_FAILURE_THRESHOLD: blank, BREAKER_RESET_TIMEOUT_MS: blank, LOG_LEVEL: blank }),
    );

    expect(config.emailApiUrl, 'a blank EMAIL_API_URL means "no e-mail provider"').toBeUndefined();
    expect(config.breaker, 'a blank breaker variable means "use the default"').toEqual({ failureThreshold: 5, resetTimeoutMs: 30000 });
    expect(config.logLevel, 'a blank LOG_LEVEL means "use the default"').toBe('info');
  });

  it('reads only the environment it is given, not process.env', () => {
    // process.env.AWS_REGION is set for every test; the env passed in has none.
    expect(variablesNamedIn(problemsOf({ ORDERS_TABLE: 'orders' })), 'read values from the `env` argument only').toEqual(['AWS_REGION']);
  });
});

describe('ORDERS_TABLE (required)', () => {
  it.each(['orders', 'workshop-orders-dev', 'Orders_2018.v1'])('accepts %j', (value) => {
    expect(loadConfig(validEnv({ ORDERS_TABLE: value })).ordersTable).toBe(value);
  });

  it.each([undefined, '', '   ', '\t\n'])('reports a problem when it is %j', (value) => {
    expect(variablesNamedIn(problemsOf(validEnv({ ORDERS_TABLE: value }))), 'empty or blank counts as missing').toEqual(['ORDERS_TABLE']);
  });
});

describe('AWS_REGION (required, region-shaped)', () => {
  it.each(['ap-northeast-1', 'us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-northwest-1', 'il-central-1', 'us-isob-east-1'])(
    'accepts %j',
    (value) => {
      expect(loadConfig(validEnv({ AWS_REGION: value })).region).toBe(value);
    },
  );

  it.each<[string | undefined, string]>([
    [undefined, 'missing'],
    ['', 'empty counts as missing'],
    ['  ', 'blank counts as missing'],
    ['tokyo', 'a city, not a region code'],
    // Decided: no guessing. Region codes are lower case, and the value goes verbatim into
    // endpoints, ARNs and request signatures — so the loader rejects rather than fixes it.
    ['AP-NORTHEAST-1', 'region codes are lower case'],
    ['ap-northeast-1a', 'an Availability Zone, not a Region'],
    ['ap-northeast', 'no number'],
    ['ap_northeast_1', 'underscores instead of hyphens'],
    ['dynamodb.ap-northeast-1.amazonaws.com', 'an endpoint, not a region code'],
  ])('reports a problem for %j (%s)', (value) => {
    expect(variablesNamedIn(problemsOf(validEnv({ AWS_REGION: value })))).toEqual(['AWS_REGION']);
  });
});

describe('EMAIL_API_URL (optional, absolute http(s) URL)', () => {
  it.each(['https://api.sendgrid.com/v3/mail/send', 'http://127.0.0.1:8025/send', 'https://email.internal.example.com'])(
    'accepts %j and returns it as given',
    (value) => {
      expect(loadConfig(validEnv({ EMAIL_API_URL: value })).emailApiUrl).toBe(value);
    },
  );

  it.each([
    ['api.sendgrid.com/v3/mail/send', 'no scheme'],
    ['/v3/mail/send', 'relative'],
    ['ftp://mail.example.com', 'not http(s)'],
    ['mailto:orders@example.com', 'not http(s)'],
    ['https://', 'no host'],
    ['not a url', 'not a URL at all'],
  ])('reports a problem for %j (%s)', (value) => {
    expect(variablesNamedIn(problemsOf(validEnv({ EMAIL_API_URL: value })))).toEqual(['EMAIL_API_URL']);
  });
});

describe.each([
  ['BREAKER_FAILURE_THRESHOLD', 'failureThreshold', 5],
  ['BREAKER_RESET_TIMEOUT_MS', 'resetTimeoutMs', 30000],
] as const)('%s (optional, whole number ≥ 1)', (variable, field, fallback) => {
  it(`defaults to ${fallback} when not set`, () => {
    expect(loadConfig(validEnv()).breaker[field]).toBe(fallback);
  });

  it.each([
    ['1', 1],
    ['3', 3],
    ['30000', 30000],
    ['86400000', 86400000],
  ])('reads %j as %d', (value, expected) => {
    expect(loadConfig(validEnv({ [variable]: value })).breaker[field]).toBe(expected);
  });

  it.each([
    ['0', 'must be at least 1'],
    ['-1', 'negative'],
    ['2.5', 'not whole — parseInt would quietly make it 2'],
    ['abc', 'not a number'],
    ['5x', 'trailing junk — parseInt would quietly make it 5'],
    ['1e3', 'exponent notation: write the digits'],
    ['0x10', 'hexadecimal: write the decimal digits'],
    ['Infinity', 'not a whole number'],
  ])('reports a problem for %j (%s)', (value) => {
    expect(variablesNamedIn(problemsOf(validEnv({ [variable]: value }))), 'accept plain decimal digits, ≥ 1, only').toEqual([variable]);
  });
});

describe('LOG_LEVEL (optional, debug|info|warn|error, any case)', () => {
  it.each([
    ['debug', 'debug'],
    ['DEBUG', 'debug'],
    ['Info', 'info'],
    ['WARN', 'warn'],
    ['eRRoR', 'error'],
  ] as const)('reads %j as %j', (value, expected) => {
    expect(loadConfig(validEnv({ LOG_LEVEL: value })).logLevel, 'compare without case; return lower case').toBe(expected);
  });

  it.each(['verbose', 'trace', 'warning', 'fatal', '3'])('reports a problem for %j', (value) => {
    expect(variablesNamedIn(problemsOf(validEnv({ LOG_LEVEL: value })))).toEqual(['LOG_LEVEL']);
  });
});

describe('ConfigError — every problem at once', () => {
  const everythingWrong: Env = {
    AWS_REGION: 'tokyo',
    EMAIL_API_URL: 'ftp://mail.example.com',
    BREAKER_FAILURE_THRESHOLD: '0',
    BREAKER_RESET_TIMEOUT_MS: 'soon',
    LOG_LEVEL: 'loud',
  }; // and ORDERS_TABLE missing

  it('reports every bad variable in one error, one problem each', () => {
    expect(
      variablesNamedIn(problemsOf(everythingWrong)),
      'check every variable before throwing; then throw one ConfigError listing all problems',
    ).toEqual([...variables].sort());
  });

  it('names only the variables that are wrong', () => {
    const env = validEnv({ AWS_REGION: 'AP-NORTHEAST-1', BREAKER_RESET_TIMEOUT_MS: '0', LOG_LEVEL: 'loud', EMAIL_API_URL: 'https://ok.example.com' });

    expect(variablesNamedIn(problemsOf(env))).toEqual(['AWS_REGION', 'BREAKER_RESET_TIMEOUT_MS', 'LOG_LEVEL']);
  });

  it('lists every problem in its message', () => {
    let caught: unknown;
    try {
      loadConfig(everythingWrong);
    } catch (error) {
      caught = error;
    }

    expect(caught, 'loadConfig should throw a ConfigError').toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems.length).toBeGreaterThan(1);
    for (const problem of error.problems) {
      expect(error.message, 'the message is what the logs show: put every problem in it').toContain(problem);
    }
  });

  it('is an Error named ConfigError', () => {
    const error = new ConfigError(['ORDERS_TABLE is required but not set']);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toEqual(['ORDERS_TABLE is required but not set']);
    expect(error.message).toContain('ORDERS_TABLE is required but not set');
  });
});

describe('the returned Config is frozen, all the way down', () => {
  it('freezes the config and its breaker settings', () => {
    const config = loadConfig(validEnv());

    expect(Object.isFrozen(config), 'freeze the returned object').toBe(true);
    expect(Object.isFrozen(config.breaker), 'freeze the nested breaker object too').toBe(true);
  });

  it('throws when code tries to change a setting (strict mode)', () => {
    const config = loadConfig(validEnv()) as { ordersTable: string; logLevel: string };

    expect(() => {
      config.ordersTable = 'someone-elses-table';
    }).toThrow(TypeError);
    expect(() => {
      config.logLevel = 'debug';
    }).toThrow(TypeError);
  });

  it('throws when code tries to change a breaker setting (strict mode)', () => {
    const config = loadConfig(validEnv()) as { breaker: { failureThreshold: number } };

    expect(() => {
      config.breaker.failureThreshold = 1_000_000;
    }, 'Object.freeze is shallow: freeze `breaker` as well').toThrow(TypeError);
    expect(config.breaker.failureThreshold).toBe(5);
  });
});

describe('loadConfig() with no argument', () => {
  afterEach(() => {
    vi.unstubAllEnvs(); // put process.env back as it was
  });

  function stubProcessEnv(values: Env): void {
    for (const name of variables) vi.stubEnv(name, values[name]);
  }

  /** loadConfig() on a process.env that is valid right now. */
  function loadFromProcessEnv(): ReturnType<typeof loadConfig> {
    try {
      return loadConfig();
    } catch (error) {
      const problems = error instanceof ConfigError ? error.problems.join('; ') : String(error);
      return expect.fail(
        `loadConfig() threw (${problems}) although process.env is valid now — default \`env\` to process.env when loadConfig() is called, not to a copy taken when the module loaded`,
      );
    }
  }

  it('reads process.env at the moment of the call', () => {
    stubProcessEnv({ ORDERS_TABLE: 'orders-blue', AWS_REGION: 'us-east-1', LOG_LEVEL: 'DEBUG' });
    const first = loadFromProcessEnv();
    stubProcessEnv({ ORDERS_TABLE: 'orders-green', AWS_REGION: 'eu-central-2', BREAKER_FAILURE_THRESHOLD: '2' });
    const second = loadFromProcessEnv();

    expect(first, 'default `env` to process.env as it is when loadConfig() is called, not when the module loaded').toEqual({
      ordersTable: 'orders-blue',
      region: 'us-east-1',
      breaker: { failureThreshold: 5, resetTimeoutMs: 30000 },
      logLevel: 'debug',
    });
    expect(second, 'a later call sees a later process.env').toEqual({
      ordersTable: 'orders-green',
      region: 'eu-central-2',
      breaker: { failureThreshold: 2, resetTimeoutMs: 30000 },
      logLevel: 'info',
    });
  });

  it('reports the problems it finds in process.env', () => {
    stubProcessEnv({ ORDERS_TABLE: 'orders', AWS_REGION: 'ap-northeast-1', BREAKER_RESET_TIMEOUT_MS: '-5' });

    expect(variablesNamedIn(problemsOf())).toEqual(['BREAKER_RESET_TIMEOUT_MS']);
  });
});
