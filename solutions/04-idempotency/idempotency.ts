/**
 * 04 · Idempotency: reference solution.
 *
 * The talk (slide 9) says FaaS demands idempotency: the platform may run your
 * function again for the same event, on another instance you know nothing
 * about. The only thing two instances share is the table, so the lock is one
 * conditional write there, and the record remembers the result for next time.
 */
import { createHash } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/** Another call with the same key is running, and its lock has not timed out. */
export class IdempotencyInProgressError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IdempotencyInProgressError';
  }
}

interface IdempotencyOptions<I> {
  /** Table whose string partition key is `id`. */
  tableName: string;
  /** Default: `new DynamoDBClient({})`. */
  client?: DynamoDBClient;
  /** Default: SHA-256 hex of the input's canonical JSON. */
  keyOf?: (input: I) => string;
  /** How long a completed result is replayed. Default 3600 s. */
  expiresAfterSeconds?: number;
  /** How long an unfinished call holds the lock. Default 60000 ms. */
  inProgressTimeoutMs?: number;
  /** Clock, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

const Status = { InProgress: 'INPROGRESS', Completed: 'COMPLETED' } as const;

/** One item of the idempotency table. */
interface IdempotencyRecord {
  id: string;
  status: (typeof Status)[keyof typeof Status];
  /** Epoch SECONDS: after this the record counts as absent (also usable as DynamoDB TTL). */
  expiration: number;
  /** Epoch MILLISECONDS: after this an INPROGRESS record may be taken over. */
  inProgressExpiration?: number;
  /** JSON of the result; absent when `fn` resolved to `undefined`. */
  data?: string;
}

type LockResult = { locked: true } | { locked: false; existing: IdempotencyRecord | undefined };

/** How many times in all we try the lock when the record changes under us. */
const maxLockAttempts = 2;

const toEpochSeconds = (epochMs: number): number => Math.floor(epochMs / 1000);

/** JSON with object keys sorted at every depth; arrays keep their order. */
function canonicalJson(value: unknown): string {
  const sortKeys = (_key: string, current: unknown): unknown =>
    current !== null && typeof current === 'object' && !Array.isArray(current)
      ? Object.fromEntries(Object.entries(current).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : current;
  return JSON.stringify(value, sortKeys) ?? 'null';
}

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export function makeIdempotent<I, R>(
  fn: (input: I) => Promise<R>,
  options: IdempotencyOptions<I>,
): (input: I) => Promise<R> {
  const {
    tableName,
    client = new DynamoDBClient({}),
    keyOf = (input: I) => sha256Hex(canonicalJson(input)),
    expiresAfterSeconds = 3600,
    inProgressTimeoutMs = 60_000,
    now = Date.now,
  } = options;

  const isExpired = (record: IdempotencyRecord, nowMs: number) => record.expiration < toEpochSeconds(nowMs);
  const inProgressTimedOut = (record: IdempotencyRecord, nowMs: number) =>
    record.inProgressExpiration !== undefined && record.inProgressExpiration < nowMs;

  // #region timeline
  /*
   * The timeline of one record, written when the lock is taken at time t:
   *
   *   t                      t + inProgressTimeoutMs          t + expiresAfterSeconds
   *   |--------- LOCKED --------|-------- up for grabs ------------|-- absent -->  time
   *   INPROGRESS: others get      INPROGRESS still: the next          expired: the next
   *   IdempotencyInProgressError  caller takes over (the first        call runs fn again
   *                               one crashed or timed out)
   *   COMPLETED (fn returned): every caller gets the stored result ---|
   *
   *   inProgressExpiration is epoch MILLISECONDS, expiration is epoch SECONDS.
   */
  const keyIsAbsent = 'attribute_not_exists(#id)';
  const recordHasExpired = '#expiration < :nowEpochSeconds';
  const inProgressHasTimedOut = '#status = :inProgress AND #inProgressExpiration < :nowEpochMs';
  const lockIsFree = [keyIsAbsent, recordHasExpired, `(${inProgressHasTimedOut})`].join(' OR ');
  // #endregion timeline

  // #region lock
  /** One conditional PutItem: either we hold the lock, or we learn which record stood in the way. */
  async function lock(id: string, nowMs: number): Promise<LockResult> {
    const record: IdempotencyRecord = {
      id,
      status: Status.InProgress,
      expiration: toEpochSeconds(nowMs) + expiresAfterSeconds,
      inProgressExpiration: nowMs + inProgressTimeoutMs,
    };
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall(record),
          ConditionExpression: lockIsFree,
          ExpressionAttributeNames: {
            '#id': 'id',
            '#expiration': 'expiration',
            '#status': 'status',
            '#inProgressExpiration': 'inProgressExpiration',
          },
          ExpressionAttributeValues: marshall({
            ':nowEpochSeconds': toEpochSeconds(nowMs),
            ':nowEpochMs': nowMs,
            ':inProgress': Status.InProgress,
          }),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { locked: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error; // throttling etc.: fn never runs
      // DynamoDB hands back the blocking item; some stand-ins (dynalite) do not,
      // so read it, strongly consistent, or we might see a stale copy.
      const item =
        error.Item ??
        (await client.send(new GetItemCommand({ TableName: tableName, Key: marshall({ id }), ConsistentRead: true })))
          .Item;
      return { locked: false, existing: item && (unmarshall(item) as IdempotencyRecord) };
    }
  }
  // #endregion lock

  async function runHoldingLock(id: string, input: I, nowMs: number): Promise<R> {
    let result: R;
    try {
      result = await fn(input);
    } catch (error) {
      // Free the key so the next delivery retries. Should this delete fail, its
      // error wins, and the lock frees itself after inProgressTimeoutMs.
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall({ id }) }));
      throw error;
    }
    const completed: IdempotencyRecord = {
      id,
      status: Status.Completed,
      expiration: toEpochSeconds(nowMs) + expiresAfterSeconds,
      data: JSON.stringify(result),
    };
    // We hold the lock, so a plain write replaces our INPROGRESS record.
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: marshall(completed, { removeUndefinedValues: true }) }),
    );
    return result;
  }

  // #region replay
  return async (input: I): Promise<R> => {
    const id = keyOf(input);
    for (let attempt = 1; attempt <= maxLockAttempts; attempt++) {
      const nowMs = now();
      const outcome = await lock(id, nowMs);
      if (outcome.locked) return runHoldingLock(id, input, nowMs);

      const record = outcome.existing;
      if (record && !isExpired(record, nowMs)) {
        if (record.status === Status.Completed) {
          return (record.data === undefined ? undefined : JSON.parse(record.data)) as R;
        }
        if (!inProgressTimedOut(record, nowMs)) {
          throw new IdempotencyInProgressError(
            `Another call with idempotency key ${id} is in progress; try again later.`,
          );
        }
      }
      // The record changed between our PutItem and our read: it was deleted
      // (the other call failed) or it expired just now. Nothing blocks us any
      // more, so try the lock once again; the condition still decides.
    }
    throw new IdempotencyInProgressError(`The record for idempotency key ${id} keeps changing; try again later.`);
  };
  // #endregion replay
}
