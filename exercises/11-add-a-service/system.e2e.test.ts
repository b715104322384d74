/**
 * 11 · The whole system, end to end, on the local cloud (slides 12–18).
 *
 * Orders are posted through the order API of exercise 01. The orders table's
 * stream feeds every service of the kit, each through its own event source
 * mapping: shipping (06), sales (07), inventory (08), the Kinesis transform
 * (09), the TTL archive (10) and the new notifications service (11). Chaos
 * duplicates records, replays batches and fails SDK calls, from a seed, and
 * the e-mail provider has an outage that ends later. Every effect must happen
 * exactly once, and nothing may be lost.
 *
 * The handlers are imported by relative paths, so this test runs YOUR code
 * under `--project exercises` (it passes once exercises 01–11 are solved) and
 * the reference solutions under `--project solutions`.
 *
 * A failing run prints its seed and the command that replays it exactly.
 */
import { DynamoDBClient, PutItemCommand, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { APIGatewayProxyEventV2, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFailed } from 'vitest';
import {
  archiveBucket,
  orderEventsStream,
  startLocalCloud,
  SubscriberStuckError,
  type LocalCloud,
} from '../../workshop/local-cloud/index.js';
import { handler as orderApi } from '../01-stateless-function/order-api.js';
import { makeIdempotent } from '../04-idempotency/idempotency.js';
import { handler as shipping } from '../06-stream-handler/shipping.js';
import { handler as sales } from '../07-partial-batch-failures/sales.js';
import { handler as inventory } from '../08-idempotent-consumer/inventory.js';
import { createHandler as createTransform, type OrderEvent } from '../09-kinesis-fan-out/transform.js';
import { handler as archive, withTtl } from '../10-ttl-archive/archive.js';
import { createNotificationHandler, type EmailMessage } from './notifications.js';

/** Three schedules of duplicates, replays and transient SDK errors; CHAOS_SEED=n replays one. */
const seeds = process.env.CHAOS_SEED ? [Number(process.env.CHAOS_SEED)] : [7, 2018, 31337];
const chaos = { duplicateRate: 0.15, replayRate: 0.1, sdkErrorRate: 0.05 };
const breaker = { failureThreshold: 3, resetTimeoutMs: 30_000 };
const day = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// The orders, the stock, the e-mail provider
// ---------------------------------------------------------------------------

const stock = { TEA: 100, CUP: 100, POT: 100 } as const;
type Sku = keyof typeof stock;

interface OrderRequest {
  customerId: string;
  email?: string;
  lines: Array<{ sku: Sku; quantity: number; unitPriceCents: number }>;
}

/** What the customers post: some with an e-mail address, some without. */
const orderRequests: OrderRequest[] = [
  { customerId: 'c-1', email: 'aiko@example.com', lines: [{ sku: 'TEA', quantity: 2, unitPriceCents: 450 }] },
  { customerId: 'c-2', lines: [{ sku: 'CUP', quantity: 1, unitPriceCents: 1200 }] },
  { customerId: 'c-3', email: 'ben@example.com', lines: [{ sku: 'TEA', quantity: 1, unitPriceCents: 450 }, { sku: 'POT', quantity: 1, unitPriceCents: 3900 }] },
  { customerId: 'c-1', email: 'aiko@example.com', lines: [{ sku: 'CUP', quantity: 4, unitPriceCents: 1200 }] },
  { customerId: 'c-4', lines: [{ sku: 'POT', quantity: 2, unitPriceCents: 3900 }, { sku: 'TEA', quantity: 3, unitPriceCents: 450 }] },
  { customerId: 'c-5', email: 'chen@example.com', lines: [{ sku: 'TEA', quantity: 5, unitPriceCents: 450 }] },
  { customerId: 'c-6', email: 'dana@example.com', lines: [{ sku: 'CUP', quantity: 2, unitPriceCents: 1200 }, { sku: 'CUP', quantity: 1, unitPriceCents: 1200 }] },
];
/** The first five orders are kept 30 days (TTL), the others have no expiresAt. */
const expiringOrders = 5;

const totalOf = (request: OrderRequest) => request.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);

/** An API Gateway HTTP API (payload 2.0) request, as Lambda receives it. */
function postOrder(request: OrderRequest): APIGatewayProxyEventV2 {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: 'POST /orders',
    rawPath: '/orders',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: 'local.execute-api.localhost',
      domainPrefix: 'local',
      http: { method: 'POST', path: '/orders', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: `req-${now.getTime()}`,
      routeKey: 'POST /orders',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body: JSON.stringify(request),
    isBase64Encoded: false,
  };
}

/** The BaaS e-mail provider (SES, SendGrid…): records what it accepted, refuses everything while it is down. */
function fakeEmailProvider() {
  let down = false;
  const sent: EmailMessage[] = [];
  return {
    sent,
    goDown: () => void (down = true),
    recover: () => void (down = false),
    async send(message: EmailMessage): Promise<void> {
      if (down) throw new Error('503 Service Unavailable: the e-mail provider is down');
      sent.push(message);
    },
  };
}

/**
 * Sales as deployed in this system: the handler of exercise 07, untouched,
 * with each record wrapped in the idempotency of exercise 04 (on AWS:
 * Powertools' batch and idempotency utilities around a record handler). Its
 * `ADD` is not idempotent on its own, and this run duplicates records on purpose.
 */
function oncePerRecord(name: string, handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>) {
  const wrapped = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const apply = makeIdempotent(
      async (record: DynamoDBRecord) => {
        const response = await handler({ Records: [record] });
        if (response.batchItemFailures.length > 0) throw new Error(`${name} reported record ${record.dynamodb?.SequenceNumber} as failed`);
      },
      { tableName: process.env.IDEMPOTENCY_TABLE!, keyOf: (record) => `${name}#${record.eventID}` },
    );
    for (const record of event.Records) {
      try {
        await apply(record);
      } catch {
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb!.SequenceNumber! }] };
      }
    }
    return { batchItemFailures: [] };
  };
  return wrapped;
}

// ---------------------------------------------------------------------------
// One local cloud per seed, at the same addresses (the handlers' module-level
// SDK clients keep the endpoint of their first call)
// ---------------------------------------------------------------------------

let ports: LocalCloud['ports'] | undefined;

async function withLocalCloud(seed: number, testName: string, run: (cloud: LocalCloud) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'local-cloud-s3-'));
  const cloud = await startLocalCloud({
    tables: ['orders', 'shipments', 'sales', 'inventory', 'idempotency'],
    seed,
    chaos,
    s3Folder: folder,
    startTime: new Date('2026-11-29T09:00:00Z'),
    ...(ports ? { ports } : {}),
  });
  ports ??= cloud.ports;
  cloud.applyEnv();
  onTestFailed(({ task }) => {
    const project = task.file.projectName ? ` --project ${task.file.projectName}` : '';
    console.error(`\n${cloud.replayHint(`${project} exercises/11-add-a-service/system.e2e.test.ts`)} -t "${testName}"\n`);
  });
  try {
    await run(cloud);
  } finally {
    await cloud.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

async function scan(client: DynamoDBClient, tableName: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item));
}

const sorted = <T>(values: Iterable<T>): T[] => [...values].sort();
const countsOf = (values: readonly string[]) => values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});

// ---------------------------------------------------------------------------

describe('the whole system on the local cloud, with chaos and an e-mail outage', () => {
  it.each(seeds)('every effect happens exactly once and nothing is lost (seed %i)', async (seed) => {
    const testName = `every effect happens exactly once and nothing is lost (seed ${seed})`;
    await withLocalCloud(seed, testName, async (cloud) => {
      const client = new DynamoDBClient({});
      const email = fakeEmailProvider();
      const tableOf = cloud.tableName.bind(cloud);

      // Arrange: stock, and the services, each with the mapping it would have on AWS.
      for (const [sku, units] of Object.entries(stock))
        await client.send(new PutItemCommand({ TableName: tableOf('inventory'), Item: marshall({ sku, stock: units }) }));

      const retried = { batchSize: 10, bisectBatchOnFunctionError: true, maximumRetryAttempts: 5 } as const;
      const subscriptions = [
        cloud.subscribe('orders', shipping, { ...retried, name: 'shipping' }),
        cloud.subscribe('orders', oncePerRecord('sales', sales), { ...retried, reportBatchItemFailures: true, name: 'sales' }),
        cloud.subscribe('orders', inventory, { ...retried, reportBatchItemFailures: true, name: 'inventory' }),
        cloud.subscribe('orders', createTransform({ sleep: async () => undefined }), { ...retried, name: 'transform' }),
        cloud.subscribe('orders', archive, {
          ...retried,
          name: 'archive',
          filterCriteria: { Filters: [{ Pattern: JSON.stringify({ userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } }) }] },
        }),
      ];
      // Notifications retries without limit: an outage must be waited out, not dropped. (drain()
      // gives up on a subscriber that keeps failing and says so; the next drain() carries on.)
      const notifications = cloud.subscribe(
        'orders',
        createNotificationHandler({ email, breaker: { ...breaker, now: () => cloud.clock.now().getTime() } }),
        {
          name: 'notifications',
          batchSize: 10,
          reportBatchItemFailures: true,
          maximumRetryAttempts: -1,
          filterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
        },
      );

      // Act 1: the customers order, while the e-mail provider is down.
      const answers = [];
      for (const request of orderRequests) answers.push(await orderApi(postOrder(request)));
      expect(answers.map((answer) => answer.statusCode), 'POST /orders should answer 201 for each valid order (exercise 01)').toEqual(
        orderRequests.map(() => 201),
      );
      const orderIds = answers.map((answer) => (JSON.parse(String(answer.body)) as { orderId: string }).orderId);
      const placed = await scan(client, tableOf('orders'));
      expect(sorted(placed.map((order) => String(order.orderId))), 'each order should be saved in ORDERS_TABLE (exercise 01)').toEqual(sorted(orderIds));
      const createdAtOf = new Map(placed.map((order) => [String(order.orderId), String(order.createdAt)]));

      // The order service keeps orders 30 days: a second write sets expiresAt (epoch seconds, exercise 10).
      const expiring = orderIds.slice(0, expiringOrders);
      for (const orderId of expiring)
        await client.send(
          new UpdateItemCommand({
            TableName: tableOf('orders'),
            Key: marshall({ orderId }),
            UpdateExpression: 'SET expiresAt = :expiresAt',
            ConditionExpression: 'attribute_exists(orderId)',
            ExpressionAttributeValues: marshall({ ':expiresAt': withTtl({ orderId }, cloud.clock.now(), 30).expiresAt }),
          }),
        );

      email.goDown();
      const duringOutage = await cloud.drain({ stuckAfterAttempts: 8 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (duringOutage && !(duringOutage instanceof SubscriberStuckError)) throw duringOutage;
      const shipmentsDuringOutage = await scan(client, tableOf('shipments'));
      const mailedDuringOutage = email.sent.length;

      // Act 2: the provider is back; a minute later the breaker lets a trial call through.
      email.recover();
      await cloud.clock.advanceBy(2 * breaker.resetTimeoutMs);
      await cloud.drain();

      // Act 3: thirty-one days later TTL deletes the expiring orders, and the archive keeps them.
      await cloud.clock.advanceBy(31 * day);
      await cloud.drain();

      // Assert ---------------------------------------------------------------
      const chaosKinds = new Set(cloud.trace.ofType('chaos').map((event) => event.kind));
      // Every run is put to the test. (Which kinds of chaos a seed brings depends on
      // how many requests the handlers make; the local cloud's own tests cover each kind.)
      expect(chaosKinds.size, `seed ${seed} should bring chaos: duplicates, replays or SDK errors`).toBeGreaterThan(0);
      expect(mailedDuringOutage, 'while the provider is down no e-mail goes out').toBe(0);
      expect(
        (duringOutage as SubscriberStuckError | undefined)?.subscriber,
        'while the provider is down, notifications should report its records as failed (and so wait), not claim success',
      ).toBe('notifications');
      expect(shipmentsDuringOutage, 'the other services are not held up by the e-mail outage').toHaveLength(orderIds.length);

      const shipments = await scan(client, tableOf('shipments'));
      expect(sorted(shipments.map((s) => String(s.orderId))), 'one shipment per order (exercise 06)').toEqual(sorted(orderIds));

      const salesDays = await scan(client, tableOf('sales'));
      const sum = (field: string) => salesDays.reduce((total, item) => total + Number(item[field] ?? 0), 0);
      expect(
        { totalCents: sum('totalCents'), orderCount: sum('orderCount') },
        'the sales totals add up every order exactly once (exercise 07)',
      ).toEqual({ totalCents: orderRequests.reduce((total, r) => total + totalOf(r), 0), orderCount: orderIds.length });

      const inventoryItems = new Map((await scan(client, tableOf('inventory'))).map((item) => [String(item.sku), item]));
      for (const sku of Object.keys(stock) as Sku[]) {
        const ordered = orderRequests.flatMap((r) => r.lines).filter((line) => line.sku === sku).reduce((total, line) => total + line.quantity, 0);
        expect(inventoryItems.get(sku)?.stock, `stock of ${sku} is reduced exactly once per order (exercise 08)`).toBe(stock[sku] - ordered);
      }

      const events = cloud.kinesis.json<OrderEvent>(orderEventsStream.name);
      // Kinesis may hold an event twice: the transform publishes again when its batch is redelivered
      // (at-least-once, as on AWS). Its consumers deduplicate by orderId + type; so, per order, one distinct event.
      const distinct = new Map(events.map((event) => [`${event.type} ${event.orderId}`, JSON.stringify(event)]));
      expect(sorted(distinct.keys()), 'one OrderPlaced event per order on Kinesis (exercise 09)').toEqual(sorted(orderIds.map((id) => `OrderPlaced ${id}`)));
      for (const record of cloud.kinesis.records(orderEventsStream.name))
        expect(record.partitionKey, 'the partition key of an order event is its orderId').toBe(
          (JSON.parse(record.data.toString('utf8')) as OrderEvent).orderId,
        );
      const copiesDiffer = [...distinct.keys()].filter(
        (key) => events.filter((event) => `${event.type} ${event.orderId}` === key).some((event) => JSON.stringify(event) !== distinct.get(key)),
      );
      expect(copiesDiffer, 'a republished event is the same event: every copy equal').toEqual([]);

      const archived = await cloud.s3.objects(archiveBucket.name);
      const archiveKey = (orderId: string) => {
        const created = new Date(createdAtOf.get(orderId)!);
        const [yyyy, mm, dd] = created.toISOString().slice(0, 10).split('-');
        return `orders/${yyyy}/${mm}/${dd}/${orderId}.json`;
      };
      expect(sorted(archived.map((object) => object.key)), 'one archived object per expired order, none for the others (exercise 10)').toEqual(
        sorted(expiring.map(archiveKey)),
      );

      const expectedMails = countsOf(orderRequests.flatMap((request) => (request.email ? [request.email] : [])));
      expect(countsOf(email.sent.map((m) => m.to)), 'one confirmation e-mail per order with an address (exercise 11)').toEqual(expectedMails);
      const mailedOrders = email.sent.map((m) => orderIds.find((id) => `${m.subject}\n${m.text}`.includes(id)));
      expect(
        sorted(mailedOrders),
        'each e-mail names its order, and each order with an address is mailed once',
      ).toEqual(sorted(orderIds.filter((_, i) => orderRequests[i]!.email)));

      for (const subscription of [...subscriptions, notifications])
        expect(subscription.failures, `nothing is lost: no batch of ${subscription.name} went to its on-failure destination`).toEqual([]);
    });
  }, 20_000); // a few seconds each; the SDK's own retry back-off is real time, so a busy machine needs headroom
});
