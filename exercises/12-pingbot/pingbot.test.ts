/**
 * Tests for 12 · Pingbot, the whole app on the local cloud: the check handler
 * runs against real HTTP targets on 127.0.0.1 and writes to the targets table;
 * the table's stream reaches the notify handler through an event source
 * mapping with `statusChangeFilter`, ReportBatchItemFailures and a batch size,
 * as on AWS. The local cloud's clock stands still until the test moves it.
 */
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SubscriberStuckError } from '../../workshop/local-cloud/index.js';
import { useLocalCloud } from '../../workshop/local-cloud/use-local-cloud.js';
import { createCheckHandler } from './check.js';
import { createNotifyHandler, statusChangeFilter } from './notify.js';

const cloud = useLocalCloud({ tables: ['targets'], startTime: new Date('2026-11-29T09:00:00Z') });

/** A site whose answer the test switches: `site.statusCode = 503`. */
async function startSite() {
  const site = { statusCode: 200, url: '', close: async () => {} };
  const server = http.createServer((_request, response) => response.writeHead(site.statusCode).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}

const sites: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()));
});

const tick = (time: Date): ScheduledEvent => ({
  version: '0',
  id: `tick-${time.toISOString()}`,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: time.toISOString(),
  region: 'ap-northeast-1',
  resources: ['arn:aws:events:ap-northeast-1:123456789012:rule/pingbot-every-minute'],
  detail: {},
});

describe('pingbot on the local cloud', () => {
  it('posts once when a site goes down and once when it comes back; the filter keeps every other check away from the notifier', async () => {
    const site = await startSite();
    sites.push(site);
    const posts: string[] = [];
    const recordsDelivered: string[] = [];
    const notify = createNotifyHandler({ notifier: { post: async (text) => void posts.push(text) } });
    cloud().subscribe(
      'targets',
      async (event: DynamoDBStreamEvent) => {
        recordsDelivered.push(...event.Records.map((record) => `${record.eventName} ${record.dynamodb?.NewImage?.status?.S ?? '-'}`));
        return notify(event);
      },
      { name: 'notify', filterCriteria: statusChangeFilter, reportBatchItemFailures: true, batchSize: 10 },
    );
    const check = createCheckHandler({ now: () => cloud().clock.now().getTime(), timeoutMs: 2_000 });
    // An operator adds the target, not checked yet.
    await new DynamoDBClient({}).send(
      new PutItemCommand({ TableName: process.env.TARGETS_TABLE, Item: marshall({ targetId: 'shop', url: site.url, method: 'GET' }) }),
    );

    // One scheduled run a minute; the site answers 200, 200, 503, 503, 200.
    for (const statusCode of [200, 200, 503, 503, 200]) {
      site.statusCode = statusCode;
      await check(tick(cloud().clock.now()));
      await cloud().drain();
      await cloud().clock.advanceBy(60_000);
    }

    expect(posts, 'one post when the site went down, one when it came back').toHaveLength(2);
    expect(posts[0]).toContain(site.url);
    expect(posts[0]).toMatch(/down/i);
    expect(posts[0]).toContain('503');
    expect(posts[1]).toContain(site.url);
    expect(posts[1]).toMatch(/up again/i);
    const written = cloud().streamRecords('targets').map((record) => record.eventName);
    expect(written, 'the table changed six times: the INSERT and one MODIFY per check (checkedAt moves)').toEqual([
      'INSERT',
      'MODIFY',
      'MODIFY',
      'MODIFY',
      'MODIFY',
      'MODIFY',
    ]);
    expect(recordsDelivered, 'statusChangeFilter lets only the two flips reach the function: no INSERT UP, no UP → UP, no DOWN → DOWN').toEqual([
      'MODIFY DOWN',
      'MODIFY UP',
    ]);
  });

  it('holds a post back while the chat is down, and delivers it once the breaker lets a trial through', async () => {
    const site = await startSite();
    sites.push(site);
    const posts: string[] = [];
    let chatIsDown = false;
    let chatCalls = 0;
    const notify = createNotifyHandler({
      notifier: {
        async post(text) {
          chatCalls += 1;
          if (chatIsDown) throw new Error('Slack answered 503');
          posts.push(text);
        },
      },
      breaker: { failureThreshold: 2, resetTimeoutMs: 5 * 60_000, now: () => cloud().clock.now().getTime() },
    });
    cloud().subscribe('targets', notify, { name: 'notify', filterCriteria: statusChangeFilter, reportBatchItemFailures: true, batchSize: 10 });
    const check = createCheckHandler({ now: () => cloud().clock.now().getTime(), timeoutMs: 2_000 });
    await new DynamoDBClient({}).send(
      new PutItemCommand({ TableName: process.env.TARGETS_TABLE, Item: marshall({ targetId: 'shop', url: site.url }) }),
    );
    await check(tick(cloud().clock.now()));
    await cloud().drain();

    // The site goes down while the chat is down too.
    chatIsDown = true;
    site.statusCode = 503;
    await cloud().clock.advanceBy(60_000);
    await check(tick(cloud().clock.now()));
    // Lambda keeps retrying the reported record; the local cloud stops watching after 5 tries.
    await expect(cloud().drain({ stuckAfterAttempts: 5 }), 'the failed post is reported (batchItemFailures), so the record stays in line').rejects.toThrow(
      SubscriberStuckError,
    );

    expect(posts, 'nothing can be posted while the chat is down').toEqual([]);
    expect(chatCalls, 'after 2 failures the breaker is open: the retries do not reach the chat').toBe(2);

    // The chat is back; after resetTimeoutMs the next retry is the trial, and it goes through.
    chatIsDown = false;
    await cloud().clock.advanceBy(5 * 60_000);
    await cloud().drain();

    expect(posts, 'the post was held back, never dropped, and is posted once').toHaveLength(1);
    expect(posts[0]).toMatch(/down/i);
  });
});
