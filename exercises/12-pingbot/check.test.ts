/**
 * Tests for 12 · Pingbot, the checker. Every target is a real HTTP server on
 * 127.0.0.1 (node:http, a free port), and the targets live in a real table on
 * the local DynamoDB. The clock is injected; the only real wait is the 100 ms
 * timeout of the test against a server that never answers.
 */
import { DynamoDBClient, ScanCommand, UpdateItemCommand, type ScanCommandInput, type UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { useTables } from '../../workshop/testing/use-tables.js';
import { createCheckHandler, handler as defaultHandler } from './check.js';

const tables = useTables('targets');

// ---------------------------------------------------------------- HTTP targets

interface Seen {
  method: string;
  path: string;
}

interface TargetServer {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

const servers: TargetServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A real HTTP server on 127.0.0.1; `respond` answers each request (or never does). */
async function serve(respond: (request: http.IncomingMessage, response: http.ServerResponse) => void): Promise<TargetServer> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ method: request.method ?? '', path: request.url ?? '' });
    respond(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const target: TargetServer = {
    url: `http://127.0.0.1:${port}/health`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // including requests it never answered
        server.close(() => resolve());
      }),
  };
  servers.push(target);
  return target;
}

const answering = (statusCode: number) => serve((_request, response) => response.writeHead(statusCode).end('ok'));

/** A port that was just free and is closed again: connecting to it is refused. */
async function refusedUrl(): Promise<string> {
  const server = await serve(() => undefined);
  await server.close();
  servers.splice(servers.indexOf(server), 1);
  return server.url;
}

// ---------------------------------------------------------------- helpers

const tick: ScheduledEvent = {
  version: '0',
  id: 'e-1',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-11-29T09:00:00Z',
  region: 'ap-northeast-1',
  resources: ['arn:aws:events:ap-northeast-1:123456789012:rule/pingbot-every-minute'],
  detail: {},
};

const nineOClock = Date.parse('2026-11-29T09:00:00.000Z');
const fixedClock = () => nineOClock;

const targetItem = (targetId: string) => tables.get('targets', { targetId });

/** Runs a check handler, but gives up (and fails the test) if it is still running after `ms`. */
async function runWithin<T>(ms: number, run: Promise<T>, why: string): Promise<T> {
  run.catch(() => undefined); // if it loses the race, its late failure is no one's business
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(why)), ms);
  });
  try {
    return await Promise.race([run, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- tests

describe('checking one target', () => {
  it('marks a target UP when it answers HEAD with 200, and writes httpStatus, latencyMs and checkedAt', async () => {
    const server = await answering(200);
    await tables.put('targets', { targetId: 't-1', url: server.url });

    await createCheckHandler({ now: fixedClock })(tick);

    expect(server.seen, 'the check should send one request, with the default method HEAD').toEqual([{ method: 'HEAD', path: '/health' }]);
    expect(await targetItem('t-1'), 'a 200 for HEAD is UP: write status, httpStatus, latencyMs and checkedAt (ISO, from now())').toEqual({
      targetId: 't-1',
      url: server.url,
      status: 'UP',
      httpStatus: 200,
      latencyMs: 0,
      checkedAt: '2026-11-29T09:00:00.000Z',
    });
  });

  it('marks a target DOWN when it answers 503, with the status it got', async () => {
    const server = await answering(503);
    await tables.put('targets', { targetId: 't-1', url: server.url });

    await createCheckHandler({ now: fixedClock })(tick);

    const item = await targetItem('t-1');
    expect(item, 'a 503 is not the expected 200: status DOWN, httpStatus 503').toMatchObject({ status: 'DOWN', httpStatus: 503 });
    expect(item, 'a target that answered has an httpStatus, not an error').not.toHaveProperty('error');
  });

  it('measures latencyMs with the injected clock, from before the request to after the answer', async () => {
    const server = await answering(200);
    await tables.put('targets', { targetId: 't-1', url: server.url });
    let clock = nineOClock;
    const slowFetch: typeof fetch = async (input, init) => {
      clock += 250; // the answer takes 250 ms, by the injected clock
      return fetch(input, init);
    };

    await createCheckHandler({ now: () => clock, fetch: slowFetch })(tick);

    expect(await targetItem('t-1'), 'latencyMs = now() after the answer − now() before the request').toMatchObject({
      status: 'UP',
      latencyMs: 250,
      checkedAt: '2026-11-29T09:00:00.250Z',
    });
  });

  it('uses the injected fetch for the request', async () => {
    await tables.put('targets', { targetId: 't-1', url: 'http://127.0.0.1:9/never-called' });
    const asked: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      asked.push(String(input));
      return new Response(null, { status: 200 });
    };

    await createCheckHandler({ now: fixedClock, fetch: fakeFetch })(tick);

    expect(asked, 'the check should call deps.fetch, not the global fetch').toEqual(['http://127.0.0.1:9/never-called']);
    expect(await targetItem('t-1')).toMatchObject({ status: 'UP', httpStatus: 200 });
  });

  it('marks a target DOWN with an error when the connection is refused', async () => {
    const url = await refusedUrl();
    await tables.put('targets', { targetId: 't-1', url });

    await createCheckHandler({ now: fixedClock })(tick);

    const item = await targetItem('t-1');
    expect(item, 'a refused connection is DOWN; the check must catch the error, not throw').toMatchObject({ status: 'DOWN', checkedAt: '2026-11-29T09:00:00.000Z' });
    expect(typeof item?.error === 'string' && item.error.length > 0, 'write a short reason in `error` (for example ECONNREFUSED)').toBe(true);
    expect(item, 'no answer, so no httpStatus').not.toHaveProperty('httpStatus');
  });

  it('gives up on a server that never answers after timeoutMs and marks it DOWN with an error', async () => {
    const silent = await serve(() => undefined); // reads the request, never answers
    await tables.put('targets', { targetId: 't-1', url: silent.url });

    await runWithin(
      3_000,
      createCheckHandler({ now: fixedClock, timeoutMs: 100 })(tick),
      'The check was still waiting for a server that never answers, long after timeoutMs (100 ms). Pass a signal to fetch: AbortSignal.timeout(timeoutMs).',
    );

    const item = await targetItem('t-1');
    expect(item, 'a request that timed out is DOWN').toMatchObject({ status: 'DOWN' });
    expect(typeof item?.error === 'string' && item.error.length > 0, 'write a short reason in `error` (for example "timed out after 100 ms")').toBe(true);
    expect(item, 'no answer, so no httpStatus').not.toHaveProperty('httpStatus');
  });

  it('checks the other targets while one never answers', async () => {
    const silent = await serve(() => undefined);
    const up = await answering(200);
    await tables.put('targets', { targetId: 't-silent', url: silent.url });
    await tables.put('targets', { targetId: 't-up', url: up.url });

    await runWithin(3_000, createCheckHandler({ now: fixedClock, timeoutMs: 100 })(tick), 'The check never finished: a silent server must time out.');

    expect(await targetItem('t-silent')).toMatchObject({ status: 'DOWN' });
    expect(await targetItem('t-up')).toMatchObject({ status: 'UP', httpStatus: 200 });
  });

  it.each([
    { case: 'a 204 when 204 is expected', answer: 204, expectedStatus: 204, status: 'UP' },
    { case: 'a 200 when 204 is expected', answer: 200, expectedStatus: 204, status: 'DOWN' },
    { case: 'a 301 when 301 is expected', answer: 301, expectedStatus: 301, status: 'UP' },
    { case: 'a 404 when 404 is expected', answer: 404, expectedStatus: 404, status: 'UP' },
    // (a 301 is compared, not followed: the check asks for the status line, not the page)
  ])('compares the answer with expectedStatus: $case is $status', async ({ answer, expectedStatus, status }) => {
    const server = await serve((_request, response) => response.writeHead(answer, answer === 301 ? { location: '/elsewhere' } : {}).end());
    await tables.put('targets', { targetId: 't-1', url: server.url, expectedStatus });

    await createCheckHandler({ now: fixedClock })(tick);

    expect(await targetItem('t-1'), `UP iff the status equals expectedStatus (${expectedStatus})`).toMatchObject({ status, httpStatus: answer });
  });

  it("uses the target's method when it has one (GET)", async () => {
    const server = await serve((request, response) => response.writeHead(request.method === 'GET' ? 200 : 405).end());
    await tables.put('targets', { targetId: 't-1', url: server.url, method: 'GET' });

    await createCheckHandler({ now: fixedClock })(tick);

    expect(server.seen.map((request) => request.method), 'the target says method: GET').toEqual(['GET']);
    expect(await targetItem('t-1')).toMatchObject({ status: 'UP', httpStatus: 200 });
  });

  it("keeps the target's own fields and drops a stale error once the target answers", async () => {
    const server = await answering(200);
    await tables.put('targets', {
      targetId: 't-1',
      url: server.url,
      expectedStatus: 200,
      owner: 'team-tea',
      status: 'DOWN',
      error: 'ECONNREFUSED',
      latencyMs: 3,
      checkedAt: '2026-11-29T08:59:00.000Z',
    });

    await createCheckHandler({ now: fixedClock })(tick);

    expect(await targetItem('t-1'), 'update the item (UpdateItem), keep its fields, and REMOVE the error of the last check').toEqual({
      targetId: 't-1',
      url: server.url,
      expectedStatus: 200,
      owner: 'team-tea',
      status: 'UP',
      httpStatus: 200,
      latencyMs: 0,
      checkedAt: '2026-11-29T09:00:00.000Z',
    });
  });

  it('drops a stale httpStatus when the target stops answering', async () => {
    const url = await refusedUrl();
    await tables.put('targets', { targetId: 't-1', url, status: 'UP', httpStatus: 200 });

    await createCheckHandler({ now: fixedClock })(tick);

    const item = await targetItem('t-1');
    expect(item).toMatchObject({ status: 'DOWN' });
    expect(item, 'the httpStatus of the last check no longer holds: REMOVE it').not.toHaveProperty('httpStatus');
  });
});

describe('checking every target', () => {
  it('checks and updates every target of the table, each with its own result', async () => {
    const up = await answering(200);
    const down = await answering(500);
    const refused = await refusedUrl();
    await tables.put('targets', { targetId: 't-up', url: up.url });
    await tables.put('targets', { targetId: 't-down', url: down.url });
    await tables.put('targets', { targetId: 't-refused', url: refused });

    await createCheckHandler({ now: fixedClock })(tick);

    expect(await targetItem('t-up')).toMatchObject({ status: 'UP', httpStatus: 200 });
    expect(await targetItem('t-down')).toMatchObject({ status: 'DOWN', httpStatus: 500 });
    expect(await targetItem('t-refused')).toMatchObject({ status: 'DOWN' });
  });

  it('does nothing, and does not fail, when there are no targets', async () => {
    await expect(createCheckHandler({ now: fixedClock })(tick)).resolves.toBeUndefined();
    expect(await tables.scan('targets')).toEqual([]);
  });

  it('exports a ready handler that works with the defaults', async () => {
    const server = await answering(200);
    await tables.put('targets', { targetId: 't-1', url: server.url });

    await defaultHandler(tick);

    const item = await targetItem('t-1');
    expect(item).toMatchObject({ status: 'UP', httpStatus: 200 });
    expect(Date.parse(String(item?.checkedAt)), 'checkedAt is an ISO date').not.toBeNaN();
  });

  describe('when the Scan comes back in pages', () => {
    // The real `send`, kept before aws-sdk-client-mock replaces it on every DynamoDBClient.
    const sendToLocalDynamo = DynamoDBClient.prototype.send as (this: DynamoDBClient, command: ScanCommand | UpdateItemCommand) => Promise<unknown>;
    let dynamo: AwsClientStub<DynamoDBClient> | undefined;
    afterEach(() => {
      dynamo?.restore();
      dynamo = undefined;
    });

    it('reads every page (LastEvaluatedKey → ExclusiveStartKey), not just the first', async () => {
      const server = await answering(200);
      const ids = ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6', 't-7'];
      for (const targetId of ids) await tables.put('targets', { targetId, url: server.url });
      // Pages of 2 items, as if each were 1 MB: the local table answers, with Limit 2.
      dynamo = mockClient(DynamoDBClient);
      dynamo
        .on(ScanCommand)
        .callsFake((input: ScanCommandInput) => sendToLocalDynamo.call(tables.client, new ScanCommand({ ...input, Limit: 2 })));
      dynamo.on(UpdateItemCommand).callsFake((input: UpdateItemCommandInput) => sendToLocalDynamo.call(tables.client, new UpdateItemCommand(input)));

      await createCheckHandler({ now: fixedClock })(tick);

      dynamo.restore();
      dynamo = undefined;
      const checked = (await tables.scan('targets')).filter((item) => item.status === 'UP').map((item) => item.targetId);
      expect(checked.sort(), 'a Scan returns one page; keep scanning with ExclusiveStartKey while LastEvaluatedKey is set').toEqual(ids);
    });
  });
});

describe('bounded concurrency', () => {
  /**
   * A server that holds requests and counts how many are in flight. While
   * `limit` requests are waiting it answers the oldest one, 50 ms later: a
   * handler that keeps to the limit sends its next request only after that,
   * one that does not has sent more by then. Once every target has asked, or
   * when fewer than `limit` have waited 500 ms, it answers them all.
   */
  async function holdingServer(limit: number, total: number) {
    const waiting: http.ServerResponse[] = [];
    let arrived = 0;
    let maxInFlight = 0;
    let timer: NodeJS.Timeout | undefined;
    const answerOldest = () => waiting.shift()?.writeHead(200).end();
    const step = () => {
      if (arrived === total || waiting.length < limit) while (waiting.length > 0) answerOldest();
      else answerOldest();
      if (waiting.length > 0) timer = setTimeout(step, 500);
    };
    const server = await serve((_request, response) => {
      arrived += 1;
      waiting.push(response);
      maxInFlight = Math.max(maxInFlight, waiting.length);
      clearTimeout(timer);
      timer = setTimeout(step, waiting.length >= limit || arrived === total ? 50 : 500);
    });
    onTestFinished(() => clearTimeout(timer));
    return { url: server.url, maxInFlight: () => maxInFlight, arrived: () => arrived };
  }

  it('never has more than `concurrency` checks in flight, and uses that many', async () => {
    const server = await holdingServer(3, 10);
    const ids = Array.from({ length: 10 }, (_, i) => `t-${String(i).padStart(2, '0')}`);
    for (const targetId of ids) await tables.put('targets', { targetId, url: server.url });

    await runWithin(15_000, createCheckHandler({ now: fixedClock, concurrency: 3 })(tick), 'The checks never finished.');

    expect(server.maxInFlight(), 'at most 3 requests may be in flight at once with concurrency: 3').toBeLessThanOrEqual(3);
    expect(server.maxInFlight(), 'with concurrency: 3, run 3 checks side by side, not one after the other').toBe(3);
    expect(server.arrived(), 'every target is still checked').toBe(10);
    const up = (await tables.scan('targets')).filter((item) => item.status === 'UP');
    expect(up, 'every target is written back').toHaveLength(10);
  }, 20_000);

  it('keeps to the default of 5 when no concurrency is given', async () => {
    const server = await holdingServer(5, 12);
    for (let i = 0; i < 12; i++) await tables.put('targets', { targetId: `t-${i}`, url: server.url });

    await runWithin(15_000, createCheckHandler({ now: fixedClock })(tick), 'The checks never finished.');

    expect(server.maxInFlight(), 'the default is at most 5 requests in flight').toBeLessThanOrEqual(5);
    expect(server.arrived()).toBe(12);
  }, 20_000);
});
