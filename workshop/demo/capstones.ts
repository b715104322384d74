/**
 * The capstones, deployed beside the orders system when they are in the kit:
 *
 *   11 · notifications: a new subscriber on the orders stream (slide 12,
 *        "New!"). It mails each order with an e-mail address once, through a
 *        mail provider behind a circuit breaker (03) and idempotency (04).
 *        With --chaos the provider has an outage: the breaker opens, Lambda
 *        keeps retrying, and when the provider is back the breaker closes.
 *   12 · pingbot: the talk's own app (slide 2). A schedule, rate(1 minute),
 *        checks a local website; the targets table's stream tells the
 *        notifier, which posts to the chat only when the status flips.
 *        The website goes down and comes back.
 *
 * The mail provider, the website and the chat are small stand-ins here. When
 * a capstone's files are missing, its row in the summary says so (–).
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import type { FilterCriteria, LocalCloud, StreamHandler, Subscription } from '../local-cloud/index.js';
import { kitRoot } from '../paths.js';
import type { Messages } from './messages/index.js';
import type { TracePrinter } from './printer.js';
import { sameInAnyOrder, type Check, type PlacedOrder } from './summary.js';
import { firstLine, loadModule, type Source } from './system.js';

export const capstoneFiles = {
  notifications: '11-add-a-service/notifications.ts',
  pingbotCheck: '12-pingbot/check.ts',
  pingbotNotify: '12-pingbot/notify.ts',
} as const;

export function capstoneIsHere(source: Source, ...files: string[]): boolean {
  return files.every((file) => existsSync(path.join(kitRoot, source, file)));
}

interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The breaker of notifications opens after this many failed sends in a row… */
const failureThreshold = 3;
/** …and stays open this long before it lets a trial call through. */
const resetTimeoutMs = 30_000;

/** Calls that never resolve a breaker: the demo's handlers are factories; a factory that throws gives this. */
const failing = (error: unknown): StreamHandler => () => Promise.reject(error instanceof Error ? error : new Error(String(error)));

// ---------------------------------------------------------------------------
// 11 · notifications
// ---------------------------------------------------------------------------

/** The mail provider (SES, SendGrid…), as a stand-in that can be down. */
class MailProvider {
  up = true;
  readonly sent: EmailMessage[] = [];
  calls = 0;
  constructor(private readonly onCall: (message: EmailMessage, accepted: boolean) => void) {}
  async send(message: EmailMessage): Promise<void> {
    this.calls++;
    this.onCall(message, this.up);
    if (!this.up) throw new Error('the mail provider is down (503 Service Unavailable)');
    this.sent.push(message);
  }
}

/** Only new orders that carry an e-mail address invoke notifications. */
const newOrdersWithEmail: FilterCriteria = {
  Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { email: { S: [{ exists: true }] } } } }) }],
};

export class Notifications {
  private readonly provider: MailProvider;
  private breakerOpen = false;
  /** Sends the provider refused since it last accepted one: what the breaker counts. */
  private refusedInARow = 0;
  private outage: { from: number; to: number } | undefined;
  subscription: Subscription | undefined;

  constructor(
    private readonly cloud: LocalCloud,
    private readonly live: TracePrinter,
    private readonly t: Messages,
  ) {
    this.provider = new MailProvider((message, accepted) => {
      const now = this.cloud.clock.now();
      if (this.breakerOpen) this.live.step(now, 'breaker', this.t.steps.breakerHalfOpen('notifications'));
      this.live.step(now, 'email', `${accepted ? '→' : '✗'} ${message.to}: ${message.subject}${accepted ? '' : this.t.steps.refused}`);
      if (this.breakerOpen && accepted) this.live.step(now, 'breaker', this.t.steps.breakerClosed('notifications'));
      if (this.breakerOpen && !accepted) this.live.step(now, 'breaker', this.t.steps.breakerOpenAgain('notifications'));
      if (accepted) this.breakerOpen = false;
      this.refusedInARow = accepted ? 0 : this.refusedInARow + 1;
    });
  }

  async deploy(source: Source): Promise<void> {
    const module = await loadModule(source, capstoneFiles.notifications, ['createNotificationHandler']);
    let handler: StreamHandler;
    try {
      const create = module.createNotificationHandler as (deps: object) => StreamHandler;
      handler = create({
        email: this.provider,
        breaker: { failureThreshold, resetTimeoutMs, now: () => this.cloud.clock.now().getTime() },
      });
    } catch (error) {
      handler = failing(error);
    }
    // The breaker cannot be asked; it shows in what reaches the provider. After
    // enough refused sends in a row, a batch that fails with no call made: the
    // breaker is open. (A batch can also fail before its send, on an injected
    // SDK error: without the refusals, that is not the breaker.)
    const watched = async (event: DynamoDBStreamEvent) => {
      const callsBefore = this.provider.calls;
      const result = (await handler(event)) as DynamoDBBatchResponse | undefined;
      const failed = (result?.batchItemFailures?.length ?? 0) > 0;
      const breakerMayBeOpen = this.refusedInARow >= failureThreshold;
      if (failed && this.provider.calls === callsBefore && !this.breakerOpen && breakerMayBeOpen) {
        this.breakerOpen = true;
        this.live.step(this.cloud.clock.now(), 'breaker', this.t.steps.breakerOpen('notifications', resetTimeoutMs / 1000));
      }
      return result;
    };
    // Lambda's default retries (-1, until the record expires): the mails wait for the provider, none is dropped.
    this.subscription = this.cloud.subscribe('orders', watched, {
      name: 'notifications',
      batchSize: 10,
      maximumRetryAttempts: -1,
      reportBatchItemFailures: true,
      filterCriteria: newOrdersWithEmail,
    });
  }

  /** --chaos: the provider is down from wave `from` until wave `to` (or the end of the orders). */
  planOutage(from: number, to: number): void {
    this.outage = { from, to };
  }

  beforeWave(wave: number): void {
    if (this.outage?.from === wave) {
      this.provider.up = false;
      this.live.step(this.cloud.clock.now(), 'chaos', this.t.steps.providerDown);
    }
    if (this.outage?.to === wave) this.providerBack();
  }

  /** Called before the clock jumps 31 days: an outage ends at the latest here. */
  providerBack(): void {
    if (this.provider.up) return;
    this.provider.up = true;
    this.live.step(this.cloud.clock.now(), 'chaos', this.t.steps.providerBack);
  }

  /**
   * Without chaos: each order with an address mailed exactly once. With chaos,
   * at least once: when the mail went out but remembering it failed (an SDK
   * error on the idempotency table), the record stays "in progress" until it
   * expires and a retry sends again. No provider call can be undone; only a
   * provider that takes an idempotency key closes that gap.
   */
  check(placed: readonly PlacedOrder[], chaos: boolean): Check {
    const wanted = placed.filter((order) => order.email).map((order) => `Your order ${order.orderId} is confirmed`);
    const subjects = this.provider.sent.map((message) => message.subject);
    const distinct = [...new Set(subjects)];
    const notes = [
      ...(this.provider.calls > subjects.length ? [this.t.summary.emailsRefused(this.provider.calls - subjects.length)] : []),
      ...(subjects.length > distinct.length ? [this.t.summary.emailsSentAgain(subjects.length - distinct.length)] : []),
    ];
    return {
      what: chaos ? this.t.summary.emailsAtLeastOnce : this.t.summary.emails,
      atLeastOnce: chaos,
      expected: String(wanted.length),
      actual: String(chaos ? distinct.length : subjects.length),
      ok: sameInAnyOrder(distinct, wanted) && (chaos || subjects.length === distinct.length),
      ...(notes.length ? { note: notes.join(this.t.summary.noteSeparator) } : {}),
    };
  }
}

// ---------------------------------------------------------------------------
// 12 · pingbot
// ---------------------------------------------------------------------------

/** The schedule that fires the check, as EventBridge writes it. */
const schedule = 'rate(1 minute)';

/** What the website answers, minute by minute: up, down, still down, up again. */
const pingbotRounds = ['UP', 'DOWN', 'DOWN', 'UP'] as const;

export class Pingbot {
  private server: Server | undefined;
  private up = true;
  private url = '';
  readonly posts: string[] = [];
  private check: (event: ScheduledEvent) => Promise<void> = async () => {};
  subscription: Subscription | undefined;

  constructor(
    private readonly cloud: LocalCloud,
    private readonly live: TracePrinter,
    private readonly t: Messages,
  ) {}

  async deploy(source: Source): Promise<void> {
    // The website pingbot watches: 200 when up, 503 when down.
    this.server = createServer((_, response) => {
      response.writeHead(this.up ? 200 : 503).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/health`;

    const [checkModule, notifyModule] = await Promise.all([
      loadModule(source, capstoneFiles.pingbotCheck, ['createCheckHandler']),
      loadModule(source, capstoneFiles.pingbotNotify, ['createNotifyHandler']),
    ]);
    const notifier = {
      post: async (text: string) => {
        this.posts.push(text);
        this.live.step(this.cloud.clock.now(), 'chat', `#ops ← ${this.masked(text)}`);
      },
    };
    let notify: StreamHandler;
    try {
      notify = (notifyModule.createNotifyHandler as (deps: object) => StreamHandler)({ notifier, breaker: { now: () => this.cloud.clock.now().getTime() } });
    } catch (error) {
      notify = failing(error);
    }
    try {
      const create = checkModule.createCheckHandler as (deps: object) => (event: ScheduledEvent) => Promise<void>;
      this.check = create({ now: () => this.cloud.clock.now().getTime(), timeoutMs: 2_000 });
    } catch (error) {
      this.check = () => Promise.reject(error);
    }
    const filterCriteria = (notifyModule.statusChangeFilter as FilterCriteria | undefined) ?? undefined;
    this.subscription = this.cloud.subscribe('targets', notify, {
      name: 'pingbot-notify',
      batchSize: 10,
      maximumRetryAttempts: 5,
      reportBatchItemFailures: true,
      ...(filterCriteria ? { filterCriteria } : {}),
    });
  }

  /** An operator saves the website as a target; then the schedule fires once a minute, the website as `pingbotRounds` says. */
  async run(deliver: () => Promise<void>): Promise<void> {
    const dynamodb = new DynamoDBClient({});
    await dynamodb.send(
      new PutItemCommand({ TableName: this.cloud.tableName('targets'), Item: { targetId: { S: 'shop' }, url: { S: this.url }, method: { S: 'GET' } } }),
    );
    dynamodb.destroy();
    for (const state of pingbotRounds) {
      this.up = state === 'UP';
      const now = this.cloud.clock.now();
      const check = state === 'UP' ? this.t.steps.pingbotCheckUp : this.t.steps.pingbotCheckDown;
      this.live.step(now, 'pingbot', check(schedule, this.masked(this.url)));
      try {
        await this.check(scheduledEvent(now));
      } catch (error) {
        this.live.step(now, 'pingbot', this.t.steps.pingbotCheckFailed(firstLine(error)));
      }
      await deliver();
      await this.cloud.clock.advanceBy(60_000);
    }
  }

  check12(chaos: boolean): Check {
    const flips = pingbotRounds.filter((state, i) => i > 0 && state !== pingbotRounds[i - 1]).length;
    const distinct = new Set(this.posts).size;
    return {
      what: chaos ? this.t.summary.pingbotAtLeastOnce : this.t.summary.pingbot,
      atLeastOnce: chaos,
      expected: String(flips),
      actual: String(chaos ? distinct : this.posts.length),
      ok: chaos ? distinct === flips : this.posts.length === flips && distinct === flips,
      ...(chaos && this.posts.length > distinct ? { note: this.t.summary.pingbotPostedAgain(this.posts.length) } : {}),
    };
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  /** The port changes from run to run; the printed lines must not. */
  private masked(text: string): string {
    return text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:‹port›');
  }
}

function scheduledEvent(now: Date): ScheduledEvent {
  return {
    version: '0',
    id: `schedule-${now.getTime()}`,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString(),
    region: process.env.AWS_REGION ?? 'ap-northeast-1',
    resources: ['arn:aws:events:ap-northeast-1:000000000000:rule/pingbot-every-minute'],
    detail: {},
  };
}

/** The rows of the capstones that are not in the kit. */
export function missingCapstoneChecks(source: Source, t: Messages): Check[] {
  const checks: Check[] = [];
  if (!capstoneIsHere(source, capstoneFiles.notifications))
    checks.push({ what: t.summary.emails, expected: '–', actual: '–', ok: undefined, note: t.summary.capstoneMissing(11, source) });
  if (!capstoneIsHere(source, capstoneFiles.pingbotCheck, capstoneFiles.pingbotNotify))
    checks.push({ what: t.summary.pingbot, expected: '–', actual: '–', ok: undefined, note: t.summary.capstoneMissing(12, source) });
  return checks;
}
