/**
 * 05 · Choreography. The whole system in one place: the bus, the order
 * service, and the other services. Today it is wired as orchestration
 * (slide 11): the order service is handed every service it calls, and
 * nothing listens on the bus.
 *
 * Your task: wire it as choreography (slide 12). Subscribe shipping,
 * inventory, sales and the new points service to the bus, and give the
 * order service only the bus and its own store. This is the one file that
 * knows who is in the system. Each TODO marks a place to change.
 *
 * 05 · コレオグラフィ。システム全体を 1 か所にまとめたものです。バス、注文サービス、
 * そしてほかのサービスです。今はオーケストレーションとして組まれています（スライド 11）。
 * 注文サービスは呼び出すサービスをすべて渡されていて、バスを聞いているものは何もありません。
 *
 * 課題: コレオグラフィとして組み直します（スライド 12）。配送、在庫、売上、そして新しい
 * ポイントサービスをバスにサブスクライブさせ、注文サービスにはバスと自分のストアだけを
 * 渡します。システムに誰がいるかを知っているのは、このファイルだけです。各 TODO が変更する
 * 箇所を示しています。
 */
import { createInMemoryBus, type InMemoryBus } from './event-bus.js';
import { createInventoryState, type InventoryState } from './inventory.js';
import { createOrderService, type Order, type OrderService } from './order-service.js';
import { createPointsState, type PointsState } from './points.js';
import { createSalesState, type SalesState } from './sales.js';
import { createShippingState, type ShippingState } from './shipping.js';

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
  // TODO: subscribe each service to the bus: subscribeShipping, subscribeInventory and
  //   subscribeSales (given, in their files) and subscribePoints (yours), each with its own state.
  // TODO(ja): 各サービスをバスにサブスクライブさせます。subscribeShipping、subscribeInventory、
  //   subscribeSales（それぞれのファイルで用意済み）と subscribePoints（あなたが書くもの）を、
  //   それぞれのサービス自身の state とともに使います。
  // TODO: stop handing the order service its `downstream` services.
  // TODO(ja): 注文サービスに `downstream` のサービスを渡すのをやめます。
  const orderService = createOrderService({
    bus,
    orders: state.orders,
    ...options,
    downstream: { shipping: state.shipping, inventory: state.inventory, sales: state.sales },
  });
  return { bus, orderService, state };
}
