/**
 * One table's stream: its records, in order, as Lambda would receive them.
 *
 * The local cloud models ONE shard per table. Order within a shard is total,
 * so it is also in order per item — the guarantee AWS gives. (On AWS a busy
 * table has many shards and only per-item order holds across them.)
 *
 * Records are built by `buildStreamRecord`, the one place the kit shapes them.
 * A change that changes nothing — the same item written again, a delete of a
 * missing item — adds no record, as on AWS.
 */
import { createHash } from 'node:crypto';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { buildStreamRecord, SequenceNumbers, streamArnOf, type Image, type StreamViewType } from '../streams/stream-record.js';
import type { LocalClock } from './clock.js';
import type { Trace } from './trace.js';

/** One item before and after a write. Absent before: created. Absent after: deleted. */
export interface ItemChange {
  readonly oldImage?: Image;
  readonly newImage?: Image;
  /** Deleted by TTL (the record names DynamoDB as the user). */
  readonly byTtl?: boolean;
}

export interface StreamLogOptions {
  readonly tableName: string;
  readonly keyAttributes: readonly string[];
  readonly viewType: StreamViewType;
  readonly region: string;
  readonly clock: LocalClock;
  readonly trace: Trace;
}

export class StreamLog {
  readonly records: DynamoDBRecord[] = [];
  readonly viewType: StreamViewType;
  /** `2026-11-29T09:00:00.000`: when the stream was created, on the local clock. */
  readonly streamLabel: string;
  readonly streamArn: string;
  readonly shardId: string;
  private readonly sequenceNumbers = new SequenceNumbers();

  constructor(private readonly options: StreamLogOptions) {
    this.viewType = options.viewType;
    const createdAt = options.clock.now();
    this.streamLabel = createdAt.toISOString().replace('Z', '');
    this.streamArn = streamArnOf(options.tableName, options.region, undefined, this.streamLabel);
    const suffix = createHash('md5').update(this.streamArn).digest('hex').slice(0, 8);
    this.shardId = `shardId-${String(createdAt.getTime()).padStart(20, '0')}-${suffix}`;
  }

  /** Adds the record for one change and returns it; adds nothing when nothing changed. */
  append(change: ItemChange): DynamoDBRecord | undefined {
    const { oldImage, newImage } = change;
    if (!oldImage && !newImage) return undefined;
    if (oldImage && newImage && sameItem(oldImage, newImage)) return undefined;
    const eventName = !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY';
    const record = buildStreamRecord({
      eventName,
      keyAttributes: this.options.keyAttributes,
      oldImage,
      newImage,
      viewType: this.viewType,
      sequenceNumber: this.sequenceNumbers.take(),
      approximateCreationDateTimeSeconds: this.options.clock.nowEpochSeconds(),
      streamArn: this.streamArn,
      byTtl: change.byTtl ?? false,
    });
    this.records.push(record);
    this.options.trace.add({
      type: 'record',
      table: this.options.tableName,
      eventName,
      key: unmarshall(record.dynamodb!.Keys as Image),
      sequenceNumber: record.dynamodb!.SequenceNumber!,
      byTtl: change.byTtl ?? false,
    });
    return record;
  }
}

/**
 * Two images hold the same item when they have the same attributes and
 * values, whatever the order of the attributes or of the members of a set
 * (`SS`, `NS`, `BS` are sets: DynamoDB keeps no order).
 */
export function sameItem(a: Image, b: Image): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, inner]) => {
      const isSet = name === 'SS' || name === 'NS' || name === 'BS';
      const text = isSet && Array.isArray(inner) ? `[${inner.map(canonical).sort().join(',')}]` : canonical(inner);
      return `${JSON.stringify(name)}:${text}`;
    });
  return `{${entries.join(',')}}`;
}
