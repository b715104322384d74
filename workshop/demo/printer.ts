/**
 * The live trace: one line per event, printed the moment the local cloud
 * records it. The printer listens to the cloud's trace and adds the demo's own
 * steps (an API call, a cancellation) in the same columns:
 *
 *    seq  time (local clock)  type        what happened
 *     12  11-29 09:00:00      record      orders INSERT {"orderId":"o-03"} #1000…0012
 *
 * Order ids are random UUIDs on AWS; here each is shown by its place in the
 * run (o-01, o-02…). Records a subscriber's filter skips in a row are one
 * line ("archive skips 4 records"); the JSON trace keeps every one. Colours
 * only on a terminal, and never with NO_COLOR.
 *
 * A line reads as the local cloud's own `traceLine` writes it, in the demo's
 * language (the trace words of messages/). The columns, the `type` of each
 * line and the data (tables, functions, INSERT/MODIFY, PutItem, keys,
 * sequence numbers, errors) are the same in every language.
 */
import type { TraceEvent } from '../local-cloud/index.js';
import { short, traceColumns, traceLine, type Trace } from '../local-cloud/trace.js';
import type { Messages } from './messages/index.js';

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const colours: Record<string, string> = {
  write: '36', // cyan
  record: '34', // blue
  filtered: '2', // dim
  batch: '2',
  invocation: '2',
  retry: '33', // yellow
  failure: '31', // red
  'on-failure': '31',
  chaos: '35', // magenta
  clock: '1', // bold
  kinesis: '32', // green
  s3: '32',
  api: '1;36',
  cancel: '1;33',
  breaker: '1;35',
  pingbot: '1;34',
  email: '32',
};

export class TracePrinter {
  /** orderId → o-01, o-02…, in the order they first appear (the API's PutItem). */
  private readonly names = new Map<string, string>();
  /** Filter skips in a row by one subscriber, not printed yet. */
  private skipped: Extract<TraceEvent, { type: 'filtered' }>[] = [];

  constructor(
    private readonly write: (line: string) => void,
    private readonly colour: boolean,
    private readonly digits: number,
    private readonly t: Messages,
  ) {}

  /** From now on every event the trace records is printed as it happens. */
  listenTo(trace: Trace): void {
    const add = trace.add.bind(trace);
    trace.add = (event) => {
      add(event);
      this.event(trace.events[trace.events.length - 1]!);
    };
  }

  /** The short name of an order id, given the first time the id is seen. */
  nameOf(orderId: string): string {
    let name = this.names.get(orderId);
    if (!name) {
      name = `o-${String(this.names.size + 1).padStart(this.digits, '0')}`;
      this.names.set(orderId, name);
    }
    return name;
  }

  /** Any text, with every order id replaced by its short name. */
  readable(text: string): string {
    return text.replace(uuidPattern, (id) => this.nameOf(id));
  }

  event(event: TraceEvent): void {
    if (event.type === 'filtered') {
      if (this.skipped[0] && this.skipped[0].subscriber !== event.subscriber) this.flush();
      this.skipped.push(event);
      return;
    }
    this.flush();
    this.line(event.type, this.readable(traceLine(event, this.t.trace)), event.type === 'result' ? resultColour(event) : undefined);
  }

  /** Prints the filter skips held back, as one line. */
  flush(): void {
    const [first, ...rest] = this.skipped;
    if (!first) return;
    this.skipped = [];
    if (rest.length === 0) return this.line('filtered', traceLine(first, this.t.trace));
    const last = rest[rest.length - 1]!;
    const records = this.t.trace.records(rest.length + 1, `#${short(first.sequenceNumber)}–#${short(last.sequenceNumber)}`);
    this.line('filtered', `${traceColumns(first.seq, first.at, first.type)}${this.t.trace.skips(first.subscriber, records)}`);
  }

  /** A step of the demo itself, in the trace's columns: `      11-29 09:00:00  api         POST /orders → 201`. */
  step(at: Date, type: string, text: string): void {
    this.flush();
    this.line(type, `${traceColumns(undefined, at.toISOString(), type)}${this.readable(text)}`);
  }

  heading(text: string): void {
    this.flush();
    this.write('');
    this.write(this.colour ? `\u001b[1m${text}\u001b[0m` : text);
  }

  plain(text = ''): void {
    this.flush();
    this.write(text);
  }

  private line(type: string, text: string, code = colours[type]): void {
    this.write(this.colour && code ? `\u001b[${code}m${text}\u001b[0m` : text);
  }
}

function resultColour(event: Extract<TraceEvent, { type: 'result' }>): string {
  return event.outcome === 'success' ? '2;32' : event.outcome === 'partial-failure' ? '33' : '31';
}
