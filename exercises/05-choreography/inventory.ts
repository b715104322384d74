/**
 * 05 · Choreography — given, you don't edit this file.
 *
 * The inventory management service (the talk, slide 11). It owns its state:
 * the stock on hand per sku, and what it could not supply.
 */
import type { EventBus, Unsubscribe } from './event-bus.js';
import type { OrderLine } from './events.js';

export interface InventoryState {
  /** sku → units on hand. */
  readonly stock: Map<string, number>;
  /** sku → units ordered that were not in stock. */
  readonly backordered: Map<string, number>;
}

export function createInventoryState(): InventoryState {
  return { stock: new Map(), backordered: new Map() };
}

/**
 * Inventory's own API: takes each line's quantity from stock. A line that
 * does not fit in what is on hand is backordered as a whole; stock is never
 * taken in part. (Exercise 08 makes this safe under repeated deliveries.)
 */
export function reserveStock(state: InventoryState, lines: readonly OrderLine[]): void {
  for (const { sku, quantity } of lines) {
    const onHand = state.stock.get(sku) ?? 0;
    if (onHand >= quantity) state.stock.set(sku, onHand - quantity);
    else state.backordered.set(sku, (state.backordered.get(sku) ?? 0) + quantity);
  }
}

/** Choreography: inventory listens for OrderPlaced and reacts on its own. */
export function subscribeInventory(bus: EventBus, state: InventoryState): Unsubscribe {
  return bus.subscribe('inventory', (event) => reserveStock(state, event.lines));
}
