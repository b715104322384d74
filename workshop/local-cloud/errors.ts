/**
 * The errors the local cloud throws on purpose, one small class each, so a
 * test can tell them apart with `toThrow(NoStreamError)` and a learner reads
 * what went wrong and what to do next in the message.
 *
 * Invalid options are not here: they throw a plain `RangeError` that quotes
 * the value received, as the kit's circuit breaker does.
 */

/** Base class of every error below. */
export class LocalCloudError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `subscribe()` named a table that has no stream. */
export class NoStreamError extends LocalCloudError {}

/** A filter pattern Lambda would refuse (or that the local cloud does not support). */
export class InvalidFilterPatternError extends LocalCloudError {}

/**
 * `drain()` stopped: a subscriber kept failing without moving on. With
 * `maximumRetryAttempts: -1` (unlimited, Lambda's default) one poison record
 * blocks its shard until the record expires — a day on AWS. Locally the drain
 * gives up after a number of attempts and says so.
 */
export class SubscriberStuckError extends LocalCloudError {
  constructor(
    readonly subscriber: string,
    readonly attempts: number,
    readonly lastError: string | undefined,
    hint: string,
  ) {
    super(
      `Subscriber "${subscriber}" failed ${attempts} times in a row without moving on` +
        (lastError ? ` (last error: ${lastError})` : '') +
        '. With maximumRetryAttempts -1 (unlimited, the default) a failing batch blocks the stream, as on AWS: ' +
        'fix the handler, or set maximumRetryAttempts so the batch goes to the on-failure list.' +
        (hint ? ` ${hint}` : ''),
    );
  }
}
