/**
 * One run of the demo, from an empty local cloud to the summary table:
 *
 *   1. start the local cloud and deploy the functions onto it   (system.ts)
 *   2. stock the warehouse
 *   3. place the orders through the API, a minute's wave at a time (orders.ts);
 *      after each wave the stream is delivered to every subscriber
 *   4. pingbot (capstone 12) checks a website that goes down and comes back
 *   5. move the clock 31 days: TTL deletes the orders kept 30 days, and archive files them in S3
 *   6. check every effect happened exactly once                   (summary.ts)
 *
 * Everything printed comes from the seed and the local clock, never from the
 * wall clock: the same flags print the same lines. The words come from the
 * catalog of the chosen language (messages/, `flags.lang`); the numbers, ids
 * and names are the same in every language.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { orderEventsStream, startLocalCloud, SubscriberStuckError, type ChaosRates } from '../local-cloud/index.js';
import { capstoneFiles, capstoneIsHere, missingCapstoneChecks, Notifications, Pingbot } from './capstones.js';
import type { DemoFlags } from './flags.js';
import { messagesFor, type Messages } from './messages/index.js';
import { catalogFor, money, planOrders, postOrderEvent, totalCents, type PlannedOrder } from './orders.js';
import { TracePrinter } from './printer.js';
import { pinIdsAndTime } from './reproducible.js';
import { checkEffects, formatSummary, type PlacedOrder } from './summary.js';
import { deploy, firstLine, loadFunctions, type Functions } from './system.js';

/** The local clock starts here, whatever the date today. */
const demoStart = new Date('2026-11-29T09:00:00Z');
/** Orders placed per minute of local time; the stream is delivered after each wave. */
const waveSize = 10;
const minute = 60_000;
const day = 24 * 60 * minute;

/** --chaos: records delivered again, whole batches replayed, one SDK request in twenty failing. */
const demoChaos: ChaosRates = { duplicateRate: 0.1, replayRate: 0.05, sdkErrorRate: 0.05 };
/** --chaos: the Kinesis outage throttles this many entries of the second wave. */
const kinesisOutageEntries = 6;

export interface DemoOutput {
  /** A line of the live trace or the summary (stdout). */
  readonly out: (line: string) => void;
  /** With --json, the summary goes here (stderr), so stdout is JSON only. */
  readonly err: (line: string) => void;
  readonly colour: boolean;
}

/** Runs the demo; resolves to the exit code: 0 every check holds, 1 one fails. */
export async function runDemo(flags: DemoFlags, output: DemoOutput): Promise<number> {
  const t = messagesFor(flags.lang);
  const live = new TracePrinter(flags.json ? () => {} : output.out, output.colour && !flags.json, Math.max(2, String(flags.orders).length), t);
  const s3Folder = await mkdtemp(path.join(tmpdir(), 'demo-s3-'));
  const cloud = await startLocalCloud({
    tables: ['orders', 'shipments', 'sales', 'inventory', 'idempotency', 'targets'],
    seed: flags.seed,
    chaos: flags.chaos ? demoChaos : false,
    startTime: demoStart,
    s3Folder,
  });
  const pinned = pinIdsAndTime(flags.seed, () => cloud.clock.now().getTime());
  const savedMaxAttempts = process.env.AWS_MAX_ATTEMPTS;
  let pingbot: Pingbot | undefined;
  // What the functions log (CloudWatch Logs on AWS) becomes a `log` line of the trace.
  const savedConsole = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const toTrace = (...args: unknown[]) => live.step(cloud.clock.now(), 'log', args.map(String).join(' '));
  Object.assign(console, { log: toTrace, info: toTrace, warn: toTrace, error: toTrace });
  try {
    cloud.applyEnv();
    // The SDK's own retries off: every failed request shows as a Lambda retry in the trace.
    process.env.AWS_MAX_ATTEMPTS = '1';
    const source = flags.mine ? 'exercises' : 'solutions';
    live.heading(t.run.title(flags.orders, flags.seed, flags.chaos ? t.run.chaosMark : '', source));
    live.listenTo(cloud.trace);

    const functions = await loadFunctions(source);
    const subscriptions = deploy(cloud, functions);
    const notifications = capstoneIsHere(source, capstoneFiles.notifications) ? new Notifications(cloud, live, t) : undefined;
    await notifications?.deploy(source);
    pingbot = capstoneIsHere(source, capstoneFiles.pingbotCheck, capstoneFiles.pingbotNotify) ? new Pingbot(cloud, live, t) : undefined;
    await pingbot?.deploy(source);
    live.plain(t.run.deployedOrders([...Object.keys(subscriptions), ...(notifications ? ['notifications (11)'] : [])].join(t.listSeparator)));
    if (pingbot) live.plain(t.run.deployedTargets('pingbot-notify (12)'));
    const waves = Math.ceil(flags.orders / waveSize);
    if (flags.chaos) notifications?.planOutage(Math.min(1, waves - 1), Math.min(1, waves - 1) + 2);
    // A subscriber that retries without limit (notifications) waits for the next wave after 5 failures in a row.
    const drain = () => deliver(cloud.drain({ stuckAfterAttempts: 5 }), cloud.clock.now(), live, t);

    const catalog = catalogFor(flags.orders);
    const planned = planOrders(flags.seed, flags.orders, catalog);
    const dynamodb = new DynamoDBClient({});

    live.heading(t.run.stocked);
    for (const item of catalog)
      await dynamodb.send(new PutItemCommand({ TableName: cloud.tableName('inventory'), Item: marshall({ sku: item.sku, stock: item.stock }) }));

    const placed: PlacedOrder[] = [];
    for (let first = 0; first < planned.length; first += waveSize) {
      const wave = planned.slice(first, first + waveSize);
      live.heading(t.run.wave(first + 1, first + wave.length));
      notifications?.beforeWave(first / waveSize);
      if (flags.chaos && first === waveSize) {
        live.step(cloud.clock.now(), 'chaos', t.steps.kinesisOutage(kinesisOutageEntries, orderEventsStream.name));
        cloud.kinesis.failNext({ entries: kinesisOutageEntries });
      }
      for (const order of wave) {
        const orderId = await placeOrder(functions, order, cloud.clock.now(), live);
        if (!orderId) continue;
        placed.push({ ...order, orderId });
        if (order.keepDays !== undefined) await keepFor(functions, dynamodb, cloud.tableName('orders'), orderId, order.keepDays, cloud.clock.now(), live, t);
        if (order.cancel) await cancel(dynamodb, cloud.tableName('orders'), orderId, cloud.clock.now(), live, t);
      }
      await drain();
      await cloud.clock.advanceBy(minute);
    }
    if (notifications && flags.chaos) {
      notifications.providerBack();
      await drain();
    }

    if (placed.length > 0 && cloud.streamRecords('orders').length === 0)
      live.plain(t.run.noOrderSaved(source));

    if (pingbot) {
      live.heading(t.run.pingbot);
      await pingbot.run(drain);
    }

    live.heading(t.run.later);
    await cloud.clock.advanceBy(31 * day);
    await drain();
    dynamodb.destroy();

    const checks = await checkEffects({
      cloud,
      catalog,
      planned,
      placed,
      subscriptions: [...Object.values(subscriptions), notifications?.subscription, pingbot?.subscription].filter((s) => s !== undefined),
      chaos: flags.chaos,
      t,
      extraChecks: [
        ...(notifications ? [notifications.check(placed, flags.chaos)] : []),
        ...(pingbot ? [pingbot.check12(flags.chaos)] : []),
        ...missingCapstoneChecks(source, t),
      ],
    });
    const summary = formatSummary(checks, output.colour && !flags.json, t);
    if (flags.json) {
      output.out(JSON.stringify(cloud.trace.toJSON(), null, 2));
      summary.forEach((line) => output.err(line));
    } else {
      live.heading(t.run.summary);
      summary.forEach((line) => output.out(line));
    }
    return checks.some((check) => check.ok === false) ? 1 : 0;
  } finally {
    Object.assign(console, savedConsole);
    pinned.restore();
    await pingbot?.close();
    if (savedMaxAttempts === undefined) delete process.env.AWS_MAX_ATTEMPTS;
    else process.env.AWS_MAX_ATTEMPTS = savedMaxAttempts;
    await cloud.stop();
    await rm(s3Folder, { recursive: true, force: true });
  }
}

const describe = (order: PlannedOrder) =>
  `${order.customerId} ${order.lines.map((line) => `${line.sku}×${line.quantity}`).join(' ')} = ${money(totalCents(order))}${order.email ? ' ✉' : ''}`;

/** POST /orders through the API handler. Returns the new order's id, or undefined if the API refused or failed. */
async function placeOrder(functions: Functions, order: PlannedOrder, now: Date, live: TracePrinter): Promise<string | undefined> {
  try {
    const response = await functions.orderApi(postOrderEvent(order, now));
    const body = JSON.parse(response.body ?? '{}') as { orderId?: string; message?: string };
    if (response.statusCode === 201 && body.orderId) {
      live.step(now, 'api', `POST /orders → 201 ${body.orderId} ${describe(order)}`);
      return body.orderId;
    }
    live.step(now, 'api', `POST /orders → ${response.statusCode} ✗ ${body.message ?? response.body ?? ''}`);
  } catch (error) {
    live.step(now, 'api', `POST /orders ✗ ${firstLine(error)}`);
  }
  return undefined;
}

/** The order is kept `days` days (withTtl, exercise 10); the API has no such field, so the shop sets it next. */
async function keepFor(
  functions: Functions,
  dynamodb: DynamoDBClient,
  table: string,
  orderId: string,
  days: number,
  now: Date,
  live: TracePrinter,
  t: Messages,
): Promise<void> {
  try {
    const { expiresAt } = functions.withTtl({}, now, days);
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: table,
        Key: marshall({ orderId }),
        UpdateExpression: 'SET expiresAt = :expiresAt',
        ExpressionAttributeValues: marshall({ ':expiresAt': expiresAt }),
      }),
    );
    live.step(now, 'ttl', t.steps.keptFor(orderId, days, `${new Date(expiresAt * 1000).toISOString().slice(0, 19)}Z`));
  } catch (error) {
    live.step(now, 'ttl', `${orderId} ✗ withTtl: ${firstLine(error)}`);
  }
}

/** The customer changes their mind: status PLACED → CANCELLED, a MODIFY on the stream. */
async function cancel(dynamodb: DynamoDBClient, table: string, orderId: string, now: Date, live: TracePrinter, t: Messages): Promise<void> {
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: table,
      Key: marshall({ orderId }),
      UpdateExpression: 'SET #status = :cancelled',
      ConditionExpression: '#status = :placed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: marshall({ ':cancelled': 'CANCELLED', ':placed': 'PLACED' }),
    }),
  );
  live.step(now, 'cancel', t.steps.cancelled(orderId));
}

/** drain(), with a subscriber that keeps failing shown as a line rather than a crash. */
async function deliver(draining: Promise<void>, now: Date, live: TracePrinter, t: Messages): Promise<void> {
  try {
    await draining;
  } catch (error) {
    if (error instanceof SubscriberStuckError)
      live.step(now, 'waiting', t.steps.waiting(error.subscriber, error.attempts));
    else live.step(now, 'stuck', firstLine(error));
  }
}
