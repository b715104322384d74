/**
 * Real stream records for the reference page, built at docs build time by the
 * same builders the exercises' tests use (workshop/testing/stream-events.ts).
 * If the kit's record shape ever changes, the page changes with it.
 *
 * The story of one order: placed, cancelled a quarter of an hour later, and
 * deleted by DynamoDB's TTL some time after its 90 days were up.
 */
import { createStreamBuilder } from '../../workshop/testing/stream-events.js';

const createdAt = '2026-11-29T08:59:59.412Z';
const order = {
  orderId: 'o-1001',
  customerId: 'c-42',
  lines: [{ sku: 'TEA', quantity: 2, unitPriceCents: 1250 }],
  totalCents: 2500,
  status: 'PLACED',
  createdAt,
  // Epoch SECONDS, 90 days after createdAt: what exercise 10's withTtl writes.
  expiresAt: Math.floor(Date.parse(createdAt) / 1000) + 90 * 86_400,
};
const cancelled = { ...order, status: 'CANCELLED' };

const placedAt = new Date('2026-11-29T09:00:00Z');
const cancelledAt = new Date('2026-11-29T09:14:31Z');
// TTL deletes in the background, some time after expiresAt has passed.
const expiredAt = new Date('2027-02-27T21:40:12Z');

// 7 below 10^21: with the builder's step of 7, the second record's sequence
// number has one digit more than the first's, as happens on AWS.
const firstSequenceNumber = 10n ** 21n - 7n;

export default {
  load() {
    const stream = createStreamBuilder({ firstSequenceNumber });
    const insert = stream.insert(order, placedAt);
    const modify = stream.modify(order, cancelled, cancelledAt);
    const ttlRemove = stream.ttlExpiry(cancelled, expiredAt);

    // The same INSERT, from a stream that carries the keys only.
    const keysOnlyInsert = createStreamBuilder({ viewType: 'KEYS_ONLY', firstSequenceNumber }).insert(order, placedAt);

    const first = insert.dynamodb?.SequenceNumber ?? '';
    const second = modify.dynamodb?.SequenceNumber ?? '';
    return {
      insert,
      modify,
      ttlRemove,
      keysOnlyInsert,
      expiresAt: order.expiresAt,
      sequence: {
        first,
        second,
        // Which of the two is later? Strings and numbers disagree.
        laterAsStrings: first > second ? first : second,
        laterAsBigInt: BigInt(first) > BigInt(second) ? first : second,
      },
    };
  },
};
