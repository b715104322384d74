/**
 * An order item as the orders table holds it (the kit's spec: `orderId`,
 * `customerId`, optional `email`, `lines`, `totalCents` in integer cents,
 * `status`, `createdAt` ISO-8601 UTC, optional `expiresAt` in epoch seconds),
 * for tests that build stream records of orders.
 *
 * A type, not an interface: the stream builders take any plain object
 * (`Record<string, unknown>`), which an interface would not satisfy.
 */
export type Order = {
  orderId: string;
  customerId: string;
  email?: string;
  lines: { sku: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  status: 'PLACED' | 'CANCELLED' | 'SHIPPED';
  createdAt: string;
  expiresAt?: number;
};
