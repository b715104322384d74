import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { compareSequenceNumbers } from '../streams/stream-record.js';
import { kinesisLimits } from './kinesis-stand-in.js';
import { useLocalCloud } from './use-local-cloud.js';

const cloud = useLocalCloud({ tables: [] });
const kinesis = new KinesisClient({});
const StreamName = 'order-events';

const entry = (orderId: string, type = 'OrderPlaced') => ({ PartitionKey: orderId, Data: Buffer.from(JSON.stringify({ type, orderId })) });

describe('the Kinesis stand-in, through an unmodified KinesisClient', () => {
  it('has the kit stream, named in the environment', async () => {
    expect(process.env.ORDER_EVENTS_STREAM).toBe(StreamName);
    const { StreamDescriptionSummary } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName }));
    expect(StreamDescriptionSummary).toMatchObject({ StreamName, StreamStatus: 'ACTIVE', OpenShardCount: 1 });
  });

  it('answers PutRecords entry by entry, in order, with growing sequence numbers per shard', async () => {
    const answer = await kinesis.send(new PutRecordsCommand({ StreamName, Records: [entry('o-1'), entry('o-2'), entry('o-1', 'OrderCancelled')] }));
    expect(answer.FailedRecordCount).toBe(0);
    const sequenceNumbers = answer.Records!.map((record) => record.SequenceNumber!);
    expect([...sequenceNumbers].sort(compareSequenceNumbers)).toEqual(sequenceNumbers);
    expect(cloud().kinesis.json(StreamName)).toEqual([
      { type: 'OrderPlaced', orderId: 'o-1' },
      { type: 'OrderPlaced', orderId: 'o-2' },
      { type: 'OrderCancelled', orderId: 'o-1' },
    ]);
  });

  it('fails entries on demand, one by one, without stopping the others', async () => {
    cloud().kinesis.failNext({ entries: 1 });
    cloud().kinesis.failNext({ entries: Infinity, partitionKey: 'o-3', errorCode: 'InternalFailure' });
    const answer = await kinesis.send(new PutRecordsCommand({ StreamName, Records: [entry('o-1'), entry('o-2'), entry('o-3'), entry('o-4')] }));
    expect(answer.FailedRecordCount).toBe(2);
    expect(answer.Records!.map((record) => record.ErrorCode ?? 'ok')).toEqual(['ProvisionedThroughputExceededException', 'ok', 'InternalFailure', 'ok']);
    expect(answer.Records![0]!.ErrorMessage).toMatch(/Rate exceeded/);
    expect(answer.Records![0]!.SequenceNumber).toBeUndefined();

    const again = await kinesis.send(new PutRecordsCommand({ StreamName, Records: [entry('o-1'), entry('o-3')] }));
    expect(again.Records!.map((record) => record.ErrorCode ?? 'ok')).toEqual(['ok', 'InternalFailure']);
    expect([...cloud().kinesis.recordsByPartitionKey(StreamName).keys()]).toEqual(['o-2', 'o-4', 'o-1']);
  });

  it('keeps each partition key on one shard, in order, and lets a consumer read it back', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'wide', ShardCount: 4 }));
    for (let n = 0; n < 20; n++) await kinesis.send(new PutRecordCommand({ StreamName: 'wide', ...entry(`o-${n % 5}`, `v${n}`) }));

    const byKey = cloud().kinesis.recordsByPartitionKey('wide');
    for (const [key, records] of byKey) {
      expect(new Set(records.map((record) => record.shardId)).size, `${key} stays on one shard`).toBe(1);
      expect(records.map((record) => JSON.parse(record.data.toString()).type)).toEqual(
        Array.from({ length: 20 }, (_, n) => n).filter((n) => `o-${n % 5}` === key).map((n) => `v${n}`),
      );
    }

    const { Shards = [] } = await kinesis.send(new ListShardsCommand({ StreamName: 'wide' }));
    expect(Shards).toHaveLength(4);
    let read = 0;
    for (const shard of Shards) {
      const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'wide', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
      const { Records = [] } = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
      read += Records.length;
    }
    expect(read).toBe(20);
  });

  it('checks the limits Kinesis checks', async () => {
    const tooMany = Array.from({ length: kinesisLimits.maxRecordsPerRequest + 1 }, (_, n) => entry(`o-${n}`));
    await expect(kinesis.send(new PutRecordsCommand({ StreamName, Records: tooMany }))).rejects.toThrow(/between 1 and 500/);
    await expect(kinesis.send(new PutRecordsCommand({ StreamName, Records: [entry('k'.repeat(257))] }))).rejects.toThrow(/PartitionKey/);
    await expect(kinesis.send(new PutRecordsCommand({ StreamName: 'nope', Records: [entry('o-1')] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(cloud().kinesis.records(StreamName)).toEqual([]);
  });
});
