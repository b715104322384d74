/**
 * 05 · Choreography — given, you don't edit this file.
 *
 * An event bus: publishers hand it events, subscribers receive them. Neither
 * side knows the other. This one lives in memory, so the whole exercise runs
 * in one process; exercise 06 replaces it with a DynamoDB stream.
 */
import type { OrderPlaced } from './events.js';

/** Reacts to an event. It may be async; a throw or a rejection is its own problem (see `failures`). */
export type Subscriber = (event: OrderPlaced) => void | Promise<void>;

/** Removes the subscription it came from. */
export type Unsubscribe = () => void;

// #region event-bus
export interface EventBus {
  /**
   * Hands the event to every current subscriber. Resolves once each of them has
   * had it. It never rejects because of a subscriber.
   */
  publish(event: OrderPlaced): Promise<void>;
  /** Adds a subscriber under a name (the name shows up in `failures`). */
  subscribe(name: string, subscriber: Subscriber): Unsubscribe;
}

/** A delivery that failed: which subscriber, which event, what it threw. */
export interface DeliveryFailure {
  readonly subscriber: string;
  readonly event: OrderPlaced;
  readonly error: unknown;
}

export interface InMemoryBus extends EventBus {
  /** Every failed delivery so far, oldest first. A real bus would retry them or park them in a dead-letter queue. */
  readonly failures: readonly DeliveryFailure[];
}
// #endregion event-bus

/**
 * A bus in memory. Every subscriber gets its own copy of each event (as it
 * would over a network), in the order they subscribed. A subscriber that
 * throws or rejects is recorded in `failures`; the publisher and the other
 * subscribers carry on as if nothing happened.
 */
export function createInMemoryBus(): InMemoryBus {
  const subscriptions: Array<{ name: string; subscriber: Subscriber }> = [];
  const failures: DeliveryFailure[] = [];

  async function deliver(name: string, subscriber: Subscriber, event: OrderPlaced): Promise<void> {
    try {
      await subscriber(structuredClone(event));
    } catch (error) {
      failures.push({ subscriber: name, event, error });
    }
  }

  return {
    failures,
    async publish(event) {
      // Each delivery starts at once and is awaited on its own: one slow or
      // failing subscriber neither blocks nor breaks the others.
      await Promise.all(subscriptions.map(({ name, subscriber }) => deliver(name, subscriber, event)));
    },
    subscribe(name, subscriber) {
      const subscription = { name, subscriber };
      subscriptions.push(subscription);
      return () => {
        const index = subscriptions.indexOf(subscription);
        if (index >= 0) subscriptions.splice(index, 1);
      };
    },
  };
}
