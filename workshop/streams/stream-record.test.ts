import { describe, expect, it } from 'vitest';
import { createStreamBuilder, redeliveryFrom } from '../testing/stream-events.js';
import { compareSequenceNumbers, SequenceNumbers } from './stream-record.js';

/**
 * The first record of the sample event in the Lambda developer guide, "Using
 * AWS Lambda with Amazon DynamoDB" (with-ddb.html), as published today.
 */
const lambdaGuideSample = {
  eventID: '1',
  eventVersion: '1.0',
  dynamodb: {
    Keys: { Id: { N: '101' } },
    NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } },
    StreamViewType: 'NEW_AND_OLD_IMAGES',
    SequenceNumber: '111',
    SizeBytes: 26,
  },
  awsRegion: 'us-west-2',
  eventName: 'INSERT',
  eventSourceARN: 'arn:aws:dynamodb:us-east-2:123456789012:table/my-table/stream/2023-06-10T19:26:16.525',
  eventSource: 'aws:dynamodb',
};

/**
 * An earlier published version of the same sample (still widely reused): it
 * has every field a real record carries, with realistic values.
 */
const earlierSample = {
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

describe('a built record next to the samples AWS publishes', () => {
  const build = (region: string, firstSequenceNumber: bigint) =>
    createStreamBuilder({ table: { name: 'ExampleTableWithStream', keyAttributes: ['Id'] }, region, firstSequenceNumber }).insert(
      { Message: 'New item!', Id: 101 },
      new Date(1428537600 * 1000),
    );

  describe('the Lambda developer guide sample, field by field', () => {
    const built = build('us-west-2', 10n ** 20n);

    it('has every top-level field of the sample, and no others', () => {
      expect(Object.keys(built).sort()).toEqual(Object.keys(lambdaGuideSample).sort());
    });

    it.each(['eventName', 'eventSource', 'awsRegion'] as const)('has the same %s', (field) => {
      expect(built[field]).toBe(lambdaGuideSample[field]);
    });

    it('has the same Keys, NewImage, SizeBytes and StreamViewType', () => {
      const { Keys, NewImage, SizeBytes, StreamViewType } = built.dynamodb!;
      const sample = lambdaGuideSample.dynamodb;
      expect({ Keys, NewImage, SizeBytes, StreamViewType }).toEqual({
        Keys: sample.Keys,
        NewImage: sample.NewImage,
        SizeBytes: sample.SizeBytes,
        StreamViewType: sample.StreamViewType,
      });
    });

    it('differs only where the sample is illustrative, as the API reference says', () => {
      // The guide abbreviates: its eventID is "1", its eventVersion "1.0" and its
      // SequenceNumber "111". Real records carry a 32-hex-digit id, version 1.1,
      // a SequenceNumber of 21–40 digits, and ApproximateCreationDateTime.
      expect(Object.keys(built.dynamodb!).filter((key) => !(key in lambdaGuideSample.dynamodb))).toEqual([
        'ApproximateCreationDateTime',
      ]);
      expect(built.eventVersion).toBe('1.1');
      expect(built.dynamodb!.SequenceNumber).toMatch(/^\d{21,40}$/);
      expect(built.eventID).toMatch(/^[0-9a-f]{32}$/);
      expect(built.eventSourceARN).toMatch(/^arn:aws:dynamodb:us-west-2:\d{12}:table\/ExampleTableWithStream\/stream\/\d{4}-\d\d-\d\dT[\d:.]+$/);
    });
  });

  describe('the earlier, complete sample', () => {
    const built = build('us-east-1', 4421584500000000017450439091n);

    it('has the same fields at every level, and no others', () => {
      expect(Object.keys(built).sort()).toEqual(Object.keys(earlierSample).sort());
      expect(Object.keys(built.dynamodb!).sort()).toEqual(Object.keys(earlierSample.dynamodb).sort());
    });

    it('matches it exactly but for the id and the stream ARN, which name other streams', () => {
      expect({ ...built, eventID: '', eventSourceARN: '' }).toEqual({ ...earlierSample, eventID: '', eventSourceARN: '' });
    });
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
