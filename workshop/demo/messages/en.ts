/**
 * Everything `npm run demo` says, in English. ja.ts says the same in Japanese
 * and has exactly these keys and signatures: its type is `Messages`, the type
 * of this object, and messages.test.ts checks the two side by side.
 *
 * A message that takes values is a function of plain strings and numbers,
 * already formatted by the caller. What the messages wrap is data and stays
 * as it is in every language: table and function names, event names (INSERT,
 * MODIFY), operations (PutItem), order ids, sequence numbers, what a function
 * sent, posted, logged or threw.
 *
 * The `trace` group is the local cloud's own trace words
 * (workshop/local-cloud/trace-words.ts), so the demo's trace reads as
 * `formatTrace` writes it, in either language.
 */
import { traceWords } from '../../local-cloud/trace-words.js';

export const en = {
  /** Joins names in a list: "shipping, sales, inventory". */
  listSeparator: ', ',

  usage: (defaultOrders: number, maxOrders: number, defaultSeed: number) =>
    `Usage: npm run demo -- [--orders N] [--seed S] [--chaos] [--json] [--mine] [--lang en|ja]

Runs the solved event-driven system on the local cloud and shows the trace live.

  --orders N   orders to place (default ${defaultOrders}, at most ${maxOrders})
  --seed S     seed of the orders, the ids and the chaos (default ${defaultSeed}); same seed, same output
  --chaos      duplicate deliveries, replays, transient SDK errors and a Kinesis outage
  --json       print only the trace, as JSON, when the run ends
  --mine       run your handlers from exercises/ instead of the solutions
  --lang L     the language of the demo's words: en or ja (also WORKSHOP_LANG=en|ja;
               otherwise your system locale, and English when it is neither)
  --help       this text`,

  /** A bad flag: one sentence, exit code 2. */
  flags: {
    unexpectedArgument: (argument: string) => `Unexpected argument '${argument}': the demo takes only flags (see npm run demo -- --help).`,
    missingValue: (option: string) => `${option} needs a value (see npm run demo -- --help).`,
    /** A value that starts with "-" was taken for the next flag. */
    needsValue: (option: string) => `${option} needs a value (one that starts with "-" is written ${option}=VALUE) (see npm run demo -- --help).`,
    takesNoValue: (option: string) => `${option} is a switch and takes no value (see npm run demo -- --help).`,
    unknownOption: (option: string) => `Unknown option '${option}' (see npm run demo -- --help).`,
    /** Anything else node:util parseArgs says, as it says it. */
    otherProblem: (problem: string) => `${problem} (see npm run demo -- --help).`,
    orders: (maxOrders: number, received: string) => `--orders takes a whole number from 1 to ${maxOrders}, received "${received}".`,
    seed: (received: string) => `--seed takes a whole number ≥ 0, received "${received}".`,
    /** `source` is `--lang` or `WORKSHOP_LANG`. */
    badLanguage: (source: string, value: string) => `${source} "${value}" is not a language the workshop speaks: use en or ja.`,
  },

  /** Something the demo did not expect stopped it (exit code 1). */
  stopped: (message: string) => `The demo stopped: ${message}`,

  /** The headings and the demo's own lines between the trace lines. */
  run: {
    /** `chaos` is `chaosMark` or ''. */
    title: (orders: number, seed: number, chaos: string, source: string) =>
      `npm run demo: ${orders} orders, seed ${seed}${chaos}, handlers from ${source}/`,
    chaosMark: ', chaos',
    /** `names` is already joined with `listSeparator`. */
    deployedOrders: (names: string) => `Deployed onto the orders stream: ${names}.`,
    deployedTargets: (name: string) => `Deployed onto the targets stream: ${name}.`,
    stocked: 'The warehouse is stocked',
    wave: (first: number, last: number) => `Orders ${first}–${last}`,
    noOrderSaved: (source: string) =>
      `No order reached the orders table: the order API in ${source}/01-stateless-function does not save to DynamoDB yet.`,
    pingbot: 'Pingbot checks the website once a minute: it goes down, and comes back',
    later: '31 days later: TTL deletes the orders kept 30 days, archive files them',
    summary: 'Summary',
  },

  /** The demo's own steps, after the `type` column. */
  steps: {
    keptFor: (orderId: string, days: number, expiresAt: string) => `${orderId} kept ${days} days: expiresAt ${expiresAt}`,
    cancelled: (orderId: string) => `${orderId} cancelled by its customer`,
    waiting: (subscriber: string, attempts: number) =>
      `${subscriber} failed ${attempts} times in a row; with unlimited retries its records wait, none is dropped`,
    kinesisOutage: (entries: number, stream: string) => `Kinesis outage: the next ${entries} entries put to ${stream} are throttled`,
    providerDown: 'the mail provider goes down',
    providerBack: 'the mail provider is back',
    /** After a refused mail: `✗ c-05@example.com: Your order o-02 is confirmed (the provider is down)`. */
    refused: ' (the provider is down)',
    breakerOpen: (name: string, seconds: number) => `${name}: OPEN, no call reaches the provider for ${seconds} s`,
    breakerHalfOpen: (name: string) => `${name}: HALF_OPEN, one trial call goes through`,
    breakerClosed: (name: string) => `${name}: CLOSED, the provider answers again`,
    breakerOpenAgain: (name: string) => `${name}: OPEN again`,
    /** `schedule` is `rate(1 minute)`, `url` the website's. */
    pingbotCheckUp: (schedule: string, url: string) => `${schedule}: check ${url} (the website is up)`,
    pingbotCheckDown: (schedule: string, url: string) => `${schedule}: check ${url} (the website is down)`,
    pingbotCheckFailed: (message: string) => `✗ the check failed: ${message}`,
  },

  /** The local cloud's trace, in the demo's language: its words live with the trace (workshop/local-cloud/trace-words.ts). */
  trace: traceWords.en,


  /** The summary table: its header, its rows, their notes and the verdict. */
  summary: {
    check: 'check',
    expected: 'expected',
    actual: 'actual',
    ordersPlaced: 'orders placed (API 201)',
    shipments: 'shipments reserved · cancelled (06)',
    sales: 'sales total (07)',
    salesAtLeastOnce: 'sales total (07, at least once)',
    salesDuplicates: (extra: string) => `+${extra} from redelivered records: ADD counts a duplicate twice`,
    salesNoDuplicates: 'no duplicate reached sales',
    stock: 'stock left per sku (08)',
    backordered: 'units backordered per sku (08)',
    kinesis: 'Kinesis events, distinct per order (09)',
    kinesisRecords: (records: number) => `${records} records on the stream`,
    /** After `kinesisRecords` when the stream holds duplicates. */
    kinesisDuplicates: ', duplicates included (at least once)',
    archived: 'archived objects = expired orders (10)',
    onFailure: 'batches on an on-failure list',
    emails: 'e-mails = orders with e-mail (11)',
    emailsAtLeastOnce: 'e-mails = orders with e-mail (11, at least once)',
    emailsRefused: (count: number) => `${count} refused while the provider was down`,
    emailsSentAgain: (count: number) => `${count} sent again: the mail went out, then remembering it failed`,
    /** Joins the notes of one row. */
    noteSeparator: '; ',
    pingbot: 'pingbot posts = status flips (12)',
    pingbotAtLeastOnce: 'pingbot posts = status flips (12, at least once)',
    pingbotPostedAgain: (posts: number) => `${posts} posts: a redelivered flip is posted again (the notifier keeps no memory)`,
    capstoneMissing: (capstone: number, source: string) => `capstone ${capstone} is not in ${source}/ yet`,
    allHoldAtLeastOnce: (passed: number) => `All ${passed} checks hold: exactly once, and at least once where a row says so.`,
    allHold: (passed: number) => `Exactly once: ${passed} of ${passed} checks hold.`,
    someFail: (failed: number, total: number) => `${failed} of ${total} checks fail.`,
  },
};

export type Messages = typeof en;
