/**
 * 12 · Pingbot, the notifier, solved.
 *
 * The talk (slide 2): pingbot's third way in is the stream. Every check
 * writes to the targets table; the table's stream carries the change here, and
 * a message goes to the chat only when a target's status flips. The chat is
 * someone else's service (slide 7), so we call it through a circuit breaker.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { CircuitBreaker, CircuitOpenError } from '../03-circuit-breaker/circuit-breaker.js';

/** Where the messages go: a Slack incoming webhook, in production. */
export interface Notifier {
  post(text: string): Promise<void>;
}

export interface NotifyDeps {
  notifier: Notifier;
  /** Options of the breaker around `notifier.post`. Default: 3 failures open it for 60 s. */
  breaker?: { failureThreshold?: number; resetTimeoutMs?: number; now?: () => number };
}

// #region filter
/**
 * The event source mapping's FilterCriteria: Lambda drops every other record
 * before it invokes us (and we pay for no invocation). A pattern matches
 * values, it cannot compare OldImage with NewImage; but `status` has only two
 * values, so the flips can be listed one by one. Up to 5 patterns, ORed.
 */
const status = (value: 'UP' | 'DOWN') => ({ S: [value] });
export const statusChangeFilter = {
  Filters: [
    // A target that is DOWN the first time we hear of it…
    { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { status: status('DOWN') } } }) },
    { Pattern: JSON.stringify({ eventName: ['MODIFY'], dynamodb: { OldImage: { status: [{ exists: false }] }, NewImage: { status: status('DOWN') } } }) },
    // …and every flip.
    { Pattern: JSON.stringify({ eventName: ['MODIFY'], dynamodb: { OldImage: { status: status('UP') }, NewImage: { status: status('DOWN') } } }) },
    { Pattern: JSON.stringify({ eventName: ['MODIFY'], dynamodb: { OldImage: { status: status('DOWN') }, NewImage: { status: status('UP') } } }) },
  ],
};
// #endregion filter

// #region handler
export function createNotifyHandler(deps: NotifyDeps): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  // Built once, like a module-level client: the breaker remembers failures across warm invocations.
  const breaker = new CircuitBreaker((text: string) => deps.notifier.post(text), {
    failureThreshold: deps.breaker?.failureThreshold ?? 3,
    resetTimeoutMs: deps.breaker?.resetTimeoutMs ?? 60_000,
    now: deps.breaker?.now,
  });

  return async (event) => {
    for (const record of event.Records) {
      const text = messageFor(record);
      if (text === undefined) continue; // not a flip (the filter should have spared us this record)
      try {
        await breaker.fire(text);
      } catch (error) {
        const sequenceNumber = record.dynamodb?.SequenceNumber;
        if (!sequenceNumber) throw error;
        // Open breaker or failed post: stop here (as in 07). Lambda delivers this
        // record and the ones after it again later; the ones before are posted, once.
        const why = error instanceof CircuitOpenError ? 'the breaker is open' : String(error);
        console.warn(`Pingbot: could not post record ${sequenceNumber} (${why}); Lambda will redeliver from it.`);
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
// #endregion handler

interface CheckedTarget {
  url: string;
  status?: 'UP' | 'DOWN';
  httpStatus?: number;
  error?: string;
}

/** The text to post for this record, or `undefined` when the status did not flip. */
function messageFor(record: DynamoDBRecord): string | undefined {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const after = imageOf(record.dynamodb?.NewImage);
  const before = imageOf(record.dynamodb?.OldImage);
  if (!after?.status || after.status === before?.status) return undefined;
  if (after.status === 'UP') return before?.status ? `${after.url} is up again` : undefined; // first news, and good
  return `${after.url} is DOWN (${after.httpStatus !== undefined ? `HTTP ${after.httpStatus}` : after.error ?? 'no answer'})`;
}

function imageOf(image: Record<string, unknown> | undefined): CheckedTarget | undefined {
  return image ? (unmarshall(image as Record<string, AttributeValue>) as CheckedTarget) : undefined;
}
