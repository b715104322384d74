/**
 * 05 · Choreography. The talk's "New!" box (slide 12): with events, a new
 * service joins by subscribing. Nobody else changes a line for it.
 *
 * Your task: the points service. A customer earns one point per full 100
 * cents of each order's total (99 cents earn nothing), and the points add
 * up across orders, per customer. It hears about orders only through the
 * bus: import nothing but the bus and the event. Each TODO marks a place to change.
 */
import type { EventBus, Unsubscribe } from './event-bus.js';

export interface PointsState {
  /** customerId → points. */
  readonly balances: Map<string, number>;
}

export function createPointsState(): PointsState {
  return { balances: new Map() };
}

/** One point per full 100 cents of an order's total. */
export function pointsFor(totalCents: number): number {
  // TODO: 99 → 0, 100 → 1, 250 → 2.
  throw new Error(
    `Not implemented yet (05-choreography): pointsFor(${totalCents}) should give one point per full 100 cents.`,
  );
}

export function subscribePoints(bus: EventBus, state: PointsState): Unsubscribe {
  // TODO: subscribe to `bus` under the name 'points' and, for each OrderPlaced, add
  //   pointsFor(event.totalCents) to the customer's balance in `state.balances`.
  //   Return what `bus.subscribe` returns.
  throw new Error(
    'Not implemented yet (05-choreography): subscribePoints() should subscribe to the bus and add points to state.balances.',
  );
}
