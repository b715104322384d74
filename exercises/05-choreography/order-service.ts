/**
 * 05 · Choreography. The talk (slides 11–12): when the order service calls
 * shipping, inventory and sales itself, every new service means editing the
 * order service. Turn it around: the order service publishes one event, and
 * each service subscribes to it. Then a service can join without anyone else
 * changing a line.
 *
 * Your task: `placeOrder` saves the order, then publishes exactly one
 * `OrderPlaced` on `bus`, and calls nobody. When you are done, this file
 * imports no service module (a test reads its imports). Each TODO marks a
 * place to change; system.ts and points.ts have their own.
 *
 * 05 · コレオグラフィ。講演（スライド 11〜12）: 注文サービスが配送、在庫、売上を自分で
 * 呼び出していると、サービスが増えるたびに注文サービスを編集することになります。これを
 * 逆にします。注文サービスはイベントを 1 つパブリッシュし、各サービスがそれをサブスクライブ
 * します。そうすれば、ほかの誰も 1 行も変えずに、新しいサービスが加われます。
 *
 * 課題: `placeOrder` は注文を保存し、`bus` に `OrderPlaced` をちょうど 1 つパブリッシュして、
 * 誰も呼び出しません。完成すると、このファイルはサービスのモジュールを 1 つもインポート
 * しません（テストがインポートを読み取ります）。各 TODO が変更する箇所を示しています。
 * system.ts と points.ts にも、それぞれの TODO があります。
 */
import { randomUUID } from 'node:crypto';
import type { EventBus } from './event-bus.js';
import type { OrderLine } from './events.js';
// TODO: delete these three imports. The order service should know the event and the bus, nobody else.
// TODO(ja): この 3 つのインポートを削除します。注文サービスが知るべきなのはイベントとバスだけで、
//   ほかの誰でもありません。
import { reserveStock, type InventoryState } from './inventory.js';
import { recordSale, type SalesState } from './sales.js';
import { reserveShipment, type ShippingState } from './shipping.js';

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
  /** Where the order service announces what happened. Unused so far. */
  bus: EventBus;
  /** The order service's own store: orderId → order. */
  orders: Map<string, Order>;
  /** The clock, in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
  /**
   * Orchestration: a handle on every service placeOrder calls. Each new service
   * means one more field here. (It is optional only because where you are
   * going, the order service needs none of them.)
   * TODO: delete `downstream`, and stop passing it in system.ts.
   * TODO(ja): `downstream` を削除し、system.ts でもそれを渡さないようにします。
   */
  downstream?: { shipping: ShippingState; inventory: InventoryState; sales: SalesState };
}

export function createOrderService({ bus, orders, now = Date.now, downstream }: OrderServiceDeps): OrderService {
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
      orders.set(order.orderId, order);

      // Orchestration (slide 11): the order service calls each service itself, in turn,
      // in each one's own API. If one of them throws, placeOrder fails, and the ones
      // after it are never called.
      // TODO: replace these calls with one `await bus.publish(event)`, where `event` is an
      //   `OrderPlaced` (see events.ts) built from `order`: its `placedAt` is the order's `createdAt`.
      // TODO(ja): これらの呼び出しを、1 回の `await bus.publish(event)` に置き換えます。`event` は
      //   `OrderPlaced`（events.ts を参照）で、`order` から作ります。その `placedAt` は注文の `createdAt` です。
      if (downstream) {
        reserveShipment(downstream.shipping, { orderId: order.orderId, customerId, reservedAt: order.createdAt });
        reserveStock(downstream.inventory, order.lines);
        recordSale(downstream.sales, { day: order.createdAt.slice(0, 10), totalCents: order.totalCents });
      }
      return order;
    },
  };
}
