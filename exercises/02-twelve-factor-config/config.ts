/**
 * Exercise 02 · Twelve-factor config
 *
 * The talk (slide 8): a platform you do not run makes you build apps its way, and
 * that discipline — The Twelve-Factor App — is a benefit in itself. Factor III:
 * config lives in the environment, never in the code.
 *
 * Your task: this is the loader most projects start with. It works on a good day.
 * Make it fail well on a bad one — read the environment when called, report every
 * problem in one ConfigError, check each value's shape, and hand back a deeply
 * frozen Config. Change the places marked TODO; keep the exports as they are.
 *
 * 02 · Twelve-Factor な設定
 *
 * 講演（スライド 8）: 自分で運用しないプラットフォームでは、アプリをそのプラットフォームの
 * やり方で作ることになります。その規律（The Twelve-Factor App）は、それ自体が利点です。
 * Factor III: 設定はコードではなく環境に置きます。
 *
 * 課題: これは多くのプロジェクトが最初に書くローダーです。うまくいく日には動きます。
 * うまくいかない日にも、きちんと失敗するようにしてください。呼び出されたときに環境を
 * 読み取り、すべての問題を 1 つの ConfigError で報告し、各値の形式を確認して、すべての
 * 階層まで凍結した Config を返します。TODO の箇所を変更し、エクスポートはそのままにします。
 */

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

// TODO: this copy is taken once, when the module is first imported. A change to
// process.env after that (a test, a second deploy stage) is never seen.
// TODO(ja): このコピーは、モジュールが最初にインポートされたときに 1 回だけ取られます。その後の
// process.env の変更（テストや、2 つ目のデプロイステージ）は決して反映されません。
const environment = { ...process.env };

export function loadConfig(env: Record<string, string | undefined> = environment): Config {
  // TODO: values are used untrimmed, and "   " counts as set.
  // TODO(ja): 値がトリムされないまま使われ、"   " も設定済みとして扱われます。
  const ordersTable = env.ORDERS_TABLE;
  // TODO: stopping here hides every later problem; the next deploy finds the next one.
  // TODO(ja): ここで止まると、後続の問題がすべて隠れます。次の問題は次のデプロイで見つかることになります。
  if (!ordersTable) throw new ConfigError(['ORDERS_TABLE is required but not set']);

  const region = env.AWS_REGION;
  if (!region) throw new ConfigError(['AWS_REGION is required but not set']);
  // TODO: check that region looks like a region code (`ap-northeast-1`).
  // TODO(ja): region がリージョンコード（`ap-northeast-1`）の形式であることを確認します。

  // TODO: EMAIL_API_URL, when set, must be an absolute http(s) URL.
  // TODO(ja): EMAIL_API_URL は、設定されている場合、http(s) の絶対 URL でなければなりません。
  const emailApiUrl = env.EMAIL_API_URL;

  // TODO: parseInt('5x') is 5 and parseInt('2.5') is 2; Number('abc') is NaN. Accept
  // whole numbers ≥ 1 only, and report anything else.
  // TODO(ja): parseInt('5x') は 5、parseInt('2.5') は 2 になり、Number('abc') は NaN です。
  // 1 以上の整数だけを受け付け、それ以外はすべて報告します。
  const failureThreshold = parseInt(env.BREAKER_FAILURE_THRESHOLD ?? '5', 10);
  const resetTimeoutMs = Number(env.BREAKER_RESET_TIMEOUT_MS ?? 30000);

  // TODO: accept any case ("DEBUG"), return lower case, and reject unknown levels.
  // TODO(ja): 大文字・小文字を問わず受け付け（"DEBUG"）、小文字で返し、未知のレベルは拒否します。
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];

  // TODO: nothing stops a caller from changing these settings later; freeze them (all levels).
  // TODO(ja): このままでは、呼び出し側が後からこれらの設定を変更できてしまいます。
  // （すべての階層まで）凍結してください。
  return {
    ordersTable,
    region,
    emailApiUrl,
    breaker: { failureThreshold, resetTimeoutMs },
    logLevel,
  };
}
