/**
 * A Kinesis Data Streams stand-in, for the fan-out step (exercise 09): enough
 * of the Kinesis JSON 1.1 protocol for an unmodified `new KinesisClient({})`
 * that finds it through AWS_ENDPOINT_URL_KINESIS.
 *
 * Operations: CreateStream, DescribeStreamSummary, ListShards, PutRecord,
 * PutRecords, GetShardIterator, GetRecords.
 *
 * Faithful where it matters: PutRecords answers entry by entry, in request
 * order; a failed entry carries ErrorCode and ErrorMessage and does not stop
 * the others; the same partition key always lands on the same shard (MD5 of
 * the key, as Kinesis hashes it) and in order there, with growing sequence
 * numbers. Limits are named constants and checked.
 *
 * Failures on demand: `failNext({ entries: 2 })`, or for one key for good:
 * `failNext({ entries: Infinity, partitionKey: 'o-2' })`.
 *
 * Not modelled: throughput limits, resharding, retention, enhanced fan-out,
 * encryption, record aggregation.
 */
import { createHash } from 'node:crypto';
import { SequenceNumbers } from '../streams/stream-record.js';
import type { Chaos } from './chaos.js';
import type { LocalClock } from './clock.js';
import { listenOnLoopback, sendJson, type LoopbackRequest, type LoopbackResponse, type LoopbackServer } from './loopback-server.js';
import type { Trace } from './trace.js';

/**
 * PutRecords limits. AWS documented 1 MiB per record and 5 MiB per request
 * (partition keys count); its current reference states 10 MiB. The stand-in
 * keeps the classic, stricter values, so code that fits them fits AWS either way.
 */
export const kinesisLimits = {
  maxRecordsPerRequest: 500,
  maxRecordBytes: 1024 * 1024,
  maxRequestBytes: 5 * 1024 * 1024,
  maxPartitionKeyLength: 256,
} as const;

export type KinesisErrorCode = 'ProvisionedThroughputExceededException' | 'InternalFailure';

export interface KinesisRecord {
  readonly streamName: string;
  readonly shardId: string;
  readonly partitionKey: string;
  readonly sequenceNumber: string;
  readonly data: Buffer;
  /** Local clock time when it arrived. */
  readonly arrivedAt: Date;
}

interface Shard {
  readonly shardId: string;
  /** Lowest hash key (inclusive) of the shard's range of 128-bit MD5 hash keys. */
  readonly startingHashKey: bigint;
  readonly endingHashKey: bigint;
  readonly records: KinesisRecord[];
  readonly sequenceNumbers: SequenceNumbers;
}

interface Stream {
  readonly name: string;
  readonly arn: string;
  readonly createdAt: Date;
  readonly shards: Shard[];
}

interface FailureRule {
  remaining: number;
  readonly errorCode: KinesisErrorCode;
  readonly partitionKey?: string;
}

export interface KinesisStandInOptions {
  readonly chaos: Chaos;
  readonly trace: Trace;
  readonly clock: LocalClock;
  readonly region: string;
  readonly port?: number;
}

const hashKeySpace = 2n ** 128n;
const contentType = 'application/x-amz-json-1.1';

/** Thrown inside a request: answered as a Kinesis error. */
class KinesisFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

// Loosely typed on purpose: Kinesis's JSON requests, read field by field.
type Input = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class KinesisStandIn {
  private readonly streams = new Map<string, Stream>();
  private readonly failureRules: FailureRule[] = [];
  private server?: LoopbackServer;

  private constructor(private readonly options: KinesisStandInOptions) {}

  static async start(options: KinesisStandInOptions): Promise<KinesisStandIn> {
    const standIn = new KinesisStandIn(options);
    standIn.server = await listenOnLoopback((request, body, response) => standIn.handle(request, body, response), {
      port: options.port,
      http2: true,
    });
    return standIn;
  }

  get endpoint(): string {
    return this.server!.endpoint;
  }

  get port(): number {
    return this.server!.port;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  createStream(name: string, shardCount = 1): void {
    if (this.streams.has(name)) throw new KinesisFault('ResourceInUseException', `Stream ${name} under account 123456789012 already exists.`);
    if (!Number.isInteger(shardCount) || shardCount < 1) throw new KinesisFault('ValidationException', `ShardCount must be ≥ 1, received ${shardCount}`);
    const shards = Array.from({ length: shardCount }, (_, index): Shard => ({
      shardId: `shardId-${String(index).padStart(12, '0')}`,
      startingHashKey: (hashKeySpace * BigInt(index)) / BigInt(shardCount),
      endingHashKey: (hashKeySpace * BigInt(index + 1)) / BigInt(shardCount) - 1n,
      records: [],
      // Kinesis sequence numbers are long (56 digits); each shard counts on its own.
      sequenceNumbers: new SequenceNumbers(4965n * 10n ** 52n + BigInt(index) * 10n ** 40n, 1n),
    }));
    const arn = `arn:aws:kinesis:${this.options.region}:123456789012:stream/${name}`;
    this.streams.set(name, { name, arn, createdAt: this.options.clock.now(), shards });
  }

  /** The next `entries` PutRecords entries (of one partition key, if given) fail with `errorCode`. */
  failNext(rule: { entries?: number; errorCode?: KinesisErrorCode; partitionKey?: string } = {}): void {
    this.failureRules.push({
      remaining: rule.entries ?? 1,
      errorCode: rule.errorCode ?? 'ProvisionedThroughputExceededException',
      ...(rule.partitionKey !== undefined ? { partitionKey: rule.partitionKey } : {}),
    });
  }

  /** Every record of the stream, shard after shard, each shard in order. */
  records(streamName: string): KinesisRecord[] {
    return this.stream({ StreamName: streamName }).shards.flatMap((shard) => shard.records);
  }

  /** What a consumer sees: for each partition key, its records in order. */
  recordsByPartitionKey(streamName: string): Map<string, KinesisRecord[]> {
    const byKey = new Map<string, KinesisRecord[]>();
    for (const record of this.records(streamName)) byKey.set(record.partitionKey, [...(byKey.get(record.partitionKey) ?? []), record]);
    return byKey;
  }

  /** The records' data parsed as JSON, in order (shard by shard). */
  json<T = unknown>(streamName: string): T[] {
    return this.records(streamName).map((record) => JSON.parse(record.data.toString('utf8')) as T);
  }

  private async handle(request: LoopbackRequest, body: Buffer, response: LoopbackResponse): Promise<void> {
    const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    try {
      const input = JSON.parse(body.toString() || '{}') as Input;
      sendJson(response, 200, this.answer(operation, input), contentType);
    } catch (error) {
      if (!(error instanceof KinesisFault)) throw error;
      const status = error.type === 'InternalFailure' ? 500 : 400;
      sendJson(response, status, { __type: error.type, message: error.message }, contentType);
    }
  }

  private answer(operation: string, input: Input): unknown {
    switch (operation) {
      case 'CreateStream':
        this.createStream(input.StreamName, input.ShardCount ?? 1);
        return {};
      case 'DescribeStreamSummary':
        return this.describeStreamSummary(input);
      case 'ListShards':
        return this.listShards(input);
      case 'PutRecord':
        return this.putRecord(input);
      case 'PutRecords':
        return this.putRecords(input);
      case 'GetShardIterator':
        return this.getShardIterator(input);
      case 'GetRecords':
        return this.getRecords(input);
      default:
        throw new KinesisFault('UnknownOperationException', `The local Kinesis does not do ${operation || 'that'}.`);
    }
  }

  private stream(input: Input): Stream {
    const name = input.StreamName ?? String(input.StreamARN ?? '').split('/').pop();
    const stream = this.streams.get(name);
    if (!stream) throw new KinesisFault('ResourceNotFoundException', `Stream ${String(name)} under account 123456789012 not found.`);
    return stream;
  }

  private describeStreamSummary(input: Input): unknown {
    const stream = this.stream(input);
    return {
      StreamDescriptionSummary: {
        StreamName: stream.name,
        StreamARN: stream.arn,
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: 'PROVISIONED' },
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: stream.createdAt.getTime() / 1000,
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
        OpenShardCount: stream.shards.length,
        ConsumerCount: 0,
      },
    };
  }

  private listShards(input: Input): unknown {
    return {
      Shards: this.stream(input).shards.map((shard) => ({
        ShardId: shard.shardId,
        HashKeyRange: { StartingHashKey: String(shard.startingHashKey), EndingHashKey: String(shard.endingHashKey) },
        SequenceNumberRange: { StartingSequenceNumber: String(shard.records[0]?.sequenceNumber ?? '0') },
      })),
    };
  }

  private putRecord(input: Input): unknown {
    const stream = this.stream(input);
    checkEntry(input);
    const entry = this.putEntry(stream, input);
    if ('ErrorCode' in entry) throw new KinesisFault(entry.ErrorCode, entry.ErrorMessage);
    return { ...entry, EncryptionType: 'NONE' };
  }

  private putRecords(input: Input): unknown {
    const stream = this.stream(input);
    const entries = (input.Records ?? []) as Input[];
    if (entries.length < 1 || entries.length > kinesisLimits.maxRecordsPerRequest)
      throw new KinesisFault(
        'ValidationException',
        `1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length between 1 and ${kinesisLimits.maxRecordsPerRequest}, received ${entries.length}`,
      );
    entries.forEach(checkEntry);
    const requestBytes = entries.reduce((sum, entry) => sum + entryBytes(entry), 0);
    if (requestBytes > kinesisLimits.maxRequestBytes)
      throw new KinesisFault('InvalidArgumentException', `Records size exceeds ${kinesisLimits.maxRequestBytes} bytes limit, received ${requestBytes}`);
    const Records = entries.map((entry) => this.putEntry(stream, entry));
    return { FailedRecordCount: Records.filter((entry) => 'ErrorCode' in entry).length, Records, EncryptionType: 'NONE' };
  }

  /** One entry: stored in its shard, or failed (on demand, or by chaos). */
  private putEntry(stream: Stream, entry: Input): { ShardId: string; SequenceNumber: string } | { ErrorCode: KinesisErrorCode; ErrorMessage: string } {
    const partitionKey = String(entry.PartitionKey);
    const errorCode = this.failureFor(stream.name, partitionKey);
    if (errorCode) {
      this.options.trace.add({ type: 'kinesis', stream: stream.name, partitionKey, errorCode });
      return {
        ErrorCode: errorCode,
        ErrorMessage:
          errorCode === 'InternalFailure' ? 'Internal service failure.' : `Rate exceeded for shard in stream ${stream.name} under account 123456789012.`,
      };
    }
    const hashKey = entry.ExplicitHashKey !== undefined ? BigInt(entry.ExplicitHashKey) : md5HashKey(partitionKey);
    const shard = stream.shards.find((candidate) => hashKey >= candidate.startingHashKey && hashKey <= candidate.endingHashKey)!;
    const record: KinesisRecord = {
      streamName: stream.name,
      shardId: shard.shardId,
      partitionKey,
      sequenceNumber: shard.sequenceNumbers.take(),
      data: Buffer.from(String(entry.Data ?? ''), 'base64'),
      arrivedAt: this.options.clock.now(),
    };
    shard.records.push(record);
    this.options.trace.add({ type: 'kinesis', stream: stream.name, partitionKey, sequenceNumber: record.sequenceNumber });
    return { ShardId: shard.shardId, SequenceNumber: record.sequenceNumber };
  }

  private failureFor(streamName: string, partitionKey: string): KinesisErrorCode | undefined {
    const rule = this.failureRules.find((candidate) => candidate.remaining > 0 && (candidate.partitionKey ?? partitionKey) === partitionKey);
    if (rule) {
      rule.remaining--;
      return rule.errorCode;
    }
    if (this.options.chaos.failSdkRequest(`kinesis|${streamName}|${partitionKey}`)) {
      this.options.trace.add({ type: 'chaos', kind: 'sdk-error', subject: `kinesis ${streamName} [${partitionKey}]`, detail: 'ProvisionedThroughputExceededException' });
      return 'ProvisionedThroughputExceededException';
    }
    return undefined;
  }

  /** Iterators are not secret here: base64 of where to read next. */
  private getShardIterator(input: Input): unknown {
    const stream = this.stream(input);
    const shard = stream.shards.find((candidate) => candidate.shardId === input.ShardId);
    if (!shard) throw new KinesisFault('ResourceNotFoundException', `Shard ${String(input.ShardId)} in stream ${stream.name} not found.`);
    const at = (sequenceNumber: string, after: boolean) =>
      shard.records.findIndex((record) => (after ? BigInt(record.sequenceNumber) > BigInt(sequenceNumber) : BigInt(record.sequenceNumber) >= BigInt(sequenceNumber)));
    const positions: Record<string, () => number> = {
      TRIM_HORIZON: () => 0,
      LATEST: () => shard.records.length,
      AT_SEQUENCE_NUMBER: () => at(String(input.StartingSequenceNumber), false),
      AFTER_SEQUENCE_NUMBER: () => at(String(input.StartingSequenceNumber), true),
    };
    const position = positions[String(input.ShardIteratorType)];
    if (!position) throw new KinesisFault('InvalidArgumentException', `ShardIteratorType ${String(input.ShardIteratorType)} is not supported by the local Kinesis.`);
    const index = position();
    return { ShardIterator: iterator(stream.name, shard.shardId, index === -1 ? shard.records.length : index) };
  }

  private getRecords(input: Input): unknown {
    let place: { stream: string; shardId: string; index: number };
    try {
      place = JSON.parse(Buffer.from(String(input.ShardIterator), 'base64').toString()) as typeof place;
    } catch {
      throw new KinesisFault('InvalidArgumentException', 'Invalid ShardIterator.');
    }
    const shard = this.stream({ StreamName: place.stream }).shards.find((candidate) => candidate.shardId === place.shardId);
    if (!shard) throw new KinesisFault('ResourceNotFoundException', `Shard ${place.shardId} not found.`);
    const records = shard.records.slice(place.index, place.index + Number(input.Limit ?? 10_000));
    return {
      Records: records.map((record) => ({
        SequenceNumber: record.sequenceNumber,
        ApproximateArrivalTimestamp: record.arrivedAt.getTime() / 1000,
        Data: record.data.toString('base64'),
        PartitionKey: record.partitionKey,
      })),
      NextShardIterator: iterator(place.stream, place.shardId, place.index + records.length),
      MillisBehindLatest: 0,
    };
  }
}

function iterator(stream: string, shardId: string, index: number): string {
  return Buffer.from(JSON.stringify({ stream, shardId, index })).toString('base64');
}

/** Kinesis maps a partition key to a shard by the MD5 of the key, read as a 128-bit number. */
function md5HashKey(partitionKey: string): bigint {
  return BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
}

function entryBytes(entry: Input): number {
  return Buffer.from(String(entry.Data ?? ''), 'base64').length + Buffer.byteLength(String(entry.PartitionKey ?? ''));
}

function checkEntry(entry: Input): void {
  const key = entry.PartitionKey;
  if (typeof key !== 'string' || key.length < 1 || key.length > kinesisLimits.maxPartitionKeyLength)
    throw new KinesisFault('ValidationException', `PartitionKey must be 1 to ${kinesisLimits.maxPartitionKeyLength} characters, received ${JSON.stringify(key)}`);
  if (entryBytes(entry) > kinesisLimits.maxRecordBytes)
    throw new KinesisFault('InvalidArgumentException', `A record (data + partition key) must be at most ${kinesisLimits.maxRecordBytes} bytes, received ${entryBytes(entry)}`);
}
