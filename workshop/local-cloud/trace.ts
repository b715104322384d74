/**
 * The trace: a timeline of everything the local cloud did, in order.
 *
 *   write → record → batch → invocation → result → retry → failure → on-failure
 *
 * Tests assert on it (`cloud.trace.ofType('retry')`), the CLI prints it
 * (`formatTrace`), the docs can draw it (`toJSON()`). Every event carries the
 * local clock's time, never the wall clock's, so two runs with the same seed
 * give the very same JSON.
 */
import type { StreamEventName } from '../streams/stream-record.js';
import { traceWords, type TraceWords } from './trace-words.js';

type Key = Record<string, unknown>;

export type TraceEvent = { readonly seq: number; readonly at: string } & (
  | { readonly type: 'write'; readonly table: string; readonly operation: string; readonly key?: Key; readonly error?: string }
  | {
      readonly type: 'record';
      readonly table: string;
      readonly eventName: StreamEventName;
      readonly key: Key;
      readonly sequenceNumber: string;
      readonly byTtl: boolean;
    }
  | { readonly type: 'filtered'; readonly subscriber: string; readonly sequenceNumber: string }
  | { readonly type: 'batch'; readonly subscriber: string; readonly sequenceNumbers: readonly string[] }
  | {
      readonly type: 'invocation';
      readonly subscriber: string;
      readonly invocation: number;
      readonly attempt: number;
      readonly sequenceNumbers: readonly string[];
    }
  | {
      readonly type: 'result';
      readonly subscriber: string;
      readonly invocation: number;
      readonly outcome: 'success' | 'partial-failure' | 'failure';
      readonly reportedSequenceNumbers?: readonly string[];
      readonly error?: string;
    }
  | {
      readonly type: 'retry';
      readonly subscriber: string;
      readonly reason: 'error' | 'partial-failure' | 'bisect';
      /** Retries so far of these records (a bisect does not count one, as on AWS). */
      readonly retries: number;
      readonly sequenceNumbers: readonly string[];
    }
  | { readonly type: 'failure'; readonly subscriber: string; readonly retries: number; readonly sequenceNumbers: readonly string[] }
  | {
      readonly type: 'on-failure';
      readonly subscriber: string;
      readonly startSequenceNumber: string;
      readonly endSequenceNumber: string;
      readonly batchSize: number;
    }
  | {
      readonly type: 'chaos';
      readonly kind: 'duplicate' | 'replay' | 'sdk-error';
      readonly subject: string;
      /** In English: what comes again, or the error code an SDK call gets. */
      readonly detail: string;
      /** A replay: how many records come again (the whole batch). */
      readonly count?: number;
      /** A duplicate: the first record that comes again. */
      readonly from?: string;
    }
  | { readonly type: 'clock'; readonly to: string }
  | {
      readonly type: 'kinesis';
      readonly stream: string;
      readonly partitionKey: string;
      readonly sequenceNumber?: string;
      readonly errorCode?: string;
    }
  | { readonly type: 's3'; readonly bucket: string; readonly key: string; readonly bytes: number }
);

export type TraceEventType = TraceEvent['type'];
/** An event as it is added: the trace stamps `seq` and `at`. */
export type NewTraceEvent = TraceEvent extends infer E ? (E extends unknown ? Omit<E, 'seq' | 'at'> : never) : never;

export class Trace {
  private readonly list: TraceEvent[] = [];

  constructor(private readonly now: () => Date) {}

  add(event: NewTraceEvent): void {
    this.list.push({ seq: this.list.length + 1, at: this.now().toISOString(), ...event } as TraceEvent);
  }

  get events(): readonly TraceEvent[] {
    return this.list;
  }

  ofType<T extends TraceEventType>(type: T): Extract<TraceEvent, { type: T }>[] {
    return this.list.filter((event): event is Extract<TraceEvent, { type: T }> => event.type === type);
  }

  toJSON(): TraceEvent[] {
    return [...this.list];
  }

  /** One readable line per event (what the CLI prints), in English or in `words`' language. */
  format(words: TraceWords = traceWords.en): string {
    return formatTrace(this.list, words);
  }
}

/** `…` keeps long sequence numbers readable: 1000000000000000000012 → 1000…0012 */
export function short(sequenceNumber: string): string {
  return sequenceNumber.length > 10 ? `${sequenceNumber.slice(0, 4)}…${sequenceNumber.slice(-4)}` : sequenceNumber;
}

/** `7 records 9999…9950–9999…9992`, `1 record 9999…9964`. */
function range(sequenceNumbers: readonly string[], words: TraceWords): string {
  const first = sequenceNumbers[0] ?? '?';
  const last = sequenceNumbers[sequenceNumbers.length - 1] ?? '?';
  return words.records(sequenceNumbers.length, sequenceNumbers.length === 1 ? short(first) : `${short(first)}–${short(last)}`);
}

/** What happened, in words: everything after the `type` column. */
export function describeEvent(event: TraceEvent, words: TraceWords = traceWords.en): string {
  switch (event.type) {
    case 'write': {
      const operation = event.operation === 'TTL delete' ? words.ttlDelete : event.operation;
      return `${event.table} ${operation} ${JSON.stringify(event.key ?? {})}${event.error ? ` ✗ ${event.error}` : ''}`;
    }
    case 'record':
      return `${event.table} ${event.eventName} ${JSON.stringify(event.key)} #${short(event.sequenceNumber)}${event.byTtl ? words.byTtl : ''}`;
    case 'filtered':
      return words.skips(event.subscriber, `#${short(event.sequenceNumber)}`);
    case 'batch':
      return words.reads(event.subscriber, range(event.sequenceNumbers, words));
    case 'invocation':
      return words.invocation(event.subscriber, event.invocation, event.attempt, range(event.sequenceNumbers, words));
    case 'result': {
      const outcome = { success: words.outcomes.success, 'partial-failure': words.outcomes.partialFailure, failure: words.outcomes.failure }[event.outcome];
      const reported = event.reportedSequenceNumbers ? words.reported(event.reportedSequenceNumbers.map(short).join(', ')) : '';
      return `${event.subscriber} #${event.invocation} ${outcome}${reported}${event.error ? `: ${event.error}` : ''}`;
    }
    case 'retry': {
      const reason = { error: words.retryReasons.error, 'partial-failure': words.retryReasons.partialFailure, bisect: words.retryReasons.bisect }[event.reason];
      return words.retry(event.subscriber, range(event.sequenceNumbers, words), reason, event.retries);
    }
    case 'failure':
      return words.givesUp(event.subscriber, range(event.sequenceNumbers, words), event.retries);
    case 'on-failure':
      return words.onFailure(event.subscriber, event.batchSize, `#${short(event.startSequenceNumber)}–#${short(event.endSequenceNumber)}`);
    case 'chaos': {
      const kind = { duplicate: words.chaosKinds.duplicate, replay: words.chaosKinds.replay, 'sdk-error': words.chaosKinds.sdkError }[event.kind];
      const detail =
        event.kind === 'replay' && event.count !== undefined
          ? words.replayDetail(event.count)
          : event.kind === 'duplicate' && event.from !== undefined
            ? words.duplicateDetail(event.from)
            : event.detail; // an SDK error code: data
      return `${kind} ${event.subject}: ${detail}`;
    }
    case 'clock':
      return words.clock(event.to);
    case 'kinesis':
      return `${event.stream} [${event.partitionKey}] ${event.errorCode ? `✗ ${event.errorCode}` : `#${short(event.sequenceNumber ?? '')}`}`;
    case 's3':
      return `s3://${event.bucket}/${event.key}${words.bytes(event.bytes)}`;
    default: {
      const unknown: never = event;
      return JSON.stringify(unknown);
    }
  }
}

/** The columns before the words: `  12  11-29 09:00:00  record      ` (blank `seq` for a line that is not an event). */
export function traceColumns(seq: number | undefined, iso: string, type: string): string {
  return `${String(seq ?? '').padStart(4)}  ${iso.slice(5, 10)} ${iso.slice(11, 19)}  ${type.padEnd(10)}  `;
}

/** One event as one line. */
export function traceLine(event: TraceEvent, words: TraceWords = traceWords.en): string {
  return `${traceColumns(event.seq, event.at, event.type)}${describeEvent(event, words)}`;
}

/** The whole trace, one line per event, in English unless `words` say otherwise. */
export function formatTrace(events: readonly TraceEvent[], words: TraceWords = traceWords.en): string {
  return events.map((event) => traceLine(event, words)).join('\n');
}
