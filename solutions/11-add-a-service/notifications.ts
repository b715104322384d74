/**
 * 11 · Add a service: reference solution.
 *
 * The talk (slide 12): in an event-driven system a new subscriber joins
 * without a change to the order service or to the other subscribers ("New!").
 * Here it is a notifications service on the orders table's stream. Its e-mail
 * goes through someone else's service (a BaaS, slide 7), so a circuit breaker
 * (exercise 03) guards the call, and the idempotency of exercise 04 makes sure
 * a redelivered order does not mail the customer twice.
 */
import { DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { CircuitBreaker } from '../03-circuit-breaker/circuit-breaker.js';
import { makeIdempotent } from '../04-idempotency/idempotency.js';

/** One e-mail, as a BaaS sender such as SES or SendGrid takes it. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface NotificationDeps {
  /** The e-mail provider: resolves once the provider has accepted the message, rejects when it is down. */
  email: { send(message: EmailMessage): Promise<void> };
  /** The circuit breaker around `email.send`. Defaults: 5 failures, 30 000 ms, `Date.now`. */
  breaker?: { failureThreshold?: number; resetTimeoutMs?: number; now?: () => number };
  /** The idempotency table (key `id`). Default: IDEMPOTENCY_TABLE, read at call time. */
  tableName?: string;
}

/** The part of an order (an item of ORDERS_TABLE) this service reads. */
interface Order {
  orderId: string;
  email?: string;
  totalCents: number;
}

/**
 * How long "this order was mailed" is remembered. The stream keeps a record 24 hours,
 * and a blocked shard can redeliver it until then: remember it longer than that.
 */
const rememberSentForSeconds = 2 * 24 * 60 * 60;

export function createNotificationHandler(deps: NotificationDeps): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  // #region breaker
  // One breaker per handler, so per execution environment: it lives as long as
  // the warm instance and is shared by every invocation it serves.
  const breaker = new CircuitBreaker((message: EmailMessage) => deps.email.send(message), {
    failureThreshold: deps.breaker?.failureThreshold ?? 5,
    resetTimeoutMs: deps.breaker?.resetTimeoutMs ?? 30_000,
    now: deps.breaker?.now ?? Date.now,
  });
  // #endregion breaker
  const dynamodb = new DynamoDBClient({});

  // #region once
  /**
   * Sends the confirmation at most once per order. The lock (a conditional
   * PutItem on the idempotency table) comes before the send: a second copy of
   * the order, here or on another instance, finds the record and sends nothing.
   * When the send fails (the provider is down, or the breaker is open) the
   * record is deleted and the error goes on, so the redelivery sends it.
   */
  function sendOnce(tableName: string): (order: Order & { email: string }) => Promise<void> {
    return makeIdempotent(
      async (order: Order & { email: string }) => {
        await breaker.fire(confirmationOf(order));
      },
      { tableName, client: dynamodb, keyOf: (order) => `notification#${order.orderId}`, expiresAfterSeconds: rememberSentForSeconds },
    );
  }
  // #endregion once

  // #region batch
  return async (event) => {
    const tableName = deps.tableName ?? process.env.IDEMPOTENCY_TABLE;
    if (!tableName) throw new Error('IDEMPOTENCY_TABLE is not set: it names the table that remembers which orders were mailed');
    const send = sendOnce(tableName);

    for (const record of event.Records) {
      try {
        await notify(record, send);
      } catch (error) {
        // The provider is down, the breaker is open, or a copy is in progress
        // elsewhere: report this record and stop. Lambda redelivers it and
        // everything after it later; nothing is dropped, nothing is skipped.
        const sequenceNumber = record.dynamodb?.SequenceNumber;
        if (!sequenceNumber) throw error; // nothing to report: fail the whole batch
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  };
  // #endregion batch
}

/** A new order with an e-mail address is mailed; everything else is not this service's business. */
async function notify(record: DynamoDBRecord, send: (order: Order & { email: string }) => Promise<void>): Promise<void> {
  if (record.eventName !== 'INSERT') return;
  const image = record.dynamodb?.NewImage;
  if (!image) throw new Error('An INSERT arrived without NewImage: set the stream view type to NEW_IMAGE or NEW_AND_OLD_IMAGES');
  const order = unmarshall(image as Record<string, AttributeValue>) as Order;
  if (!order.email) return;
  await send({ ...order, email: order.email });
}

function confirmationOf(order: Order & { email: string }): EmailMessage {
  const total = (order.totalCents / 100).toFixed(2);
  return {
    to: order.email,
    subject: `Your order ${order.orderId} is confirmed`,
    text: `Thank you for your order ${order.orderId}. Total: ${total}. We will let you know when it ships.`,
  };
}
