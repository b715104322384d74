/**
 * The order service, choreographed (the talk, slides 11–12). It saves the
 * order, which is its own business, and announces it with one event. Who
 * reacts (shipping, inventory, sales, points, whoever joins next) is not
 * its business: it imports none of them.
 */
import { randomUUID } from 'node:crypto';
import type { EventBus } from './event-bus.js';
import type { OrderLine, OrderPlaced } from './events.js';

export interface Order {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly totalCents: number;
  readonly status: 'PLACED';
  /** ISO-8601 UTC. */
  readonly createdAt: string;
}

export interface PlaceOrderInput {
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
}

export interface OrderService {
  /** Saves the order, tells whoever listens, and returns it. */
  placeOrder(input: PlaceOrderInput): Promise<Order>;
}

export interface OrderServiceDeps {
  /** Where the order service announces what happened. */
  bus: EventBus;
  /** The order service's own store: orderId → order. */
  orders: Map<string, Order>;
  /** The clock, in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
}

export function createOrderService({ bus, orders, now = Date.now }: OrderServiceDeps): OrderService {
  return {
    async placeOrder({ customerId, lines }) {
      const order: Order = {
        orderId: randomUUID(),
        customerId,
        lines: lines.map((line) => ({ ...line })),
        totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
        status: 'PLACED',
        createdAt: new Date(now()).toISOString(),
      };
      // #region place-order
      // 1. Save: the one thing the order service does itself.
      orders.set(order.orderId, order);
      // 2. Announce it, once. No list of services here: whoever cares has subscribed.
      await bus.publish(orderPlaced(order));
      // #endregion place-order
      return order;
    },
  };
}

// #region event
/** The event says what happened, in the event's own words (placedAt, not createdAt). */
function orderPlaced(order: Order): OrderPlaced {
  return {
    type: 'OrderPlaced',
    orderId: order.orderId,
    customerId: order.customerId,
    lines: order.lines,
    totalCents: order.totalCents,
    placedAt: order.createdAt,
  };
}
// #endregion event
