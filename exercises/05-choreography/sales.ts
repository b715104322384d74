/**
 * 05 · Choreography — given, you don't edit this file.
 *
 * The sales aggregation service (the talk, slide 11). It owns its state:
 * the total sold per day.
 */
import type { EventBus, Unsubscribe } from './event-bus.js';

export interface DailySales {
  readonly totalCents: number;
  readonly orderCount: number;
}

export interface SalesState {
  /** UTC day (`YYYY-MM-DD`) → what was sold that day. */
  readonly byDay: Map<string, DailySales>;
}

export function createSalesState(): SalesState {
  return { byDay: new Map() };
}

/** Sales' own API: adds one order's total to its day. */
export function recordSale(state: SalesState, sale: { day: string; totalCents: number }): void {
  const sold = state.byDay.get(sale.day) ?? { totalCents: 0, orderCount: 0 };
  state.byDay.set(sale.day, { totalCents: sold.totalCents + sale.totalCents, orderCount: sold.orderCount + 1 });
}

/** Choreography: sales listens for OrderPlaced and reacts on its own. */
export function subscribeSales(bus: EventBus, state: SalesState): Unsubscribe {
  return bus.subscribe('sales', (event) =>
    recordSale(state, { day: event.placedAt.slice(0, 10), totalCents: event.totalCents }),
  );
}
