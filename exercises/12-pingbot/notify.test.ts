/**
 * Tests for 12 · Pingbot, the notifier. Stream events come from the kit's
 * stream builder (the targets table, NEW_AND_OLD_IMAGES). The notifier is a
 * fake that records what it posts and fails when told to. The filter is
 * checked with the local cloud's own matcher, the one `subscribe` applies.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { matchesAny, parseFilterCriteria } from '../../workshop/local-cloud/filter-pattern.js';
import { createStreamBuilder, redeliveryFrom } from '../../workshop/testing/stream-events.js';
import { createNotifyHandler, statusChangeFilter } from './notify.js';

// ---------------------------------------------------------------- targets and their checks

const url = 'https://shop.example.com/health';
const bare = { targetId: 't-1', url, method: 'HEAD', expectedStatus: 200 };
const checked = (status: 'UP' | 'DOWN', more: Record<string, unknown> = {}) => ({
  ...bare,
  status,
  ...(status === 'UP' ? { httpStatus: 200 } : { httpStatus: 503 }),
  latencyMs: 42,
  checkedAt: '2026-11-29T09:00:00.000Z',
  ...more,
});
const up = (more?: Record<string, unknown>) => checked('UP', more);
const down = (more?: Record<string, unknown>) => checked('DOWN', more);

/** A notifier that records every post; `failing` makes it throw, as Slack does when it is down. */
function fakeNotifier() {
  const notifier = {
    posts: [] as string[],
    attempts: 0,
    failing: false,
    async post(text: string): Promise<void> {
      notifier.attempts += 1;
      if (notifier.failing) throw new Error('Slack answered 503');
      notifier.posts.push(text);
    },
  };
  return notifier;
}

const targetsStream = () => createStreamBuilder({ table: 'targets' });

const sequenceNumberOf = (event: DynamoDBStreamEvent, index: number): string => {
  const sequenceNumber = event.Records[index]?.dynamodb?.SequenceNumber;
  if (!sequenceNumber) throw new Error(`test arrangement: the event has no record ${index}`);
  return sequenceNumber;
};

const allGood: DynamoDBBatchResponse = { batchItemFailures: [] };

// ---------------------------------------------------------------- what is posted

describe('posting only when the status changes', () => {
  it('posts once per flip for a flapping target: UP → DOWN → DOWN → UP is "down", then "up again"', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();
    const handler = createNotifyHandler({ notifier });
    const event = stream.event(
      stream.modify(up(), down()), // flips
      stream.modify(down(), down({ latencyMs: 7, httpStatus: 500 })), // still down
      stream.modify(down({ httpStatus: 500 }), up()), // flips back
    );

    const answer = await handler(event);

    expect(answer, 'every record was handled').toEqual(allGood);
    expect(notifier.posts, 'one post per flip, none for the check that stayed DOWN').toHaveLength(2);
    const [wentDown, cameBack] = notifier.posts as [string, string];
    expect(wentDown, 'the first post names the url').toContain(url);
    expect(wentDown, 'and says it is DOWN, with the HTTP status it got').toMatch(/down/i);
    expect(wentDown).toContain('503');
    expect(cameBack, 'the second post names the url').toContain(url);
    expect(cameBack, 'and says it is up again').toMatch(/up again/i);
  });

  it.each([
    { case: 'an INSERT of a target that is UP', record: (s: Stream) => s.insert(up()) },
    { case: 'an INSERT of a target not checked yet', record: (s: Stream) => s.insert(bare) },
    { case: 'a change of latencyMs only (UP → UP)', record: (s: Stream) => s.modify(up(), up({ latencyMs: 99 })) },
    { case: 'a new HTTP status only (DOWN → DOWN)', record: (s: Stream) => s.modify(down(), down({ httpStatus: 500 })) },
    { case: 'a first check that finds it UP', record: (s: Stream) => s.modify(bare, up()) },
    { case: 'a MODIFY of the url by an operator', record: (s: Stream) => s.modify(up(), up({ url: 'https://shop.example.com/ping' })) },
    { case: 'a REMOVE of a DOWN target', record: (s: Stream) => s.remove(down()) },
  ])('posts nothing for $case', async ({ record }) => {
    const stream = targetsStream();
    const notifier = fakeNotifier();

    const answer = await createNotifyHandler({ notifier })(stream.event(record(stream)));

    expect(notifier.posts, 'post only when the status changes').toEqual([]);
    expect(answer, 'a record that needs no post is done, not a failure').toEqual(allGood);
  });

  it('posts for an INSERT of a target that is DOWN', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();

    await createNotifyHandler({ notifier })(stream.event(stream.insert(down())));

    expect(notifier.posts, 'a target that is DOWN the first time we hear of it is news').toHaveLength(1);
    expect(notifier.posts[0]).toContain(url);
    expect(notifier.posts[0]).toMatch(/down/i);
  });

  it('posts when the first check of a new target finds it DOWN, and names the error when there was no HTTP answer', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();
    const refused = { ...bare, status: 'DOWN', error: 'ECONNREFUSED', latencyMs: 1, checkedAt: '2026-11-29T09:00:00.000Z' };

    await createNotifyHandler({ notifier })(stream.event(stream.modify(bare, refused)));

    expect(notifier.posts, 'no status before, DOWN now: that is a change').toHaveLength(1);
    expect(notifier.posts[0]).toContain(url);
    expect(notifier.posts[0]).toMatch(/down/i);
    expect(notifier.posts[0], 'without an HTTP status, say what went wrong').toContain('ECONNREFUSED');
  });

  it('posts one message per target when several flip in one batch, in stream order', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();
    const other = 'https://blog.example.com/';
    const event = stream.event(
      stream.modify(up(), down()),
      stream.modify(up({ targetId: 't-2', url: other }), up({ targetId: 't-2', url: other, latencyMs: 5 })),
      stream.modify(down({ targetId: 't-2', url: other }), up({ targetId: 't-2', url: other })),
    );

    await createNotifyHandler({ notifier })(event);

    expect(notifier.posts).toHaveLength(2);
    expect(notifier.posts[0]).toContain(url);
    expect(notifier.posts[1]).toContain(other);
    expect(notifier.posts[1]).toMatch(/up again/i);
  });
});

type Stream = ReturnType<typeof targetsStream>;

// ---------------------------------------------------------------- the breaker and partial failures

describe('when the chat is down: the breaker and partial batch failures', () => {
  it('reports the first record it could not post, and posts nothing after it', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();
    const handler = createNotifyHandler({ notifier, breaker: { failureThreshold: 5, resetTimeoutMs: 60_000, now: () => 0 } });
    const event = stream.event(stream.modify(up(), down()), stream.modify(up({ targetId: 't-2' }), down({ targetId: 't-2' })), stream.modify(down(), up()));
    // The first post goes through, then the chat fails.
    const post = notifier.post;
    notifier.post = async (text) => {
      await post(text);
      notifier.failing = true;
    };

    const answer = await handler(event);

    expect(answer, 'report the record whose post failed, by its SequenceNumber, and only that one').toEqual({
      batchItemFailures: [{ itemIdentifier: sequenceNumberOf(event, 1) }],
    });
    expect(notifier.attempts, 'stop at the first failure: Lambda redelivers the records after it').toBe(2);
  });

  it('opens the breaker after failureThreshold failures, keeps reporting the record, and never drops or doubles a post', async () => {
    let now = 0;
    const stream = targetsStream();
    const notifier = fakeNotifier();
    const handler = createNotifyHandler({ notifier, breaker: { failureThreshold: 2, resetTimeoutMs: 30_000, now: () => now } });
    const event = stream.event(
      stream.modify(up(), down()), // 0: posted before the chat fails
      stream.modify(up({ targetId: 't-2' }), down({ targetId: 't-2' })), // 1: the chat is down from here
      stream.modify(up({ targetId: 't-3' }), up({ targetId: 't-3', latencyMs: 1 })), // 2: no flip
      stream.modify(down(), up()), // 3
    );
    const stuckAt = sequenceNumberOf(event, 1);

    // Delivery 1: record 0 is posted, record 1 fails.
    const post = notifier.post;
    notifier.post = async (text) => {
      await post(text);
      notifier.failing = true;
      notifier.post = post;
    };
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: stuckAt }] });
    expect(notifier.posts).toHaveLength(1);

    // Delivery 2, Lambda retries from record 1: the second failure opens the breaker.
    expect(await handler(redeliveryFrom(event, stuckAt)), 'a failed post is reported, not dropped').toEqual({ batchItemFailures: [{ itemIdentifier: stuckAt }] });
    expect(notifier.attempts).toBe(3);

    // Deliveries 3 and 4, the breaker is open: no call reaches the chat, the record is still reported.
    now = 29_999;
    for (let i = 0; i < 2; i++) {
      expect(await handler(redeliveryFrom(event, stuckAt)), 'an open breaker is a failure too: report the record so Lambda delivers it again later').toEqual({
        batchItemFailures: [{ itemIdentifier: stuckAt }],
      });
    }
    expect(notifier.attempts, `after ${2} failures in a row the breaker is open: fire() must not call the chat`).toBe(3);

    // The chat is back, and resetTimeoutMs has passed: the trial post goes through, and the rest follow.
    notifier.failing = false;
    now = 30_000;
    expect(await handler(redeliveryFrom(event, stuckAt)), 'after resetTimeoutMs one trial post is let through; it succeeds, so the batch completes').toEqual(allGood);
    expect(notifier.posts, 'each flip is posted exactly once, in order: none lost, none twice').toHaveLength(3);
    expect(notifier.posts[0]).toContain(url);
    expect(notifier.posts[0]).toMatch(/down/i);
    expect(notifier.posts[1]).toMatch(/down/i);
    expect(notifier.posts[2]).toMatch(/up again/i);
  });

  it('keeps one breaker across invocations: a failure in one batch counts with the next', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();
    notifier.failing = true;
    const handler = createNotifyHandler({ notifier, breaker: { failureThreshold: 2, resetTimeoutMs: 60_000, now: () => 0 } });

    await handler(stream.event(stream.modify(up(), down())));
    await handler(stream.event(stream.modify(up({ targetId: 't-2' }), down({ targetId: 't-2' }))));
    const third = stream.event(stream.modify(up({ targetId: 't-3' }), down({ targetId: 't-3' })));
    const answer = await handler(third);

    expect(notifier.attempts, 'the breaker lives as long as the handler (a warm Lambda): two failures opened it').toBe(2);
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: sequenceNumberOf(third, 0) }] });
  });

  it('skips records that need no post even while the breaker is open', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();
    notifier.failing = true;
    const handler = createNotifyHandler({ notifier, breaker: { failureThreshold: 1, resetTimeoutMs: 60_000, now: () => 0 } });
    await handler(stream.event(stream.modify(up(), down()))); // opens the breaker

    const answer = await handler(stream.event(stream.modify(up({ targetId: 't-2' }), up({ targetId: 't-2', latencyMs: 3 }))));

    expect(answer, 'a record that needs no post does not go near the breaker').toEqual(allGood);
  });

  it('fails the whole batch (throws) when a failing record has no SequenceNumber', async () => {
    const stream = targetsStream();
    const notifier = fakeNotifier();
    notifier.failing = true;
    const record = stream.modify(up(), down());
    const withoutSequenceNumber: DynamoDBRecord = { ...record, dynamodb: { ...record.dynamodb, SequenceNumber: undefined } };

    await expect(
      createNotifyHandler({ notifier })(stream.event(withoutSequenceNumber)),
      'Lambda cannot resume from nowhere: rethrow the error of the post',
    ).rejects.toThrow('Slack answered 503');
  });
});

// ---------------------------------------------------------------- the filter

describe('statusChangeFilter', () => {
  const passes = (record: DynamoDBRecord) => matchesAny(parseFilterCriteria(statusChangeFilter), record);

  it('is valid FilterCriteria: at most 5 patterns, each a JSON string the local cloud accepts', () => {
    expect(() => parseFilterCriteria(statusChangeFilter), 'each Pattern is JSON.stringify of an EventBridge-style pattern').not.toThrow();
    expect(statusChangeFilter.Filters.length).toBeGreaterThan(0);
  });

  it.each([
    { case: 'an INSERT that is DOWN', record: (s: Stream) => s.insert(down()), passes: true },
    { case: 'a MODIFY UP → DOWN', record: (s: Stream) => s.modify(up(), down()), passes: true },
    { case: 'a MODIFY DOWN → UP', record: (s: Stream) => s.modify(down(), up()), passes: true },
    { case: 'the first check, and it is DOWN', record: (s: Stream) => s.modify(bare, down()), passes: true },
    { case: 'an INSERT that is UP', record: (s: Stream) => s.insert(up()), passes: false },
    { case: 'an INSERT not checked yet', record: (s: Stream) => s.insert(bare), passes: false },
    { case: 'a MODIFY UP → UP (latency only)', record: (s: Stream) => s.modify(up(), up({ latencyMs: 9 })), passes: false },
    { case: 'a MODIFY DOWN → DOWN', record: (s: Stream) => s.modify(down(), down({ httpStatus: 500 })), passes: false },
    { case: 'the first check, and it is UP', record: (s: Stream) => s.modify(bare, up()), passes: false },
    { case: 'a REMOVE', record: (s: Stream) => s.remove(down()), passes: false },
  ])('lets $case through: $passes', ({ record, passes: expected }) => {
    const stream = targetsStream();
    expect(
      passes(record(stream)),
      expected
        ? 'this record changes the status: the filter must let it through, or the post is lost'
        : 'this record changes no status: filter it out, so Lambda is not even invoked for it',
    ).toBe(expected);
  });
});
