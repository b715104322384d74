/**
 * The trace in both languages: in Japanese a line keeps the columns and the
 * numbers of the English one, and has Japanese words wherever the English
 * line has words; lines of pure data read the same in every language.
 */
import { describe, expect, it } from 'vitest';
import { hasJapanese } from '../language.js';
import { formatTrace, traceLine, type TraceEvent, type TraceEventType } from './trace.js';
import { traceWords } from './trace-words.js';

/** At least one event of every type the trace knows (a new type without one does not compile), both branches where a line has two. */
const sampleEvents: { readonly [T in TraceEventType]: readonly Extract<TraceEvent, { type: T }>[] } = (() => {
  const at = '2026-11-29T09:00:00.000Z';
  const long = (n: number) => `1000000000000000000${String(n).padStart(3, '0')}`;
  return {
    write: [
      { seq: 1, at, type: 'write', table: 'orders', operation: 'PutItem', key: { orderId: 'o-01' } },
      { seq: 2, at, type: 'write', table: 'inventory', operation: 'UpdateItem', key: { sku: 'kettle-iron' }, error: 'ConditionalCheckFailedException' },
      { seq: 3, at, type: 'write', table: 'orders', operation: 'TTL delete', key: { orderId: 'o-03' } },
    ],
    record: [
      { seq: 4, at, type: 'record', table: 'orders', eventName: 'INSERT', key: { orderId: 'o-01' }, sequenceNumber: long(12), byTtl: false },
      { seq: 5, at, type: 'record', table: 'orders', eventName: 'REMOVE', key: { orderId: 'o-03' }, sequenceNumber: '99', byTtl: true },
    ],
    filtered: [{ seq: 6, at, type: 'filtered', subscriber: 'sales', sequenceNumber: long(19) }],
    batch: [
      { seq: 7, at, type: 'batch', subscriber: 'shipping', sequenceNumbers: [long(12), long(19), long(26)] },
      { seq: 8, at, type: 'batch', subscriber: 'pingbot-notify', sequenceNumbers: [long(33)] },
    ],
    invocation: [
      { seq: 9, at, type: 'invocation', subscriber: 'shipping', invocation: 1, attempt: 1, sequenceNumbers: [long(12), long(26)] },
      { seq: 10, at, type: 'invocation', subscriber: 'archive', invocation: 8, attempt: 2, sequenceNumbers: [long(40)] },
    ],
    result: [
      { seq: 11, at, type: 'result', subscriber: 'shipping', invocation: 1, outcome: 'success' },
      { seq: 12, at, type: 'result', subscriber: 'inventory', invocation: 3, outcome: 'partial-failure', reportedSequenceNumbers: [long(26), long(33)] },
      { seq: 13, at, type: 'result', subscriber: 'shipping', invocation: 6, outcome: 'failure', error: 'InternalServerError: Internal server error' },
    ],
    retry: [
      { seq: 14, at, type: 'retry', subscriber: 'shipping', reason: 'bisect', retries: 0, sequenceNumbers: [long(12), long(26)] },
      { seq: 15, at, type: 'retry', subscriber: 'inventory', reason: 'partial-failure', retries: 1, sequenceNumbers: [long(26)] },
      { seq: 16, at, type: 'retry', subscriber: 'sales', reason: 'error', retries: 2, sequenceNumbers: [long(12), long(19)] },
    ],
    failure: [{ seq: 17, at, type: 'failure', subscriber: 'sales', retries: 5, sequenceNumbers: [long(12), long(19)] }],
    'on-failure': [
      { seq: 18, at, type: 'on-failure', subscriber: 'sales', startSequenceNumber: long(12), endSequenceNumber: long(19), batchSize: 2 },
      { seq: 19, at, type: 'on-failure', subscriber: 'pingbot-notify', startSequenceNumber: long(33), endSequenceNumber: long(33), batchSize: 1 },
    ],
    chaos: [
      { seq: 20, at, type: 'chaos', kind: 'duplicate', subject: `archive ${long(12)}–${long(19)}`, detail: `records from #${long(19)} come again`, from: long(19) },
      { seq: 21, at, type: 'chaos', kind: 'replay', subject: `sales ${long(12)}–${long(19)}`, detail: 'the whole batch of 2 comes again', count: 2 },
      { seq: 22, at, type: 'chaos', kind: 'sdk-error', subject: 'dynamodb PutItem shipments|{"orderId":{"S":"o-15"}}', detail: 'InternalServerError' },
    ],
    clock: [{ seq: 23, at, type: 'clock', to: '2026-11-29T09:01:00.000Z' }],
    kinesis: [
      { seq: 24, at, type: 'kinesis', stream: 'order-events', partitionKey: 'o-01', sequenceNumber: '49650000000000000000000000000' },
      { seq: 25, at, type: 'kinesis', stream: 'order-events', partitionKey: 'o-02', errorCode: 'ProvisionedThroughputExceededException' },
    ],
    s3: [{ seq: 26, at, type: 's3', bucket: 'order-archive', key: 'orders/2026/11/29/o-03.json', bytes: 261 }],
  };
})();
const everyEvent: TraceEvent[] = Object.values(sampleEvents).flat();

describe('the trace lines', () => {
  it('in English, as the kit has always written them', () => {
    expect(traceLine(sampleEvents.chaos[0]!)).toBe('  20  11-29 09:00:00  chaos       duplicate archive 1000000000000000000012–1000000000000000000019: records from #1000000000000000000019 come again');
    expect(traceLine(sampleEvents.batch[0]!)).toBe('   7  11-29 09:00:00  batch       shipping reads 3 records 1000…0012–1000…0026');
    expect(formatTrace(sampleEvents.result, traceWords.en)).toBe(
      [
        '  11  11-29 09:00:00  result      shipping #1 success',
        '  12  11-29 09:00:00  result      inventory #3 partial-failure reported 1000…0026, 1000…0033',
        '  13  11-29 09:00:00  result      shipping #6 failure: InternalServerError: Internal server error',
      ].join('\n'),
    );
  });

  it('in Japanese: the same columns and the same numbers; Japanese words wherever the English line has words', () => {
    // Lines of data only (a write, a stream record, a Kinesis entry) are the same in every language.
    const dataOnly = (event: TraceEvent) =>
      event.type === 'kinesis' || (event.type === 'write' && event.operation !== 'TTL delete') || (event.type === 'record' && !event.byTtl);
    for (const event of everyEvent) {
      const english = traceLine(event, traceWords.en);
      const japanese = traceLine(event, traceWords.ja);
      expect(japanese.slice(0, 34), english).toBe(english.slice(0, 34));
      expect(japanese.match(/\d+/g), english).toEqual(english.match(/\d+/g));
      if (dataOnly(event)) expect(japanese).toBe(english);
      else expect(hasJapanese(japanese), `${english}\n${japanese}`).toBe(true);
    }
  });
});
