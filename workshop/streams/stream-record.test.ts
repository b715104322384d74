import { describe, expect, it } from 'vitest';
import { createStreamBuilder, redeliveryFrom } from '../testing/stream-events.js';
import { compareSequenceNumbers, SequenceNumbers } from './stream-record.js';

/**
 * The sample event of the Lambda developer guide ("Using AWS Lambda with
 * Amazon DynamoDB", with-ddb.html), first record, as published.
 */
const awsSampleRecord = {
  eventID: 'c4ca4238a0b923820dcc509a6f75849b',
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'us-east-1',
  dynamodb: {
    Keys: { Id: { N: '101' } },
    NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
    ApproximateCreationDateTime: 1428537600,
    SequenceNumber: '4421584500000000017450439091',
    SizeBytes: 26,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
  eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899',
};

describe('a built record next to the sample in AWS docs', () => {
  const stream = createStreamBuilder({
    table: { name: 'ExampleTableWithStream', keyAttributes: ['Id'] },
    region: 'us-east-1',
    firstSequenceNumber: 4421584500000000017450439091n,
  });
  const built = stream.insert({ Message: 'New item!', Id: 101 }, new Date(1428537600 * 1000));

  it('has the same fields at every level, and no others', () => {
    expect(Object.keys(built).sort()).toEqual(Object.keys(awsSampleRecord).sort());
    expect(Object.keys(built.dynamodb!).sort()).toEqual(Object.keys(awsSampleRecord.dynamodb).sort());
  });

  it.each(['eventName', 'eventVersion', 'eventSource', 'awsRegion'] as const)('has the same %s', (field) => {
    expect(built[field]).toBe(awsSampleRecord[field]);
  });

  it('has the same keys, image, time, sequence number, size and view type', () => {
    expect(built.dynamodb).toEqual(awsSampleRecord.dynamodb);
  });

  it('has an eventID of 32 hex digits and a stream ARN of the same form', () => {
    expect(built.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(built.eventSourceARN).toMatch(/^arn:aws:dynamodb:us-east-1:\d{12}:table\/ExampleTableWithStream\/stream\/\d{4}-\d\d-\d\dT[\d:.]+$/);
  });
});

describe('images by view type', () => {
  const order = { orderId: 'o-1', status: 'PLACED', totalCents: 1200 };
  const cancelled = { ...order, status: 'CANCELLED' };
  it.each([
    ['KEYS_ONLY', false, false],
    ['NEW_IMAGE', true, false],
    ['OLD_IMAGE', false, true],
    ['NEW_AND_OLD_IMAGES', true, true],
  ] as const)('%s: a MODIFY carries new image %s, old image %s', (viewType, hasNew, hasOld) => {
    const record = createStreamBuilder({ viewType }).modify(order, cancelled);
    expect(record.dynamodb!.Keys).toEqual({ orderId: { S: 'o-1' } });
    expect(record.dynamodb!.NewImage !== undefined).toBe(hasNew);
    expect(record.dynamodb!.OldImage !== undefined).toBe(hasOld);
    expect(record.dynamodb!.StreamViewType).toBe(viewType);
  });

  it('never gives an INSERT an old image or a REMOVE a new one', () => {
    const stream = createStreamBuilder();
    expect(stream.insert(order).dynamodb!.OldImage).toBeUndefined();
    expect(stream.remove(order).dynamodb!.NewImage).toBeUndefined();
  });

  it('marks only TTL deletions with the service identity', () => {
    const stream = createStreamBuilder();
    expect(stream.ttlExpiry(order).userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(stream.remove(order).userIdentity).toBeUndefined();
  });
});

describe('sequence numbers', () => {
  it('grow, and change length, so only a BigInt comparison orders them', () => {
    const numbers = new SequenceNumbers(10n ** 21n - 2n, 1n);
    const [a, b, c] = [numbers.take(), numbers.take(), numbers.take()];
    expect([a.length, c.length]).toEqual([21, 22]);
    expect(compareSequenceNumbers(a, c)).toBe(-1);
    expect(a < c).toBe(false); // the string comparison gets it wrong
    expect(compareSequenceNumbers(b, b)).toBe(0);
  });

  it('redelivers a batch from the reported record on', () => {
    const stream = createStreamBuilder({ firstSequenceNumber: 10n ** 21n - 7n });
    const records = [1, 2, 3, 4].map((n) => stream.insert({ orderId: `o-${n}` }));
    const from = records[2]!.dynamodb!.SequenceNumber!; // 22 digits; the first two have 21
    expect(redeliveryFrom(stream.event(...records), from).Records).toEqual(records.slice(2));
  });
});
