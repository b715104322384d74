/**
 * The whole system, wired (the talk, slide 12): one bus, the order service
 * publishing to it, and every other service subscribed to it. This is the
 * only place that knows who is in the system.
 */
import { createInMemoryBus, type InMemoryBus } from './event-bus.js';
import { createInventoryState, subscribeInventory, type InventoryState } from './inventory.js';
import { createOrderService, type Order, type OrderService } from './order-service.js';
import { createPointsState, subscribePoints, type PointsState } from './points.js';
import { createSalesState, subscribeSales, type SalesState } from './sales.js';
import { createShippingState, subscribeShipping, type ShippingState } from './shipping.js';

/** Each service's own state, side by side, so tests (and you) can look at it. */
export interface SystemState {
  readonly orders: Map<string, Order>;
  readonly shipping: ShippingState;
  readonly inventory: InventoryState;
  readonly sales: SalesState;
  readonly points: PointsState;
}

export interface System {
  readonly bus: InMemoryBus;
  readonly orderService: OrderService;
  readonly state: SystemState;
}

export function createSystem(options: { now?: () => number } = {}): System {
  const bus = createInMemoryBus();
  const state: SystemState = {
    orders: new Map(),
    shipping: createShippingState(),
    inventory: createInventoryState(),
    sales: createSalesState(),
    points: createPointsState(),
  };
  // #region wiring
  subscribeShipping(bus, state.shipping);
  subscribeInventory(bus, state.inventory);
  subscribeSales(bus, state.sales);
  subscribePoints(bus, state.points); // New! One line here, none in the order service.
  const orderService = createOrderService({ bus, orders: state.orders, ...options });
  // #endregion wiring
  return { bus, orderService, state };
}
