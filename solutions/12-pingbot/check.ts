/**
 * 12 · Pingbot, the checker, solved.
 *
 * The talk (slide 2): the author's own serverless app watches websites from
 * the outside. A schedule, `rate(1 minute)`, invokes this function; it reads
 * every target from the table, asks each one over HTTP, and writes what it saw
 * back onto the target's item. The table's stream does the rest (notify.ts).
 */
import { DynamoDBClient, ScanCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
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

  // #region check
  /** One HTTP request with a deadline. Whatever goes wrong, the answer is a result, never a throw. */
  async function check(target: Target): Promise<CheckResult> {
    const startedAt = now();
    const done = (result: { httpStatus: number } | { error: string }): CheckResult => {
      const up = 'httpStatus' in result && result.httpStatus === (target.expectedStatus ?? 200);
      return { status: up ? 'UP' : 'DOWN', ...result, latencyMs: now() - startedAt, checkedAt: new Date(now()).toISOString() };
    };
    try {
      const response = await fetchTarget(target.url, {
        method: target.method ?? 'HEAD',
        redirect: 'manual', // a 301 is an answer too: compare it with expectedStatus
        signal: AbortSignal.timeout(timeoutMs), // a server that never answers must not hold the whole run
      });
      await response.body?.cancel(); // we only need the status line
      return done({ httpStatus: response.status });
    } catch (error) {
      return done({ error: describe(error, timeoutMs) });
    }
  }
  // #endregion check

  // #region handler
  return async () => {
    const targets = await scanTargets();
    // A few workers share one queue: never more than `concurrency` requests in flight.
    const queue = [...targets];
    const worker = async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        await save(target, await check(target));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  };
  // #endregion handler
}

export const handler = createCheckHandler();

/** Every target, page by page: one Scan returns at most 1 MB. */
async function scanTargets(): Promise<Target[]> {
  const targets: Target[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(new ScanCommand({ TableName: targetsTable(), ExclusiveStartKey: startKey }));
    targets.push(...(page.Items ?? []).map((item) => unmarshall(item) as Target));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return targets;
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

/** A short reason: `timed out after 100 ms`, `ECONNREFUSED`, … */
function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
