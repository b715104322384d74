/**
 * The summary table: did every effect happen exactly once?
 *
 * The stream delivers at least once — with --chaos, some records two or three
 * times — so "it ran" proves nothing. Each row compares what the tables, the
 * Kinesis stream and the bucket hold with what the orders alone say they must
 * hold. One ✗ and the demo exits 1.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { archiveBucket, orderEventsStream, type LocalCloud, type Subscription } from '../local-cloud/index.js';
import { expectedStock, totalCents, type CatalogItem, type PlannedOrder } from './orders.js';

export interface Check {
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
  /** undefined: not part of this run (shown as –, never a failure). */
  readonly ok: boolean | undefined;
  readonly note?: string;
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

const money = (cents: number) => `${(cents / 100).toFixed(2)}`;
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export async function checkEffects(input: SummaryInput): Promise<Check[]> {
  const { cloud, catalog, planned, placed, chaos } = input;
  const cancelled = placed.filter((order) => order.cancel);
  const checks: Check[] = [];

  checks.push({
    what: 'orders placed (API 201)',
    expected: String(planned.length),
    actual: String(placed.length),
    ok: placed.length === planned.length,
  });

  // 06 · shipping: one shipment per order; the cancelled ones cancelled.
  const shipments = await scan(cloud.tableName('shipments'));
  const reserved = shipments.filter((s) => s.status === 'RESERVED').length;
  const shipmentsCancelled = shipments.filter((s) => s.status === 'CANCELLED').length;
  checks.push({
    what: 'shipments reserved · cancelled (06)',
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
          what: 'sales total (07, at least once)',
          expected: `≥ ${money(expectedCents)}`,
          actual: money(salesCents),
          ok: salesCents >= expectedCents,
          note: salesCents > expectedCents ? `+${money(salesCents - expectedCents)} from redelivered records: ADD counts a duplicate twice` : 'no duplicate reached sales',
        }
      : { what: 'sales total (07)', expected: money(expectedCents), actual: money(salesCents), ok: salesCents === expectedCents },
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
  checks.push({ what: 'stock left per sku (08)', expected: stockExpected, actual: stockActual, ok: stockExpected === stockActual, note: skus.join(' · ') });
  checks.push({ what: 'units backordered per sku (08)', expected: backExpected, actual: backActual, ok: backExpected === backActual });

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
    what: 'Kinesis events, distinct per order (09)',
    expected: String(wantedEvents.length),
    actual: String(distinct.size),
    ok: same([...distinct], wantedEvents),
    note: `${records.length} records on the stream${records.length > distinct.size ? ', duplicates included (at least once)' : ''}`,
  });

  // 10 · archive: one object per order that TTL deleted, and none for the others.
  const expired = placed.filter((order) => order.keepDays !== undefined).map((order) => order.orderId);
  const archived = (await cloud.s3.objects(archiveBucket.name)).map((object) => object.key.split('/').pop()!.replace(/\.json$/, ''));
  checks.push({
    what: 'archived objects = expired orders (10)',
    expected: String(expired.length),
    actual: String(archived.length),
    ok: same(archived, expired),
  });

  // Nothing given up on: every subscriber's on-failure list is empty.
  const failures = input.subscriptions.flatMap((subscription) => subscription.failures.map(() => subscription.name));
  checks.push({
    what: 'batches on an on-failure list',
    expected: '0',
    actual: String(failures.length),
    ok: failures.length === 0,
    ...(failures.length ? { note: [...new Set(failures)].join(', ') } : {}),
  });

  return [...checks, ...input.extraChecks];
}

export function formatSummary(checks: readonly Check[], colour: boolean): string[] {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const widths = [
    Math.max(5, ...checks.map((c) => c.what.length)),
    Math.max(8, ...checks.map((c) => c.expected.length)),
    Math.max(6, ...checks.map((c) => c.actual.length)),
  ];
  const lines = [`  ${'check'.padEnd(widths[0]!)}  ${'expected'.padStart(widths[1]!)}  ${'actual'.padStart(widths[2]!)}`];
  for (const check of checks) {
    const mark = check.ok === undefined ? '–' : check.ok ? paint('32', '✓') : paint('31', '✗');
    const note = check.note ? `  ${paint('2', check.note)}` : '';
    lines.push(`  ${check.what.padEnd(widths[0]!)}  ${check.expected.padStart(widths[1]!)}  ${check.actual.padStart(widths[2]!)}  ${mark}${note}`);
  }
  const failed = checks.filter((check) => check.ok === false).length;
  const passed = checks.filter((check) => check.ok === true).length;
  lines.push('');
  const atLeastOnce = checks.some((check) => check.what.includes('at least once'));
  const allHold = atLeastOnce
    ? `All ${passed} checks hold: exactly once, and at least once where a row says so.`
    : `Exactly once: ${passed} of ${passed} checks hold.`;
  lines.push(failed === 0 ? paint('32', allHold) : paint('31', `${failed} of ${passed + failed} checks fail.`));
  return lines;
}
