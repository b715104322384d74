import { PutObjectCommand, S3Client, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../workshop/testing/order.js';
import { createStreamBuilder } from '../../workshop/testing/stream-events.js';
import { handler, isTtlExpiry, withTtl } from './archive.js';

// ---- an order, as the orders table holds it --------------------------------

function order(overrides: Partial<Order> = {}): Order {
  return {
    orderId: 'o-1001',
    customerId: 'c-42',
    email: 'hanako@example.com',
    lines: [
      { sku: 'TEA-SENCHA', quantity: 2, unitPriceCents: 1200 },
      { sku: 'CUP-WHITE', quantity: 1, unitPriceCents: 2500 },
    ],
    totalCents: 4900,
    status: 'SHIPPED',
    createdAt: '2026-03-07T10:15:00.000Z',
    expiresAt: 1_780_654_500, // createdAt + 90 days, in epoch seconds
    ...overrides,
  };
}

/** 2026-11-29T09:00:00Z, in epoch seconds. */
const nowEpochSeconds = 1_795_942_800;
const now = new Date(nowEpochSeconds * 1000);

// ---- withTtl ----------------------------------------------------------------

describe('withTtl — an expiry DynamoDB understands', () => {
  /** Fails with the reason when `expiresAt` is in milliseconds; otherwise hands it back. */
  function inSeconds(expiresAt: number): number {
    if (expiresAt > 1e11)
      expect.fail(
        `expiresAt is ${expiresAt}, a value in milliseconds (now.getTime() counts ms). DynamoDB's TTL reads epoch seconds, ` +
          'so it would take this for a date more than 50,000 years ahead and never expire the order: divide by 1000 (and floor)',
      );
    return expiresAt;
  }

  it('sets expiresAt in epoch SECONDS: floor(now / 1000) + days × 86400', () => {
    const { expiresAt } = withTtl(order(), now, 30);

    expect(inSeconds(expiresAt), 'expiresAt = Math.floor(now.getTime() / 1000) + days * 86400').toBe(nowEpochSeconds + 30 * 86_400);
  });

  it.each([
    [0, nowEpochSeconds],
    [1, nowEpochSeconds + 86_400],
    [90, nowEpochSeconds + 7_776_000],
    [7 * 365, nowEpochSeconds + 220_752_000],
  ])('days = %i gives expiresAt %i', (days, expected) => {
    expect(inSeconds(withTtl(order(), now, days).expiresAt)).toBe(expected);
  });

  it('drops the fraction of a second: 09:00:00.999 gives the same expiresAt as 09:00:00.000', () => {
    const almostNextSecond = new Date(nowEpochSeconds * 1000 + 999);

    const expiresAt = inSeconds(withTtl(order(), almostNextSecond, 1).expiresAt);

    expect(Number.isInteger(expiresAt), `expiresAt should be a whole number of seconds, got ${expiresAt}`).toBe(true);
    expect(expiresAt, 'round DOWN with Math.floor: Math.round would move the expiry one second later').toBe(nowEpochSeconds + 86_400);
  });

  it('returns a new object with every attribute of the item plus expiresAt', () => {
    const item = order();
    delete item.expiresAt;

    const result = withTtl(item, now, 30);

    expect(result, 'return a copy ({ ...item, expiresAt }), not the item itself').not.toBe(item);
    expect(result, 'keep every attribute of the item, and add expiresAt').toEqual({ ...item, expiresAt: expect.any(Number) });
  });

  it('leaves the item it was given unchanged', () => {
    const item = order({ expiresAt: 1_000_000_000 });
    const before = structuredClone(item);

    withTtl(item, now, 30);

    expect(item, 'withTtl must not change its argument: copy it, then set expiresAt on the copy').toEqual(before);
  });

  it('replaces an expiresAt the item already has (renewing its TTL)', () => {
    const renewed = withTtl(order({ expiresAt: 1_000_000_000 }), now, 7);

    expect(inSeconds(renewed.expiresAt), 'set expiresAt after spreading the item, so the new value wins').toBe(nowEpochSeconds + 7 * 86_400);
  });

  it.each([
    [-1, 'negative: the item would expire before it was written'],
    [1.5, 'not a whole number of days'],
    [Number.NaN, 'NaN would be stored as an expiresAt DynamoDB rejects'],
    [Number.POSITIVE_INFINITY, 'Infinity is not a date'],
  ])('refuses days = %s with a RangeError naming `days` (%s)', (days) => {
    expect(() => withTtl(order(), now, days), 'check `days` first: a whole number ≥ 0, else throw a RangeError').toThrow(RangeError);
    expect(() => withTtl(order(), now, days)).toThrow(/days/);
  });

  it('refuses an invalid Date with a RangeError', () => {
    expect(() => withTtl(order(), new Date('not a date'), 30), 'new Date("not a date").getTime() is NaN: refuse it').toThrow(RangeError);
  });
});

// ---- isTtlExpiry ----------------------------------------------------------------

describe('isTtlExpiry — who deleted the item?', () => {
  const stream = createStreamBuilder();
  const ttlIdentity = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };
  const removedBy = (userIdentity: unknown): DynamoDBRecord => ({ ...stream.remove(order()), userIdentity });
  const cancel = () => stream.modify(order({ status: 'PLACED' }), order({ status: 'CANCELLED' }));

  it.each<[string, boolean, () => DynamoDBRecord]>([
    ['a REMOVE by DynamoDB TTL', true, () => stream.ttlExpiry(order())],
    ['a REMOVE by TTL on a KEYS_ONLY stream (the identity is on the record, not in an image)', true, () =>
      createStreamBuilder({ viewType: 'KEYS_ONLY' }).ttlExpiry(order())],
    ['a REMOVE by a user (DeleteItem: no userIdentity)', false, () => stream.remove(order())],
    ['a REMOVE by another service', false, () => removedBy({ type: 'Service', principalId: 'lambda.amazonaws.com' })],
    ['a REMOVE whose identity names DynamoDB but is not of type Service', false, () =>
      removedBy({ type: 'User', principalId: 'dynamodb.amazonaws.com' })],
    ['a REMOVE whose identity is of type Service but has no principalId', false, () => removedBy({ type: 'Service' })],
    ['an INSERT', false, () => stream.insert(order())],
    ['a MODIFY', false, cancel],
    ['a MODIFY carrying the TTL identity (only deletions are expiries)', false, () => ({ ...cancel(), userIdentity: ttlIdentity })],
  ])('%s → %s', (_description, expected, makeRecord) => {
    expect(
      isTtlExpiry(makeRecord()),
      'a TTL expiry is a REMOVE whose userIdentity has type "Service" AND principalId "dynamodb.amazonaws.com"',
    ).toBe(expected);
  });
});

// ---- handler ----------------------------------------------------------------

describe('handler — archiving expired orders to S3', () => {
  const bucket = 'orders-archive-test';
  let s3: AwsClientStub<S3Client>;

  beforeEach(() => {
    s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({ ETag: '"d41d8cd98f00b204e9800998ecf8427e"' });
    vi.stubEnv('ARCHIVE_BUCKET', bucket);
  });

  afterEach(() => {
    s3.restore();
    vi.unstubAllEnvs();
  });

  /** The input of every PutObject the handler sent, in order. */
  function puts(): PutObjectCommandInput[] {
    return s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
  }

  /** The object body as the JSON value it holds. */
  function bodyOf(input: PutObjectCommandInput | undefined): unknown {
    const body = input?.Body;
    if (typeof body === 'string') return JSON.parse(body);
    if (body instanceof Uint8Array) return JSON.parse(new TextDecoder().decode(body));
    return expect.fail(`the PutObject Body should be the order as JSON text (a string), got ${String(body)}`);
  }

  /** The message the handler rejected with, or 'resolved'. */
  function messageOf(run: Promise<void>): Promise<string> {
    return run.then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  }

  it('puts an expired order into ARCHIVE_BUCKET as orders/YYYY/MM/DD/<orderId>.json, with ContentType application/json', async () => {
    const stream = createStreamBuilder();

    await handler(stream.event(stream.ttlExpiry(order())));

    expect(puts(), 'one TTL expiry → exactly one PutObjectCommand').toHaveLength(1);
    expect(s3, 'Bucket from ARCHIVE_BUCKET, Key from the UTC date of createdAt and the orderId').toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: bucket,
      Key: 'orders/2026/03/07/o-1001.json',
      ContentType: 'application/json',
    });
  });

  it('writes the order itself as the body: plain JSON, numbers as numbers, lines nested', async () => {
    const stream = createStreamBuilder();

    await handler(stream.event(stream.ttlExpiry(order())));

    expect(
      bodyOf(puts()[0]),
      'unmarshall the OldImage and JSON.stringify the result: the archive holds the order as the application knows it, not {"S": …}/{"N": "…"} attribute values',
    ).toEqual(order());
  });

  it.each([
    ['2026-03-07T10:15:00.000Z', 'orders/2026/03/07/', 'month and day zero-padded'],
    ['2026-01-05T23:59:59.999Z', 'orders/2026/01/05/', 'the last millisecond of a day'],
    ['2026-02-01T00:00:00.000Z', 'orders/2026/02/01/', 'midnight starts the new day'],
    ['2025-12-31T23:30:00.000Z', 'orders/2025/12/31/', 'the year of createdAt, not of the expiry'],
    ['2026-11-20T08:00:00.000Z', 'orders/2026/11/20/', 'two-digit month and day'],
  ])('files an order created at %s under %s (%s)', async (createdAt, prefix) => {
    const stream = createStreamBuilder();

    await handler(stream.event(stream.ttlExpiry(order({ orderId: 'o-7', createdAt }))));

    expect(puts()[0]?.Key, 'Key = orders/YYYY/MM/DD/<orderId>.json, with the UTC year, month (1–12) and day of createdAt, zero-padded').toBe(
      `${prefix}o-7.json`,
    );
  });

  it('files by the UTC day even where the local clock has already reached the next day (TZ=Asia/Tokyo)', async () => {
    // 23:30 UTC on 7 March is 08:30 on 8 March in Tokyo. (Node applies a new TZ at once in a child
    // process, vitest's default `forks` pool; worker threads would keep the old zone.)
    vi.stubEnv('TZ', 'Asia/Tokyo');
    const stream = createStreamBuilder();

    await handler(stream.event(stream.ttlExpiry(order({ createdAt: '2026-03-07T23:30:00.000Z' }))));

    expect(puts()[0]?.Key, 'use the UTC date (getUTCDate / toISOString), not the local one (getDate)').toBe('orders/2026/03/07/o-1001.json');
  });

  it('files by the day the order was created, not the day TTL deleted it', async () => {
    const stream = createStreamBuilder();
    const deletedAt = new Date('2026-06-08T04:00:00Z'); // the record's ApproximateCreationDateTime

    await handler(stream.event(stream.ttlExpiry(order({ createdAt: '2026-03-07T10:15:00.000Z' }), deletedAt)));

    expect(
      puts()[0]?.Key,
      "take the date from the old image's createdAt; the record's ApproximateCreationDateTime is when TTL got round to deleting it",
    ).toBe('orders/2026/03/07/o-1001.json');
  });

  it.each<[string, (stream: ReturnType<typeof createStreamBuilder>) => DynamoDBRecord]>([
    ['a user delete (a REMOVE without the TTL identity)', (stream) => stream.remove(order())],
    ['an INSERT', (stream) => stream.insert(order())],
    ['a MODIFY', (stream) => stream.modify(order({ status: 'PLACED' }), order())],
  ])('archives nothing for %s', async (_description, makeRecord) => {
    const stream = createStreamBuilder();

    await handler(stream.event(makeRecord(stream)));

    expect(s3.calls(), 'only TTL expiries are archived: no S3 request for anything else').toHaveLength(0);
  });

  it('archives only the TTL expiries of a mixed batch, in record order', async () => {
    const stream = createStreamBuilder();
    const first = order({ orderId: 'o-1', createdAt: '2026-01-10T09:00:00.000Z' });
    const second = order({ orderId: 'o-2', createdAt: '2026-02-20T09:00:00.000Z' });
    const third = order({ orderId: 'o-3', createdAt: '2026-01-03T09:00:00.000Z' });

    await handler(
      stream.event(
        stream.ttlExpiry(first),
        stream.insert(order({ orderId: 'o-9' })),
        stream.remove(order({ orderId: 'o-8' })),
        stream.ttlExpiry(second),
        stream.modify(order({ orderId: 'o-7', status: 'PLACED' }), order({ orderId: 'o-7' })),
        stream.ttlExpiry(third),
      ),
    );

    expect(puts().map((put) => put.Key), 'one PutObject per TTL expiry, in the order of the records').toEqual([
      'orders/2026/01/10/o-1.json',
      'orders/2026/02/20/o-2.json',
      'orders/2026/01/03/o-3.json',
    ]);
    expect(puts().map(bodyOf)).toEqual([first, second, third]);
  });

  it('handles the records one at a time: each PutObject starts after the previous one finished', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    s3.on(PutObjectCommand).callsFake(async () => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await Promise.resolve();
      await Promise.resolve();
      inFlight -= 1;
      return {};
    });
    const stream = createStreamBuilder();

    const expiries = ['o-1', 'o-2', 'o-3'].map((orderId) => stream.ttlExpiry(order({ orderId })));

    await handler(stream.event(...expiries));

    expect(puts()).toHaveLength(3);
    expect(
      mostInFlight,
      'await each PutObject inside a for…of loop; Promise.all sends them all at once, in no guaranteed order of completion',
    ).toBe(1);
  });

  it('lets a failed PutObject fail the invocation, so Lambda retries the batch (the record is the last copy of the order)', async () => {
    s3.on(PutObjectCommand).rejects(new Error('SlowDown: Please reduce your request rate.'));
    const stream = createStreamBuilder();

    const outcome = await messageOf(handler(stream.event(stream.ttlExpiry(order()))));

    expect(
      outcome,
      'do not catch the S3 error: TTL already deleted the item, so a swallowed failure loses the order for good',
    ).toMatch(/SlowDown/);
  });

  it.each(['KEYS_ONLY', 'NEW_IMAGE'] as const)(
    'fails with an error naming the view type it needs when a TTL expiry has no OldImage (a %s stream)',
    async (viewType) => {
      const stream = createStreamBuilder({ viewType });

      const outcome = await messageOf(handler(stream.event(stream.ttlExpiry(order()))));

      expect(outcome, 'without an OldImage there is nothing to archive: throw an error that names OLD_IMAGE or NEW_AND_OLD_IMAGES').toMatch(
        /OLD_IMAGE/,
      );
      expect(s3.calls(), 'nothing to archive, so nothing is put').toHaveLength(0);
    },
  );

  it('ignores user deletes, inserts and changes on a KEYS_ONLY stream without complaint', async () => {
    const stream = createStreamBuilder({ viewType: 'KEYS_ONLY' });

    await expect(
      handler(stream.event(stream.insert(order()), stream.modify(order({ status: 'PLACED' }), order()), stream.remove(order()))),
      'only a TTL expiry needs the OldImage: check isTtlExpiry first',
    ).resolves.toBeUndefined();
    expect(s3.calls()).toHaveLength(0);
  });

  it('reads ARCHIVE_BUCKET when it runs, not when the module is loaded', async () => {
    const stream = createStreamBuilder();

    vi.stubEnv('ARCHIVE_BUCKET', 'orders-archive-blue');
    await handler(stream.event(stream.ttlExpiry(order({ orderId: 'o-1' }))));
    vi.stubEnv('ARCHIVE_BUCKET', 'orders-archive-green');
    await handler(stream.event(stream.ttlExpiry(order({ orderId: 'o-2' }))));

    expect(puts().map((put) => put.Bucket), 'read process.env.ARCHIVE_BUCKET inside the handler').toEqual([
      'orders-archive-blue',
      'orders-archive-green',
    ]);
  });

  it('fails with an error naming ARCHIVE_BUCKET when it is not set, and puts nothing', async () => {
    vi.stubEnv('ARCHIVE_BUCKET', undefined);
    const stream = createStreamBuilder();

    const outcome = await messageOf(handler(stream.event(stream.ttlExpiry(order()))));

    expect(outcome, 'without a bucket name there is nowhere to archive: throw an error that names ARCHIVE_BUCKET').toMatch(/ARCHIVE_BUCKET/);
    expect(s3.calls()).toHaveLength(0);
  });
});
