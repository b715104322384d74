/**
 * The orders the demo places: made up from the seed, so the same seed always
 * gives the same customers, lines, e-mails, expiries and cancellations.
 *
 * They go in through the front door, the order API of exercise 01, as API
 * Gateway (HTTP API, payload v2) would call it. The API only saves the order;
 * everything else happens because the save is an event.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Chaos } from '../local-cloud/chaos.js';

export interface CatalogItem {
  readonly sku: string;
  readonly unitPriceCents: number;
  /** Units in the warehouse before the first order. */
  readonly stock: number;
}

export interface PlannedOrder {
  /** 1, 2, 3… in the order they are placed. */
  readonly n: number;
  readonly customerId: string;
  readonly email?: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly unitPriceCents: number }[];
  /** Kept this many days, then deleted by TTL, and archived (exercise 10). */
  readonly keepDays?: number;
  /** The customer cancels it right after placing it (a MODIFY to CANCELLED). */
  readonly cancel: boolean;
}

/** What the shop sells; the kettle is scarce, so some orders are backordered (exercise 08). */
export function catalogFor(orderCount: number): CatalogItem[] {
  return [
    { sku: 'tea-sencha', unitPriceCents: 1_200, stock: orderCount * 2 },
    { sku: 'mug-arita', unitPriceCents: 3_400, stock: orderCount },
    { sku: 'whisk-bamboo', unitPriceCents: 1_500, stock: orderCount },
    { sku: 'kettle-iron', unitPriceCents: 9_800, stock: Math.max(1, Math.floor(orderCount / 8)) },
  ];
}

const customers = 12;

export function planOrders(seed: number, count: number, catalog: readonly CatalogItem[]): PlannedOrder[] {
  // Numbers in [0, 1) from the seed, drawn as the local cloud's chaos draws them.
  const draws = new Chaos(seed);
  const random = () => draws.draw('orders');
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: count }, (_, i) => {
    const customer = 1 + pick(customers);
    const customerId = `c-${String(customer).padStart(2, '0')}`;
    const skus = new Set<number>([pick(catalog.length)]);
    if (random() < 0.4) skus.add(pick(catalog.length));
    const lines = [...skus].map((index) => {
      const item = catalog[index]!;
      return { sku: item.sku, quantity: 1 + pick(3), unitPriceCents: item.unitPriceCents };
    });
    const withEmail = customer % 2 === 1; // odd customers gave us an e-mail address
    const keep = random() < 0.3;
    const cancel = random() < 0.1;
    return {
      n: i + 1,
      customerId,
      ...(withEmail ? { email: `${customerId}@example.com` } : {}),
      lines,
      ...(keep ? { keepDays: 30 } : {}),
      cancel,
    };
  });
}

export const totalCents = (order: PlannedOrder) => order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);

/** Cents as the demo prints them: 1200 → `12.00`. */
export const money = (cents: number) => (cents / 100).toFixed(2);

/** POST /orders, as API Gateway's HTTP API hands it to Lambda (payload format 2.0). */
export function postOrderEvent(order: PlannedOrder, now: Date): APIGatewayProxyEventV2 {
  const body = JSON.stringify({ customerId: order.customerId, email: order.email, lines: order.lines });
  return {
    version: '2.0',
    routeKey: 'POST /orders',
    rawPath: '/orders',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'localhost' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'POST', path: '/orders', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'npm-run-demo' },
      requestId: `demo-request-${order.n}`,
      routeKey: 'POST /orders',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body,
    isBase64Encoded: false,
  };
}

/**
 * What inventory (exercise 08) must end with, worked out on paper: each order
 * in the order it was placed takes its units if there are enough, else it is
 * backordered. Exactly once, however often the stream delivers it.
 */
export function expectedStock(catalog: readonly CatalogItem[], orders: readonly PlannedOrder[]): Map<string, { stock: number; backordered: number }> {
  const expected = new Map(catalog.map((item) => [item.sku, { stock: item.stock, backordered: 0 }]));
  for (const order of orders) {
    const quantities = new Map<string, number>();
    for (const line of order.lines) quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
    for (const [sku, quantity] of quantities) {
      const item = expected.get(sku)!;
      if (item.stock >= quantity) item.stock -= quantity;
      else item.backordered += quantity;
    }
  }
  return expected;
}
