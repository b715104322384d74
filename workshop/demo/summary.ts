/**
 * The summary table: did every effect happen exactly once?
 *
 * The stream delivers at least once — with --chaos, some records two or three
 * times — so "it ran" proves nothing. Each row compares what the tables, the
 * Kinesis stream and the bucket hold with what the orders alone say they must
 * hold. One ✗ and the demo exits 1. The row labels, notes and verdict are in
 * the demo's language (messages/); the numbers are the same in every language,
 * and Japanese labels are laid out by their width on a terminal.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { archiveBucket, orderEventsStream, type LocalCloud, type Subscription } from '../local-cloud/index.js';
import { columns } from '../cli/terminal.js';
import type { Messages } from './messages/index.js';
import { expectedStock, money, totalCents, type CatalogItem, type PlannedOrder } from './orders.js';

export interface Check {
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
  /** undefined: not part of this run (shown as –, never a failure). */
  readonly ok: boolean | undefined;
  readonly note?: string;
  /** The row checks "at least once", not "exactly once" (its label says so); the verdict then says so too. */
  readonly atLeastOnce?: boolean;
}

/** An order the API accepted, with the id it gave it. */
export interface PlacedOrder extends PlannedOrder {
  readonly orderId: string;
}

export interface SummaryInput {
  readonly cloud: LocalCloud;
  readonly catalog: readonly CatalogItem[];
  readonly planned: readonly PlannedOrder[];
  readonly placed: readonly PlacedOrder[];
  readonly subscriptions: readonly Subscription[];
  /** With --chaos, sales may count a redelivered record twice (see below). */
  readonly chaos: boolean;
  /** The words of the rows. */
  readonly t: Messages;
  /** Rows the capstones add (e-mails, pingbot), or their "not here yet" rows. */
  readonly extraChecks: readonly Check[];
}

async function scan(table: string): Promise<Record<string, any>[]> {
  const client = new DynamoDBClient({});
  const items: Record<string, any>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items;
}

/** The same strings, in any order. */
export const sameInAnyOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export async function checkEffects(input: SummaryInput): Promise<Check[]> {
  const { cloud, catalog, planned, placed, chaos } = input;
  const t = input.t.summary;
  const cancelled = placed.filter((order) => order.cancel);
  const checks: Check[] = [];

  checks.push({
    what: t.ordersPlaced,
    expected: String(planned.length),
    actual: String(placed.length),
    ok: placed.length === planned.length,
  });

  // 06 · shipping: one shipment per order; the cancelled ones cancelled.
  const shipments = await scan(cloud.tableName('shipments'));
  const reserved = shipments.filter((s) => s.status === 'RESERVED').length;
  const shipmentsCancelled = shipments.filter((s) => s.status === 'CANCELLED').length;
  checks.push({
    what: t.shipments,
    expected: `${placed.length - cancelled.length} · ${cancelled.length}`,
    actual: `${reserved} · ${shipmentsCancelled}`,
    ok: shipments.length === placed.length && reserved === placed.length - cancelled.length && shipmentsCancelled === cancelled.length,
  });

  // 07 · sales: the day's total. ADD is not idempotent: a record delivered twice is counted twice.
  const sales = await scan(cloud.tableName('sales'));
  const salesCents = sales.reduce((sum, day) => sum + Number(day.totalCents ?? 0), 0);
  const expectedCents = placed.reduce((sum, order) => sum + totalCents(order), 0);
  checks.push(
    chaos
      ? {
          what: t.salesAtLeastOnce,
          atLeastOnce: true,
          expected: `≥ ${money(expectedCents)}`,
          actual: money(salesCents),
          ok: salesCents >= expectedCents,
          note: salesCents > expectedCents ? t.salesDuplicates(money(salesCents - expectedCents)) : t.salesNoDuplicates,
        }
      : { what: t.sales, expected: money(expectedCents), actual: money(salesCents), ok: salesCents === expectedCents },
  );

  // 08 · inventory: stock and backorders, per sku, as if each order had been seen exactly once.
  const inventory = new Map((await scan(cloud.tableName('inventory'))).map((item) => [item.sku as string, item]));
  const expected = expectedStock(catalog, placed);
  const skus = catalog.map((item) => item.sku);
  const row = (pick: (sku: string) => number) => skus.map(pick).join(' · ');
  const stockExpected = row((sku) => expected.get(sku)!.stock);
  const stockActual = row((sku) => Number(inventory.get(sku)?.stock ?? 0));
  const backExpected = row((sku) => expected.get(sku)!.backordered);
  const backActual = row((sku) => Number(inventory.get(sku)?.backordered ?? 0));
  checks.push({ what: t.stock, expected: stockExpected, actual: stockActual, ok: stockExpected === stockActual, note: skus.join(' · ') });
  checks.push({ what: t.backordered, expected: backExpected, actual: backActual, ok: backExpected === backActual });

  // 09 · Kinesis: every order's events, each at least once; distinct by (order, type).
  const records = cloud.kinesis.records(orderEventsStream.name);
  const distinct = new Set(
    records.map((record) => {
      const event = JSON.parse(record.data.toString('utf8')) as { orderId: string; type: string };
      return `${event.orderId}|${event.type}`;
    }),
  );
  const wantedEvents = [...placed.map((o) => `${o.orderId}|OrderPlaced`), ...cancelled.map((o) => `${o.orderId}|OrderCancelled`)];
  checks.push({
    what: t.kinesis,
    expected: String(wantedEvents.length),
    actual: String(distinct.size),
    ok: sameInAnyOrder([...distinct], wantedEvents),
    note: `${t.kinesisRecords(records.length)}${records.length > distinct.size ? t.kinesisDuplicates : ''}`,
  });

  // 10 · archive: one object per order that TTL deleted, and none for the others.
  const expired = placed.filter((order) => order.keepDays !== undefined).map((order) => order.orderId);
  const archived = (await cloud.s3.objects(archiveBucket.name)).map((object) => object.key.split('/').pop()!.replace(/\.json$/, ''));
  checks.push({
    what: t.archived,
    expected: String(expired.length),
    actual: String(archived.length),
    ok: sameInAnyOrder(archived, expired),
  });

  // Nothing given up on: every subscriber's on-failure list is empty.
  const failures = input.subscriptions.flatMap((subscription) => subscription.failures.map(() => subscription.name));
  checks.push({
    what: t.onFailure,
    expected: '0',
    actual: String(failures.length),
    ok: failures.length === 0,
    ...(failures.length ? { note: [...new Set(failures)].join(input.t.listSeparator) } : {}),
  });

  return [...checks, ...input.extraChecks];
}

export function formatSummary(checks: readonly Check[], colour: boolean, t: Messages): string[] {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  // Widths in terminal columns: a Japanese character takes two.
  const padEnd = (text: string, width: number) => `${text}${' '.repeat(Math.max(width - columns(text), 0))}`;
  const padStart = (text: string, width: number) => `${' '.repeat(Math.max(width - columns(text), 0))}${text}`;
  const { check: checkHeading, expected: expectedHeading, actual: actualHeading } = t.summary;
  const widths = [
    Math.max(columns(checkHeading), ...checks.map((c) => columns(c.what))),
    Math.max(columns(expectedHeading), ...checks.map((c) => columns(c.expected))),
    Math.max(columns(actualHeading), ...checks.map((c) => columns(c.actual))),
  ];
  const lines = [`  ${padEnd(checkHeading, widths[0]!)}  ${padStart(expectedHeading, widths[1]!)}  ${padStart(actualHeading, widths[2]!)}`];
  for (const check of checks) {
    const mark = check.ok === undefined ? '–' : check.ok ? paint('32', '✓') : paint('31', '✗');
    const note = check.note ? `  ${paint('2', check.note)}` : '';
    lines.push(`  ${padEnd(check.what, widths[0]!)}  ${padStart(check.expected, widths[1]!)}  ${padStart(check.actual, widths[2]!)}  ${mark}${note}`);
  }
  const failed = checks.filter((check) => check.ok === false).length;
  const passed = checks.filter((check) => check.ok === true).length;
  lines.push('');
  const allHold = checks.some((check) => check.atLeastOnce) ? t.summary.allHoldAtLeastOnce(passed) : t.summary.allHold(passed);
  lines.push(failed === 0 ? paint('32', allHold) : paint('31', t.summary.someFail(failed, passed + failed)));
  return lines;
}
