/**
 * The points service, the talk's "New!" box (slide 12). It joins the system
 * by subscribing to OrderPlaced. No other file changes for it to work:
 * the order service doesn't know it exists.
 */
import type { EventBus, Unsubscribe } from './event-bus.js';

export interface PointsState {
  /** customerId → points. */
  readonly balances: Map<string, number>;
}

export function createPointsState(): PointsState {
  return { balances: new Map() };
}

// #region points
/** One point per full 100 cents of an order's total: 99 cents earn nothing. */
export function pointsFor(totalCents: number): number {
  return Math.floor(totalCents / 100);
}

export function subscribePoints(bus: EventBus, state: PointsState): Unsubscribe {
  return bus.subscribe('points', ({ customerId, totalCents }) => {
    state.balances.set(customerId, (state.balances.get(customerId) ?? 0) + pointsFor(totalCents));
  });
}
// #endregion points
