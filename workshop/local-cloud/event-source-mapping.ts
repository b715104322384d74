/**
 * An event source mapping: what Lambda does between a stream and a function.
 * It reads a batch of records, invokes the handler with it, and decides what
 * happens next from the outcome:
 *
 *   success            → the checkpoint moves past the batch
 *   handler threw      → the whole batch again (bisect: its two halves first)
 *   partial failure    → (ReportBatchItemFailures) again from the LOWEST reported
 *                        sequence number, compared as BigInt; the records before it are done
 *   retries exhausted  → the batch's position goes to the on-failure list; move on
 *
 * How retries are counted (MaximumRetryAttempts), as AWS documents it: every
 * failed invocation counts one retry for the records it retries next, except
 * a bisect — "splitting batches doesn't consume the retry quota". The halves
 * keep the count of the batch they came from. A batch of one record cannot be
 * split and is retried as it is. With a partial failure and bisect both on,
 * the batch is "bisected" at the reported record: only the records from it on
 * are retried.
 *
 * Each mapping keeps its own position in the stream, so one failing
 * subscriber never holds up another (drain.ts takes turns between them).
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { compareSequenceNumbers } from '../streams/stream-record.js';
import type { Chaos } from './chaos.js';
import type { LocalClock } from './clock.js';
import { matchesAny, parseFilterCriteria, type FilterCriteria, type FilterPattern } from './filter-pattern.js';
import { buildOnFailureRecord, type OnFailureRecord } from './on-failure-record.js';
import type { StreamLog } from './stream-log.js';
import type { Trace } from './trace.js';
import { traceWords } from './trace-words.js';

type MaybePromise<T> = T | Promise<T>;

/** A Lambda handler for stream events; it may answer with `batchItemFailures`. */
export type StreamHandler = (event: DynamoDBStreamEvent) => MaybePromise<DynamoDBBatchResponse | void | null | undefined>;

/** The event source mapping's settings, named as in Lambda's CreateEventSourceMapping. */
export interface MappingOptions {
  /** Shown in the trace and in the on-failure records, like a function name. Default: the handler's name (made unique). */
  readonly name?: string;
  /** Most records per invocation. Default 100, at most 10,000. */
  readonly batchSize?: number;
  /** Retries of a failing batch before it goes to the on-failure list. Default -1: unlimited, until the record expires. */
  readonly maximumRetryAttempts?: number;
  /** Split a failing batch in two and retry each half. Default false. */
  readonly bisectBatchOnFunctionError?: boolean;
  /** Read `batchItemFailures` from the handler's answer (FunctionResponseTypes: ReportBatchItemFailures). Default false. */
  readonly reportBatchItemFailures?: boolean;
  /** Up to 5 patterns; records no pattern matches are skipped for good. */
  readonly filterCriteria?: FilterCriteria;
  /** TRIM_HORIZON (default): from the oldest record. LATEST: only records written after subscribing. */
  readonly startingPosition?: 'TRIM_HORIZON' | 'LATEST';
}

export const mappingDefaults = { batchSize: 100, maximumRetryAttempts: -1 } as const;
export const maxBatchSize = 10_000;
export const maxRetryAttempts = 10_000;

/** What a test sees of a subscription. */
export interface Subscription {
  readonly name: string;
  readonly table: string;
  /** The on-failure destination: one entry per batch Lambda gave up on. */
  readonly failures: readonly OnFailureRecord[];
}

/** What one step did, for drain(): nothing to do, moved on, or failed without moving on. */
export type StepResult = 'idle' | 'progressed' | 'failed';

interface PendingBatch {
  readonly records: readonly DynamoDBRecord[];
  /** Retries so far of these records. */
  readonly retries: number;
  /** Invocations so far of these records (Lambda's approximateInvokeCount). */
  readonly invocations: number;
}

type Outcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'partial-failure'; readonly from: number; readonly reported: readonly string[] }
  | { readonly kind: 'failure'; readonly error: string; readonly threw: boolean };

export interface MappingContext {
  readonly chaos: Chaos;
  readonly trace: Trace;
  readonly clock: LocalClock;
  readonly region: string;
  /** Numbers every invocation of the cloud, 1, 2, 3… */
  readonly nextInvocation: () => number;
}

function checkWholeNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, received ${value}`);
}

export class EventSourceMapping implements Subscription {
  readonly failures: OnFailureRecord[] = [];
  /** The last error, for the message when drain() gives up. */
  lastError: string | undefined;
  private readonly batchSize: number;
  private readonly maximumRetryAttempts: number;
  private readonly patterns: FilterPattern[];
  /** The next record of the stream to read. */
  private nextIndex: number;
  /** Batches read and not yet done (retries, bisected halves), first one next. */
  private readonly pending: PendingBatch[] = [];

  constructor(
    readonly name: string,
    readonly table: string,
    private readonly stream: StreamLog,
    private readonly handler: StreamHandler,
    private readonly options: MappingOptions,
    private readonly context: MappingContext,
  ) {
    this.batchSize = options.batchSize ?? mappingDefaults.batchSize;
    this.maximumRetryAttempts = options.maximumRetryAttempts ?? mappingDefaults.maximumRetryAttempts;
    checkWholeNumber('batchSize', this.batchSize, 1, maxBatchSize);
    checkWholeNumber('maximumRetryAttempts', this.maximumRetryAttempts, -1, maxRetryAttempts);
    this.patterns = parseFilterCriteria(options.filterCriteria ?? { Filters: [] });
    this.nextIndex = options.startingPosition === 'LATEST' ? stream.records.length : 0;
  }

  get retriesAreUnlimited(): boolean {
    return this.maximumRetryAttempts === -1;
  }

  /** One invocation at most: the next pending batch, else a new batch from the stream. */
  async step(): Promise<StepResult> {
    const batch = this.pending.shift() ?? this.readBatch();
    if (!batch) return 'idle';
    const invocation = this.context.nextInvocation();
    const tried: PendingBatch = { ...batch, invocations: batch.invocations + 1 };
    this.context.trace.add({
      type: 'invocation',
      subscriber: this.name,
      invocation,
      attempt: tried.invocations,
      sequenceNumbers: sequenceNumbersOf(batch.records),
    });
    const outcome = await this.invoke(tried);
    this.context.trace.add({
      type: 'result',
      subscriber: this.name,
      invocation,
      outcome: outcome.kind,
      ...(outcome.kind === 'partial-failure' ? { reportedSequenceNumbers: outcome.reported } : {}),
      ...(outcome.kind === 'failure' ? { error: outcome.error } : {}),
    });
    return this.settle(tried, outcome);
  }

  /** Up to batchSize records that pass the filters; the others are skipped for good. */
  private readBatch(): PendingBatch | undefined {
    const records: DynamoDBRecord[] = [];
    while (this.nextIndex < this.stream.records.length && records.length < this.batchSize) {
      const record = this.stream.records[this.nextIndex++]!;
      if (matchesAny(this.patterns, record)) records.push(record);
      else this.context.trace.add({ type: 'filtered', subscriber: this.name, sequenceNumber: record.dynamodb!.SequenceNumber! });
    }
    if (records.length === 0) return undefined;
    this.context.trace.add({ type: 'batch', subscriber: this.name, sequenceNumbers: sequenceNumbersOf(records) });
    return { records, retries: 0, invocations: 0 };
  }

  private async invoke(batch: PendingBatch): Promise<Outcome> {
    // A copy: a handler that changes its event cannot change the stream.
    const event: DynamoDBStreamEvent = { Records: structuredClone([...batch.records]) };
    try {
      const answer = await this.context.chaos.whileHandlerRuns(async () => this.handler(event));
      return this.judge(answer, batch);
    } catch (error) {
      this.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { kind: 'failure', error: this.lastError, threw: true };
    }
  }

  /** Reads the handler's answer as Lambda does (services-ddb-batchfailurereporting). */
  private judge(answer: unknown, batch: PendingBatch): Outcome {
    const success = { kind: 'success' } as const;
    if (!this.options.reportBatchItemFailures || typeof answer !== 'object' || answer === null) return success;
    const failures = (answer as { batchItemFailures?: unknown }).batchItemFailures;
    if (failures === undefined || failures === null) return success;
    const wholeBatch = (why: string): Outcome => {
      this.lastError = why;
      return { kind: 'failure', error: why, threw: false };
    };
    if (!Array.isArray(failures)) return wholeBatch('batchItemFailures is not a list: Lambda fails the whole batch');
    if (failures.length === 0) return success;
    const inBatch = sequenceNumbersOf(batch.records);
    const reported: string[] = [];
    for (const failure of failures as unknown[]) {
      const id = typeof failure === 'object' && failure !== null ? (failure as { itemIdentifier?: unknown }).itemIdentifier : undefined;
      if (typeof id !== 'string' || id === '')
        return wholeBatch(`a batch item failure without an itemIdentifier (${JSON.stringify(failure)}): Lambda fails the whole batch`);
      if (!inBatch.includes(id)) return wholeBatch(`itemIdentifier "${id}" is no SequenceNumber of this batch: Lambda fails the whole batch`);
      reported.push(id);
    }
    const lowest = reported.reduce((low, id) => (compareSequenceNumbers(id, low) < 0 ? id : low));
    this.lastError = `batch item failures reported from ${lowest} on`;
    return { kind: 'partial-failure', from: inBatch.indexOf(lowest), reported };
  }

  private settle(batch: PendingBatch, outcome: Outcome): StepResult {
    switch (outcome.kind) {
      case 'success':
        this.maybeRedeliver(batch);
        return 'progressed';
      case 'partial-failure': {
        const rest = { ...batch, records: batch.records.slice(outcome.from), retries: batch.retries + 1 };
        const gaveUp = this.retryOrGiveUp(rest, 'partial-failure', false);
        return gaveUp || outcome.from > 0 ? 'progressed' : 'failed';
      }
      case 'failure': {
        if (this.options.bisectBatchOnFunctionError && batch.records.length > 1) {
          const middle = Math.ceil(batch.records.length / 2);
          const halves = [batch.records.slice(0, middle), batch.records.slice(middle)].map((records) => ({ ...batch, records }));
          this.pending.unshift(...halves);
          for (const half of halves)
            this.context.trace.add({ type: 'retry', subscriber: this.name, reason: 'bisect', retries: half.retries, sequenceNumbers: sequenceNumbersOf(half.records) });
          return 'failed';
        }
        return this.retryOrGiveUp({ ...batch, retries: batch.retries + 1 }, 'error', outcome.threw) ? 'progressed' : 'failed';
      }
      default: {
        const unknown: never = outcome;
        throw new Error(`Unknown outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Queues the batch to be tried again, or gives up on it. True when it gave up. */
  private retryOrGiveUp(batch: PendingBatch, reason: 'error' | 'partial-failure', threw: boolean): boolean {
    if (this.retriesAreUnlimited || batch.retries <= this.maximumRetryAttempts) {
      this.pending.unshift(batch);
      this.context.trace.add({ type: 'retry', subscriber: this.name, reason, retries: batch.retries, sequenceNumbers: sequenceNumbersOf(batch.records) });
      return false;
    }
    const sequenceNumbers = sequenceNumbersOf(batch.records);
    this.context.trace.add({ type: 'failure', subscriber: this.name, retries: batch.retries - 1, sequenceNumbers });
    const record = buildOnFailureRecord({
      records: batch.records,
      functionName: this.name,
      region: this.context.region,
      shardId: this.stream.shardId,
      streamArn: this.stream.streamArn,
      invocations: batch.invocations,
      functionThrew: threw,
      at: this.context.clock.now(),
    });
    this.failures.push(record);
    const info = record.DDBStreamBatchInfo;
    this.context.trace.add({
      type: 'on-failure',
      subscriber: this.name,
      startSequenceNumber: info.startSequenceNumber,
      endSequenceNumber: info.endSequenceNumber,
      batchSize: info.batchSize,
    });
    return true;
  }

  /**
   * Chaos: at-least-once delivery. After a batch succeeded, the checkpoint is
   * sometimes "lost": reading starts again inside the batch (a duplicate of
   * its last records) or at its start (a replay of all of it). As on AWS, what
   * comes again comes in stream order.
   */
  private maybeRedeliver(batch: PendingBatch): void {
    if (this.pending.length > 0) return; // only from a clean checkpoint
    const { chaos, trace } = this.context;
    const sequenceNumbers = sequenceNumbersOf(batch.records);
    const subject = `${this.name} ${sequenceNumbers[0]}–${sequenceNumbers[sequenceNumbers.length - 1]}`;
    let from: number | undefined;
    if (chaos.chance(chaos.rates.replayRate, `replay|${subject}`)) {
      from = 0;
      const count = batch.records.length;
      trace.add({ type: 'chaos', kind: 'replay', subject, detail: traceWords.en.replayDetail(count), count });
    } else if (chaos.chance(chaos.rates.duplicateRate, `duplicate|${subject}`)) {
      from = chaos.pick(batch.records.length, `duplicate-from|${subject}`);
      const first = sequenceNumbers[from]!;
      trace.add({ type: 'chaos', kind: 'duplicate', subject, detail: traceWords.en.duplicateDetail(first), from: first });
    }
    if (from !== undefined) this.nextIndex = this.stream.records.indexOf(batch.records[from]!);
  }
}

function sequenceNumbersOf(records: readonly DynamoDBRecord[]): string[] {
  return records.map((record) => record.dynamodb!.SequenceNumber!);
}
