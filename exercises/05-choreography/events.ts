/**
 * 05 · Choreography — given, you don't edit this file.
 *
 * The one event of this exercise. An event states a fact in the past tense:
 * "an order was placed". It is not a request to anybody. Whoever cares
 * subscribes and reacts; the publisher expects no answer.
 */

/** One line of an order. Money is integer cents. */
export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

// #region order-placed
/** Published by the order service once an order is saved. */
export interface OrderPlaced {
  readonly type: 'OrderPlaced';
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  /** Σ quantity × unitPriceCents. */
  readonly totalCents: number;
  /** When the order was placed: ISO-8601 UTC, e.g. `2018-02-16T01:23:45.000Z`. */
  readonly placedAt: string;
}
// #endregion order-placed
