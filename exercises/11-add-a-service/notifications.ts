/**
 * 11 · Add a service
 *
 * The talk (slide 12): in an event-driven system a new service subscribes to
 * the events that are already there, and nothing else changes ("New!"). And
 * (slide 7) once a feature comes from a BaaS, it is someone else's service
 * that can be down: put a circuit breaker in front of it.
 *
 * Your task: a notifications service on the orders table's stream. For every
 * new order with an `email`, send one confirmation e-mail through `deps.email`,
 * guarded by YOUR circuit breaker (exercise 03) and sent at most once per order
 * with YOUR idempotency wrapper (exercise 04). While the provider is down,
 * report the record as a batch item failure: Lambda redelivers it later.
 * Work through the TODOs.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
// Yours, from earlier exercises:
import { CircuitBreaker, CircuitOpenError } from '../03-circuit-breaker/circuit-breaker.js';
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

// The tools you will need (remove these lines once you use them):
void CircuitBreaker;
void CircuitOpenError;
void makeIdempotent;

export function createNotificationHandler(deps: NotificationDeps): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  // TODO 1: one CircuitBreaker around `deps.email.send`, made HERE (once per handler,
  //         so once per execution environment), with deps.breaker's options or the
  //         defaults: failureThreshold 5, resetTimeoutMs 30000, now Date.now.

  return async (event) => {
    // TODO 4: partial batch failure, as in exercise 07: when a record throws, return
    //         { batchItemFailures: [{ itemIdentifier: its SequenceNumber }] } and process
    //         nothing after it (no SequenceNumber: rethrow). A send that failed or met an
    //         open breaker is NOT a success: the order would never be mailed.
    for (const record of event.Records) {
      if (record.eventName !== 'INSERT') continue;
      if (!record.dynamodb?.NewImage) continue; // TODO: fail instead, naming the stream view type needed
      const order = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) as Order;
      if (!order.email) continue; // no address, no e-mail

      // TODO 2: send { to: order.email, subject, text } (both naming order.orderId) through the breaker.
      // TODO 3: at most once per order: wrap the send with makeIdempotent, keyed by orderId,
      //         on the table `deps.tableName ?? process.env.IDEMPOTENCY_TABLE` (read at call time).
      throw new Error(
        `Not implemented yet (11-add-a-service): send the confirmation for order ${order.orderId} through the circuit breaker, once per order (makeIdempotent), and report failures as batch item failures.`,
      );
    }
    return { batchItemFailures: [] };
  };
}
