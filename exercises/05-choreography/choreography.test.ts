import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInMemoryBus, type InMemoryBus } from './event-bus.js';
import type { OrderLine, OrderPlaced } from './events.js';
import { createOrderService, type Order } from './order-service.js';
import orderServiceSource from './order-service.ts?raw';
import { createPointsState, pointsFor, subscribePoints } from './points.js';
import pointsSource from './points.ts?raw';
import { createSystem } from './system.js';

afterEach(() => {
  vi.restoreAllMocks();
});

// The clock is ours: every order is placed on the day of the talk.
const placedAt = '2018-02-16T01:23:45.000Z';
const now = () => Date.parse(placedAt);

const mug = (quantity: number): OrderLine => ({ sku: 'SKU-MUG', quantity, unitPriceCents: 1250 });
const tee = (quantity: number): OrderLine => ({ sku: 'SKU-TEE', quantity, unitPriceCents: 2999 });

/** The system of system.ts, with 10 mugs and 5 tees in stock. */
function makeSystem() {
  const system = createSystem({ now });
  system.state.inventory.stock.set('SKU-MUG', 10);
  system.state.inventory.stock.set('SKU-TEE', 5);
  return system;
}

/** The order service alone on a bus; `events` records everything published on it. */
function makeOrderService() {
  const bus = createInMemoryBus();
  const orders = new Map<string, Order>();
  const events: OrderPlaced[] = [];
  bus.subscribe('recorder', (event) => {
    events.push(event);
  });
  const publish = vi.spyOn(bus, 'publish');
  const orderService = createOrderService({ bus, orders, now });
  return { bus, orders, events, publish, orderService };
}

/** An OrderPlaced event as the order service would publish it. */
function orderPlaced(customerId: string, totalCents: number, orderId = `order-${customerId}-${totalCents}`): OrderPlaced {
  return {
    type: 'OrderPlaced',
    orderId,
    customerId,
    lines: [{ sku: 'SKU-ANY', quantity: 1, unitPriceCents: totalCents }],
    totalCents,
    placedAt,
  };
}

/** A subscriber that throws is recorded on the bus, not thrown at the test: surface it. */
function expectNoFailures(bus: InMemoryBus, who = 'a subscriber') {
  expect(
    bus.failures.map(({ subscriber, error }) => `${subscriber}: ${String(error)}`),
    `${who} threw while handling the event (the bus caught it and recorded it in bus.failures)`,
  ).toEqual([]);
}

/** The relative imports of a source file, as written: static, `import type`, re-exports and dynamic ones. */
function relativeImportsOf(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((specifier) => specifier.startsWith('.'));
}

describe('createSystem — one order reaches every service', () => {
  it('reserves a shipment, takes the stock, adds to the day\'s sales and awards points', async () => {
    const system = makeSystem();

    const order = await system.orderService.placeOrder({ customerId: 'alice', lines: [mug(2), tee(1)] });

    expect(order.totalCents, 'the total is Σ quantity × unitPriceCents').toBe(5499);
    expect(system.state.orders.get(order.orderId), 'the order service saves the order in its own store').toEqual(order);
    expect(
      system.state.shipping.shipments.get(order.orderId),
      'shipping should reserve a shipment for the order (subscribe shipping in createSystem)',
    ).toEqual({ orderId: order.orderId, customerId: 'alice', status: 'RESERVED', reservedAt: placedAt });
    expect(
      Object.fromEntries(system.state.inventory.stock),
      'inventory should take 2 mugs and 1 tee from stock (subscribe inventory in createSystem)',
    ).toEqual({ 'SKU-MUG': 8, 'SKU-TEE': 4 });
    expect(
      system.state.sales.byDay.get('2018-02-16'),
      'sales should add the order to its UTC day (subscribe sales in createSystem)',
    ).toEqual({ totalCents: 5499, orderCount: 1 });
    expect(
      system.state.points.balances.get('alice'),
      'points should award 54 points for 5499 cents (subscribe points in createSystem)',
    ).toBe(54);
    expectNoFailures(system.bus);
  });

  it('handles each order once: two orders, each counted once everywhere', async () => {
    const system = makeSystem();

    const first = await system.orderService.placeOrder({ customerId: 'alice', lines: [mug(1)] });
    const second = await system.orderService.placeOrder({ customerId: 'bob', lines: [tee(2)] });

    expect([...system.state.shipping.shipments.keys()], 'one shipment per order').toEqual([first.orderId, second.orderId]);
    expect(Object.fromEntries(system.state.inventory.stock), 'each line is taken from stock exactly once').toEqual({
      'SKU-MUG': 9,
      'SKU-TEE': 3,
    });
    expect(system.state.sales.byDay.get('2018-02-16'), 'each order is counted once in the day\'s sales').toEqual({
      totalCents: 1250 + 5998,
      orderCount: 2,
    });
    expect(Object.fromEntries(system.state.points.balances), 'each order earns its points once').toEqual({
      alice: 12,
      bob: 59,
    });
    expectNoFailures(system.bus);
  });
});

describe('the order service publishes; it calls nobody', () => {
  it('saves the order and publishes exactly one OrderPlaced per order', async () => {
    const { orders, events, publish, orderService } = makeOrderService();

    const first = await orderService.placeOrder({ customerId: 'alice', lines: [mug(1)] });
    const second = await orderService.placeOrder({ customerId: 'bob', lines: [tee(1)] });

    expect(orders.get(first.orderId), 'placeOrder saves the order in `orders`').toEqual(first);
    expect(orders.get(second.orderId), 'placeOrder saves the order in `orders`').toEqual(second);
    expect(
      publish,
      'placeOrder should call bus.publish exactly once per order, whoever is subscribed',
    ).toHaveBeenCalledTimes(2);
    expect(
      events.map((event) => event.orderId),
      'a subscriber should receive each order exactly once, in the order they were placed',
    ).toEqual([first.orderId, second.orderId]);
  });

  it('publishes an OrderPlaced that carries the order: orderId, customerId, lines, totalCents, placedAt', async () => {
    const { events, orderService } = makeOrderService();

    const order = await orderService.placeOrder({ customerId: 'alice', lines: [mug(2), tee(1)] });

    expect(events, 'placeOrder should publish one OrderPlaced event').toHaveLength(1);
    expect(events[0], 'the event describes the order; placedAt is the order\'s createdAt').toMatchObject({
      type: 'OrderPlaced',
      orderId: order.orderId,
      customerId: 'alice',
      lines: [mug(2), tee(1)],
      totalCents: 5499,
      placedAt,
    });
  });

  it('saves the order before it publishes: a subscriber can already read it', async () => {
    const { bus, orders, orderService } = makeOrderService();
    const seenBySubscriber: Array<Order | undefined> = [];
    bus.subscribe('reader', (event) => {
      seenBySubscriber.push(orders.get(event.orderId));
    });

    const order = await orderService.placeOrder({ customerId: 'alice', lines: [mug(1)] });

    expect(
      seenBySubscriber,
      'the subscriber should be called once, with the order already in `orders` (save, then publish)',
    ).toEqual([order]);
  });

  it.each([
    ['order-service.ts', orderServiceSource],
    ['points.ts', pointsSource],
  ])('%s imports no other service: only ./events.js and ./event-bus.js', (file, source) => {
    const allowed = ['./events', './event-bus'];
    const strangers = relativeImportsOf(source).filter(
      (specifier) => !allowed.includes(specifier.replace(/\.(js|ts)$/, '')),
    );

    expect(
      strangers,
      `${file} should know only the event and the bus. Remove these imports: ` +
        'let the services subscribe instead of being called',
    ).toEqual([]);
  });
});

describe('new services join without touching other files', () => {
  it('points joins by subscribing: a bus, the order service and subscribePoints are all it takes', async () => {
    const bus = createInMemoryBus();
    const points = createPointsState();
    subscribePoints(bus, points);
    const orderService = createOrderService({ bus, orders: new Map(), now });

    await orderService.placeOrder({ customerId: 'carol', lines: [mug(3)] });

    expect(
      points.balances.get('carol'),
      'the points service hears about the order through the bus alone (3750 cents → 37 points)',
    ).toBe(37);
    expectNoFailures(bus, 'the points subscriber');
  });

  it('a fifth subscriber added here receives every order, and the four services still do their work', async () => {
    const system = makeSystem();
    const fifth: OrderPlaced[] = [];
    system.bus.subscribe('fifth', (event) => {
      fifth.push(event);
    });

    const first = await system.orderService.placeOrder({ customerId: 'alice', lines: [mug(1)] });
    const second = await system.orderService.placeOrder({ customerId: 'bob', lines: [tee(1)] });

    expect(
      fifth.map((event) => [event.type, event.orderId]),
      'a subscriber nobody told the order service about should receive both orders',
    ).toEqual([
      ['OrderPlaced', first.orderId],
      ['OrderPlaced', second.orderId],
    ]);
    expect(system.state.shipping.shipments.size, 'shipping still reserves both orders').toBe(2);
    expect(Object.fromEntries(system.state.points.balances), 'points still awards both customers').toEqual({
      alice: 12,
      bob: 29,
    });
    expectNoFailures(system.bus);
  });
});

describe('a failure stays with the subscriber that failed', () => {
  it('a subscriber that throws does not fail placeOrder, and the subscribers after it still get the event', async () => {
    const system = makeSystem();
    const thrower = vi.fn(() => {
      throw new Error('this subscriber is broken');
    });
    const after: OrderPlaced[] = [];
    system.bus.subscribe('thrower', thrower);
    system.bus.subscribe('after', (event) => {
      after.push(event);
    });

    const placing = system.orderService.placeOrder({ customerId: 'dave', lines: [mug(4)] });

    await expect(placing, 'placeOrder should succeed even though a subscriber throws').resolves.toMatchObject({
      customerId: 'dave',
    });
    expect(thrower, 'the throwing subscriber should have been given the event').toHaveBeenCalledTimes(1);
    expect(
      after.map((event) => event.customerId),
      'the subscriber after the throwing one should still get the event',
    ).toEqual(['dave']);
    expect(
      system.state.points.balances.get('dave'),
      'the services still handle the order (5000 cents → 50 points)',
    ).toBe(50);
    expect(
      system.bus.failures.map((failure) => failure.subscriber),
      'the bus records the one failure',
    ).toEqual(['thrower']);
  });

  it('a service that fails does not stop the others: shipping\'s store is down, inventory, sales and points carry on', async () => {
    const system = makeSystem();
    const outage = new Error('the shipping database is down');
    vi.spyOn(system.state.shipping.shipments, 'set').mockImplementation(() => {
      throw outage;
    });

    const placing = system.orderService.placeOrder({ customerId: 'erin', lines: [tee(2)] });

    await expect(
      placing,
      'placeOrder should succeed although shipping fails: the order is saved and announced, shipping\'s trouble is shipping\'s',
    ).resolves.toMatchObject({ customerId: 'erin', totalCents: 5998 });
    expect(
      system.state.inventory.stock.get('SKU-TEE'),
      'inventory should still take 2 tees: each service must be its own subscriber',
    ).toBe(3);
    expect(system.state.sales.byDay.get('2018-02-16'), 'sales should still count the order').toEqual({
      totalCents: 5998,
      orderCount: 1,
    });
    expect(system.state.points.balances.get('erin'), 'points should still award 59 points').toBe(59);
    expect(
      system.bus.failures.map((failure) => [failure.subscriber, failure.error]),
      'the bus should record exactly one failure: shipping\'s own',
    ).toEqual([['shipping', outage]]);
  });
});

describe('points: one point per full 100 cents, per customer', () => {
  it.each([
    [0, 0],
    [99, 0],
    [100, 1],
    [199, 1],
    [250, 2],
    [5_499, 54],
    [100_000, 1_000],
  ])('pointsFor(%i) is %i', (totalCents, points) => {
    expect(pointsFor(totalCents), `${totalCents} cents hold ${points} full 100 cents`).toBe(points);
  });

  it('adds up across orders, per customer, each order floored on its own', async () => {
    const bus = createInMemoryBus();
    const points = createPointsState();
    subscribePoints(bus, points);

    await bus.publish(orderPlaced('alice', 250));
    await bus.publish(orderPlaced('bob', 99));
    await bus.publish(orderPlaced('alice', 199));

    expectNoFailures(bus, 'the points subscriber');
    expect(
      points.balances.get('alice'),
      'alice earns 2 points for 250 cents and 1 for 199 cents: 3 (not 449 cents floored at the end, which would be 4)',
    ).toBe(3);
    expect(points.balances.get('bob') ?? 0, '99 cents earn no point').toBe(0);
  });
});
