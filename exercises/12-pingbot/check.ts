/**
 * 12 · Pingbot, the checker.
 *
 * The talk (slide 2): the author's own serverless app watches websites from
 * the outside. A schedule, `rate(1 minute)`, invokes this function; it reads
 * every target from the table, asks each one over HTTP, and writes what it saw
 * back onto the target's item. The table's stream does the rest (notify.ts).
 *
 * Your task: make `createCheckHandler` check every target, with a timeout and
 * at most `concurrency` requests in flight, and save each result. Writing a
 * result back (`save`) already works. Work through the TODOs.
 *
 * 12 · pingbot: 講演者自身のアプリ（チェッカー）。
 *
 * 講演（スライド 2）: 講演者自身のサーバーレスアプリは、Web サイトを外側から監視します。
 * スケジュール `rate(1 minute)` がこの関数を呼び出し、関数はテーブルからすべての
 * ターゲットを読み取って、それぞれに HTTP で問い合わせ、見た結果をターゲットの項目に
 * 書き戻します。残りはテーブルのストリームが担います（notify.ts）。
 *
 * 課題: `createCheckHandler` が、タイムアウト付きで、同時に実行中のリクエストを最大
 * `concurrency` 個に抑えて、すべてのターゲットをチェックし、各結果を保存するように
 * します。結果の書き戻し（`save`）はすでに動きます。TODO を順に進めてください。
 */
import { DynamoDBClient, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';

/** A target as an operator saves it. The check adds its result to the same item. */
export interface Target {
  targetId: string;
  url: string;
  /** Default `HEAD`: the status line is all we need. */
  method?: string;
  /** Default 200. */
  expectedStatus?: number;
}

/** What one check writes back. Exactly one of `httpStatus` and `error` is set. */
export interface CheckResult {
  status: 'UP' | 'DOWN';
  httpStatus?: number;
  error?: string;
  latencyMs: number;
  /** ISO-8601, from `now()`. */
  checkedAt: string;
}

export interface CheckDeps {
  fetch?: typeof fetch;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
  /** Give up on a target after this long. Default 10 s, pingbot's socket timeout. */
  timeoutMs?: number;
  /** Most checks in flight at once. Default 5. */
  concurrency?: number;
}

// A module-level client: reused while the execution environment stays warm.
const dynamodb = new DynamoDBClient({});

export function createCheckHandler(deps: CheckDeps = {}): (event: ScheduledEvent) => Promise<void> {
  const fetchTarget = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const concurrency = deps.concurrency ?? 5;

  /** One HTTP request with a deadline. Whatever goes wrong, the answer is a result, never a throw. */
  async function check(target: Target): Promise<CheckResult> {
    // TODO 2: request target.url with fetchTarget, method target.method ?? 'HEAD', and a signal
    //   that aborts after timeoutMs (AbortSignal.timeout). A server that never answers must not
    //   hold the whole run. Don't follow redirects (`redirect: 'manual'`): a 301 is an answer.
    // TODO(ja) 2: fetchTarget で target.url にリクエストします。メソッドは target.method ?? 'HEAD'、シグナルは
    //   timeoutMs の後に中断するもの（AbortSignal.timeout）です。応答しないサーバーが実行全体を
    //   止めてはいけません。リダイレクトはたどりません（`redirect: 'manual'`）。301 も 1 つの応答です。
    // TODO 3: UP iff response.status === (target.expectedStatus ?? 200): `{ status, httpStatus }`.
    //   A refused connection or a timeout is DOWN with a short `error` (no httpStatus).
    //   latencyMs = now() after − now() before; checkedAt = new Date(now()).toISOString().
    // TODO(ja) 3: response.status === (target.expectedStatus ?? 200) のとき、かつそのときに限り UP です:
    //   `{ status, httpStatus }`。接続の拒否やタイムアウトは、短い `error` を付けた DOWN です
    //   （httpStatus はなし）。latencyMs = 後の now() − 前の now()、
    //   checkedAt = new Date(now()).toISOString()。
    throw new Error(
      `Not implemented yet (12-pingbot): check() should request ${target.url} with a timeout and compare the answer's status with expectedStatus.`,
    );
  }

  return async () => {
    const targets = await scanTargets();
    // TODO 4: at most `concurrency` checks in flight at once, not one after the
    //   other and not all at once: a few workers taking targets from one shared queue.
    // TODO(ja) 4: 同時に実行中のチェックを最大 `concurrency` 個にします。1 つずつ順番にでも、全部同時にでも
    //   ありません。1 つの共有キューからターゲットを取っていく、少数のワーカーです。
    for (const target of targets) {
      await save(target, await check(target));
    }
  };
}

export const handler = createCheckHandler();

/** Every target of the table. */
async function scanTargets(): Promise<Target[]> {
  // TODO 1: one Scan returns one page (at most 1 MB). While the answer has a LastEvaluatedKey,
  //   scan again with ExclusiveStartKey set to it.
  // TODO(ja) 1: 1 回の Scan が返すのは 1 ページ（最大 1 MB）です。応答に LastEvaluatedKey がある間は、
  //   ExclusiveStartKey にその値を設定して、もう一度スキャンします。
  const page = await dynamodb.send(new ScanCommand({ TableName: targetsTable() }));
  return (page.Items ?? []).map((item) => unmarshall(item) as Target);
}

/** Writes the result onto the target's item; the operator's fields stay as they are. */
async function save(target: Target, result: CheckResult): Promise<void> {
  const outcome = result.httpStatus !== undefined ? 'httpStatus' : 'error';
  const stale = outcome === 'httpStatus' ? 'error' : 'httpStatus';
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: targetsTable(),
      Key: { targetId: { S: target.targetId } },
      // SET what this check saw, REMOVE what the last check saw and this one did not.
      UpdateExpression: `SET #status = :status, #${outcome} = :outcome, #latencyMs = :latencyMs, #checkedAt = :checkedAt REMOVE #${stale}`,
      ExpressionAttributeNames: {
        '#status': 'status',
        [`#${outcome}`]: outcome,
        [`#${stale}`]: stale,
        '#latencyMs': 'latencyMs',
        '#checkedAt': 'checkedAt',
      },
      ExpressionAttributeValues: {
        ':status': { S: result.status },
        ':outcome': outcome === 'httpStatus' ? { N: String(result.httpStatus) } : { S: result.error ?? 'unknown error' },
        ':latencyMs': { N: String(result.latencyMs) },
        ':checkedAt': { S: result.checkedAt },
      },
    }),
  );
}

function targetsTable(): string {
  const name = process.env.TARGETS_TABLE;
  if (!name) throw new Error('TARGETS_TABLE is not set: it names the table of targets to check');
  return name;
}
