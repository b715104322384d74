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
  | { readonly type: 'chaos'; readonly kind: 'duplicate' | 'replay' | 'sdk-error'; readonly subject: string; readonly detail: string }
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

  /** One readable line per event (what the CLI prints). */
  format(): string {
    return formatTrace(this.list);
  }
}

/** `…` keeps long sequence numbers readable: 1000000000000000000012 → 1000…0012 */
function short(sequenceNumber: string): string {
  return sequenceNumber.length > 10 ? `${sequenceNumber.slice(0, 4)}…${sequenceNumber.slice(-4)}` : sequenceNumber;
}

function range(sequenceNumbers: readonly string[]): string {
  const first = sequenceNumbers[0] ?? '?';
  const last = sequenceNumbers[sequenceNumbers.length - 1] ?? '?';
  const count = `${sequenceNumbers.length} record${sequenceNumbers.length === 1 ? '' : 's'}`;
  return sequenceNumbers.length === 1 ? `${count} ${short(first)}` : `${count} ${short(first)}–${short(last)}`;
}

function describe(event: TraceEvent): string {
  switch (event.type) {
    case 'write':
      return `${event.table} ${event.operation} ${JSON.stringify(event.key ?? {})}${event.error ? ` ✗ ${event.error}` : ''}`;
    case 'record':
      return `${event.table} ${event.eventName} ${JSON.stringify(event.key)} #${short(event.sequenceNumber)}${event.byTtl ? ' (by TTL)' : ''}`;
    case 'filtered':
      return `${event.subscriber} skips #${short(event.sequenceNumber)} (no filter matched)`;
    case 'batch':
      return `${event.subscriber} reads ${range(event.sequenceNumbers)}`;
    case 'invocation':
      return `${event.subscriber} #${event.invocation} attempt ${event.attempt}: ${range(event.sequenceNumbers)}`;
    case 'result':
      return `${event.subscriber} #${event.invocation} ${event.outcome}${event.reportedSequenceNumbers ? ` reported ${event.reportedSequenceNumbers.map(short).join(', ')}` : ''}${event.error ? `: ${event.error}` : ''}`;
    case 'retry':
      return `${event.subscriber} retries ${range(event.sequenceNumbers)} (${event.reason}, retries so far ${event.retries})`;
    case 'failure':
      return `${event.subscriber} gives up on ${range(event.sequenceNumbers)} after ${event.retries} retries`;
    case 'on-failure':
      return `${event.subscriber} → on-failure list: ${event.batchSize} records #${short(event.startSequenceNumber)}–#${short(event.endSequenceNumber)}`;
    case 'chaos':
      return `${event.kind} ${event.subject}: ${event.detail}`;
    case 'clock':
      return `clock → ${event.to}`;
    case 'kinesis':
      return `${event.stream} [${event.partitionKey}] ${event.errorCode ? `✗ ${event.errorCode}` : `#${short(event.sequenceNumber ?? '')}`}`;
    case 's3':
      return `s3://${event.bucket}/${event.key} (${event.bytes} bytes)`;
    default: {
      const unknown: never = event;
      return JSON.stringify(unknown);
    }
  }
}

export function formatTrace(events: readonly TraceEvent[]): string {
  return events.map((event) => `${String(event.seq).padStart(4)}  ${event.at.slice(5, 10)} ${event.at.slice(11, 19)}  ${event.type.padEnd(10)}  ${describe(event)}`).join('\n');
}
