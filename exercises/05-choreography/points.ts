/**
 * 05 · Choreography. The talk's "New!" box (slide 12): with events, a new
 * service joins by subscribing. Nobody else changes a line for it.
 *
 * Your task: the points service. A customer earns one point per full 100
 * cents of each order's total (99 cents earn nothing), and the points add
 * up across orders, per customer. It hears about orders only through the
 * bus: import nothing but the bus and the event. Each TODO marks a place to change.
 *
 * 05 · コレオグラフィ。講演の「New!」の枠（スライド 12）: イベントがあれば、新しい
 * サービスはサブスクライブするだけで加われます。そのために、ほかの誰も 1 行も変えません。
 *
 * 課題: ポイントサービスです。顧客は、各注文の合計の 100 セントごとに 1 ポイントを得ます
 * （100 セントに満たない端数は数えず、99 セントでは 0 ポイントです）。ポイントは顧客ごとに、
 * 注文をまたいで積み上がります。このサービスが注文のことを知るのはバスを通じてだけです。
 * インポートするのはバスとイベントだけにします。各 TODO が変更する箇所を示しています。
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
  // TODO(ja): 99 → 0、100 → 1、250 → 2 となるようにします。
  throw new Error(
    `Not implemented yet (05-choreography): pointsFor(${totalCents}) should give one point per full 100 cents.`,
  );
}

export function subscribePoints(bus: EventBus, state: PointsState): Unsubscribe {
  // TODO: subscribe to `bus` under the name 'points' and, for each OrderPlaced, add
  //   pointsFor(event.totalCents) to the customer's balance in `state.balances`.
  //   Return what `bus.subscribe` returns.
  // TODO(ja): 'points' という名前で `bus` をサブスクライブし、OrderPlaced ごとに
  //   pointsFor(event.totalCents) を `state.balances` の顧客の残高に加えます。
  //   `bus.subscribe` の戻り値を返します。
  throw new Error(
    'Not implemented yet (05-choreography): subscribePoints() should subscribe to the bus and add points to state.balances.',
  );
}
