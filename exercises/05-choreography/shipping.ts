/**
 * 05 · Choreography — given, you don't edit this file.
 *
 * The shipping reservation service (the talk, slide 11). It owns its state:
 * the shipments it has reserved.
 */
import type { EventBus, Unsubscribe } from './event-bus.js';

export interface Shipment {
  readonly orderId: string;
  readonly customerId: string;
  readonly status: 'RESERVED';
  /** ISO-8601 UTC. */
  readonly reservedAt: string;
}

export interface ShippingState {
  /** orderId → shipment. */
  readonly shipments: Map<string, Shipment>;
}

export function createShippingState(): ShippingState {
  return { shipments: new Map() };
}

/** Shipping's own API: reserves a shipment for an order. A second request for the same order changes nothing. */
export function reserveShipment(
  state: ShippingState,
  request: { orderId: string; customerId: string; reservedAt: string },
): void {
  if (state.shipments.has(request.orderId)) return;
  state.shipments.set(request.orderId, { ...request, status: 'RESERVED' });
}

/** Choreography: shipping listens for OrderPlaced and reacts on its own. */
export function subscribeShipping(bus: EventBus, state: ShippingState): Unsubscribe {
  return bus.subscribe('shipping', (event) =>
    reserveShipment(state, { orderId: event.orderId, customerId: event.customerId, reservedAt: event.placedAt }),
  );
}
