/**
 * Tests for 11 · Add a service. The handler runs against a real (local)
 * idempotency table, with stream events shaped like the ones Lambda sends, a
 * fake e-mail provider that can be switched off, and a clock the tests move
 * for the circuit breaker. The whole system, on the local cloud, is tested in
 * system.e2e.test.ts beside this file.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { createStreamBuilder, redeliveryFrom } from '../../workshop/testing/stream-events.js';
import { useTables } from '../../workshop/testing/use-tables.js';
import { createNotificationHandler, type EmailMessage } from './notifications.js';

useTables('idempotency');
const stream = createStreamBuilder();

type Handler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

let ordersMade = 0;
/** An order item as the orders table holds it; order ids are unique across the file. */
function anOrder(overrides: { email?: string | undefined } = {}) {
  const orderId = `o-${++ordersMade}`;
  return {
    orderId,
    customerId: 'c-1',
    email: `buyer-${orderId}@example.com`,
    lines: [{ sku: 'TEA', quantity: 2, unitPriceCents: 450 }],
    totalCents: 900,
    status: 'PLACED',
    createdAt: '2026-11-29T09:00:00.000Z',
    ...overrides,
  };
}
const withoutEmail = () => {
  const { email: _email, ...order } = anOrder();
  return order;
};

/** A BaaS e-mail provider: it accepts messages, unless it is down. */
function fakeEmailProvider() {
  let down = false;
  const failOnceFor = new Set<string>();
  const sent: EmailMessage[] = [];
  const provider = {
    sent,
    /** Every call, accepted or not. */
    calls: 0,
    async send(message: EmailMessage): Promise<void> {
      provider.calls += 1;
      if (down) throw new Error('503 Service Unavailable: the e-mail provider is down');
      if (failOnceFor.delete(message.to)) throw new Error('503 Service Unavailable: try again');
      sent.push(message);
    },
    /** The next message to `to` fails, once. */
    failOnce: (to: string) => void failOnceFor.add(to),
    goDown: () => void (down = true),
    recover: () => void (down = false),
    /** How many e-mails each address received. */
    countsByRecipient: () => sent.reduce((counts, m) => ({ ...counts, [m.to]: (counts[m.to] ?? 0) + 1 }), {} as Record<string, number>),
  };
  return provider;
}

const breakerOptions = { failureThreshold: 3, resetTimeoutMs: 30_000 };

/** A handler with its own provider and its own clock (epoch ms) for the breaker. */
function setUp() {
  const provider = fakeEmailProvider();
  const clock = { nowMs: 1_000_000 };
  const handler: Handler = createNotificationHandler({ email: provider, breaker: { ...breakerOptions, now: () => clock.nowMs } });
  return { provider, clock, handler };
}

const sequenceNumberOf = (record: DynamoDBRecord): string => record.dynamodb!.SequenceNumber!;
const failureAt = (record: DynamoDBRecord): DynamoDBBatchResponse => ({ batchItemFailures: [{ itemIdentifier: sequenceNumberOf(record) }] });
const allGood: DynamoDBBatchResponse = { batchItemFailures: [] };

/** A fresh copy of the learner's module, as a cold-started Lambda instance would load it. */
async function coldStart(provider: ReturnType<typeof fakeEmailProvider>): Promise<Handler> {
  vi.resetModules();
  const fresh = await import('./notifications.js');
  return fresh.createNotificationHandler({ email: provider, breaker: { ...breakerOptions, now: () => 1_000_000 } });
}

describe('notifications: one confirmation e-mail per new order', () => {
  it('sends one e-mail per new order that has an e-mail address, to that address, naming the order', async () => {
    const { provider, handler } = setUp();
    const [first, second] = [anOrder(), anOrder()];

    const response = await handler(stream.event(stream.insert(first), stream.insert(second)));

    expect(provider.sent.map((m) => m.to), 'one e-mail per INSERT of an order with `email`, in stream order').toEqual([first.email, second.email]);
    for (const [message, order] of [[provider.sent[0], first], [provider.sent[1], second]] as const) {
      expect(`${message?.subject}\n${message?.text}`, 'the confirmation should name the order (its orderId) in the subject or the text').toContain(
        order.orderId,
      );
      expect(message?.subject, 'an e-mail needs a subject').toBeTruthy();
    }
    expect(response, 'all good: an empty batchItemFailures list').toEqual(allGood);
  });

  it.each([
    { kind: 'INSERT of an order without an e-mail address', record: () => stream.insert(withoutEmail()) },
    { kind: 'MODIFY (the order was cancelled)', record: () => stream.modify(anOrder(), { ...anOrder(), status: 'CANCELLED' }) },
    { kind: 'REMOVE (someone deleted the order)', record: () => stream.remove(anOrder()) },
    { kind: 'REMOVE by TTL (the order expired)', record: () => stream.ttlExpiry(anOrder()) },
  ])('skips an $kind: no e-mail, and no failure', async ({ record }) => {
    const { provider, handler } = setUp();

    const response = await handler(stream.event(record()));

    expect(provider.calls, 'only an INSERT of an order with `email` is mailed').toBe(0);
    expect(response, 'a skipped record is handled, not failed').toEqual(allGood);
  });

  it('reports an INSERT without NewImage as failed instead of dropping its e-mail', async () => {
    const { handler } = setUp();
    const keysOnly = createStreamBuilder({ viewType: 'KEYS_ONLY' });
    const record = keysOnly.insert(anOrder());

    const response = await handler(keysOnly.event(record));

    expect(response, 'without NewImage there is no address: fail the record (the stream needs NEW_IMAGE or NEW_AND_OLD_IMAGES)').toEqual(
      failureAt(record),
    );
  });
});

describe('notifications: at most once per order', () => {
  it('sends one e-mail for an order delivered twice in one batch', async () => {
    const { provider, handler } = setUp();
    const order = anOrder();
    const record = stream.insert(order);

    await handler(stream.event(record, record));

    expect(provider.countsByRecipient(), 'the same record twice: guard the send with makeIdempotent, keyed by orderId').toEqual({ [order.email]: 1 });
  });

  it('sends one e-mail for a batch replayed to the same and to a cold-started instance', async () => {
    const { provider, handler } = setUp();
    const [first, second] = [anOrder(), anOrder()];
    const event = stream.event(stream.insert(first), stream.insert(second));

    await handler(event);
    await handler(event);
    const replayed = await (await coldStart(provider))(event);

    expect(provider.countsByRecipient(), 'only the idempotency table remembers across instances: one e-mail per order').toEqual({
      [first.email]: 1,
      [second.email]: 1,
    });
    expect(replayed, 'an order already mailed is a success, not a failure').toEqual(allGood);
  });

  it('sends once when two instances get the same order at the same moment', async () => {
    const order = anOrder();
    const record = stream.insert(order);
    const provider = fakeEmailProvider();
    // The first instance's send hangs until the test lets it go.
    let release: (() => void) | undefined;
    let sending!: () => void;
    const sendStarted = new Promise<void>((resolve) => (sending = resolve));
    const slowProvider = {
      async send(message: EmailMessage) {
        sending();
        await new Promise<void>((resolve) => (release = resolve));
        await provider.send(message);
      },
    };
    const first = createNotificationHandler({ email: slowProvider, breaker: breakerOptions });
    const second = await coldStart(provider);

    const firstResponse = first(stream.event(record));
    await Promise.race([sendStarted, firstResponse.catch(() => undefined)]); // the first is sending (or has given up)
    const secondResponse = await second(stream.event(record));
    release?.();
    await firstResponse;
    if (secondResponse.batchItemFailures.length > 0) await second(stream.event(record)); // Lambda redelivers what it reported

    expect(provider.countsByRecipient(), 'a copy that arrives while the first is sending must not send (the INPROGRESS lock)').toEqual({
      [order.email]: 1,
    });
  });
});

describe('notifications: the provider is down', () => {
  it('reports the first failing record and processes nothing after it in that batch', async () => {
    const { provider, handler } = setUp();
    const [mailed, failing, later] = [anOrder(), anOrder(), anOrder()];
    const failingRecord = stream.insert(failing);
    const event = stream.event(stream.insert(mailed), failingRecord, stream.insert(later));
    provider.failOnce(failing.email);

    const response = await handler(event);
    const sentBeforeRetry = provider.sent.map((m) => m.to);
    const retry = await handler(redeliveryFrom(event, sequenceNumberOf(failingRecord)));

    expect(response, 'a failed send is reported by the SequenceNumber of its record, and nothing before it').toEqual(failureAt(failingRecord));
    expect(sentBeforeRetry, 'stop at the failing record: Lambda redelivers it and every record after it').toEqual([mailed.email]);
    expect(retry, 'the redelivered records all go through').toEqual(allGood);
    expect(provider.countsByRecipient(), 'after the redelivery every order has exactly one e-mail').toEqual({
      [mailed.email]: 1,
      [failing.email]: 1,
      [later.email]: 1,
    });
  });

  it('opens the breaker after failureThreshold failed sends: later deliveries are reported without calling the provider', async () => {
    const { provider, clock, handler } = setUp();
    const records = [stream.insert(anOrder()), stream.insert(anOrder())];
    const event = stream.event(...records);
    provider.goDown();

    const responses: DynamoDBBatchResponse[] = [];
    for (let delivery = 1; delivery <= breakerOptions.failureThreshold + 2; delivery++) responses.push(await handler(event));
    const callsWhileDown = provider.calls;
    provider.recover(); // back, but the breaker stays open until resetTimeoutMs has passed
    clock.nowMs += breakerOptions.resetTimeoutMs - 1;
    const stillOpen = await handler(event);

    for (const response of responses)
      expect(response, 'while the provider is down, report the first order: never claim success for an e-mail not sent').toEqual(
        failureAt(records[0]!),
      );
    expect(callsWhileDown, `the breaker opens after ${breakerOptions.failureThreshold} failures in a row and stops calling the provider`).toBe(
      breakerOptions.failureThreshold,
    );
    expect(stillOpen, 'before resetTimeoutMs has passed the breaker is still open: report the record').toEqual(failureAt(records[0]!));
    expect(provider.sent, 'an open breaker sends nothing').toEqual([]);
  });

  it('sends each e-mail exactly once when the records come again after the provider is back', async () => {
    const { provider, clock, handler } = setUp();
    const orders = [anOrder(), withoutEmail(), anOrder(), anOrder()];
    const event = stream.event(...orders.map((order) => stream.insert(order)));
    provider.goDown();

    // Lambda redelivers from the reported record, again and again, while the provider is down.
    let pending = event;
    for (let delivery = 1; delivery <= breakerOptions.failureThreshold + 1; delivery++) {
      const response = await handler(pending);
      const reported = response.batchItemFailures[0]?.itemIdentifier;
      if (reported) pending = redeliveryFrom(pending, reported);
    }
    provider.recover();
    clock.nowMs += breakerOptions.resetTimeoutMs; // the breaker lets a trial call through
    const afterRecovery = await handler(pending);
    await handler(event); // and a replay of the whole batch, for good measure

    expect(afterRecovery, 'once the provider is back and the breaker half-open, the redelivered records go through').toEqual(allGood);
    expect(provider.countsByRecipient(), 'never dropped, never sent twice: exactly one e-mail per order with an address').toEqual(
      Object.fromEntries(orders.flatMap((order) => ('email' in order ? [[order.email, 1]] : []))),
    );
  });

  it('throws when a failing record has no SequenceNumber, so Lambda retries the whole batch', async () => {
    const { provider, handler } = setUp();
    const record = stream.insert(anOrder());
    delete record.dynamodb!.SequenceNumber;
    provider.goDown();

    await expect(handler(stream.event(record)), 'without a SequenceNumber there is nothing to report: rethrow').rejects.toThrow();
  });
});
