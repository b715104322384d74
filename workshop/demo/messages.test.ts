/**
 * The demo's two message catalogs side by side, as workshop/cli/messages.test.ts
 * checks the CLI's: the type `Messages` already makes ja.ts have every key of
 * en.ts; these tests also check it as the code runs, and that each Japanese
 * message really is Japanese: called with sample values where it is a
 * function, it holds Japanese script and differs from the English one. A
 * message added in English only, or left in English in ja.ts, fails here.
 *
 * And the English trace words are the local cloud's own: for every type of
 * trace event, the demo's English line is what `formatTrace` writes.
 */
import { describe, expect, it } from 'vitest';
import { formatTrace, type TraceEvent } from '../local-cloud/index.js';
import type { TraceEventType } from '../local-cloud/trace.js';
import { hasJapanese } from '../language.js';
import { en } from './messages/en.js';
import { messagesFor, type Messages } from './messages/index.js';
import { ja } from './messages/ja.js';
import { traceLine } from './printer.js';

/**
 * Messages that are the same kind of thing in every language but hold no
 * Japanese script, by path. Keep it short, and say why for each one.
 */
const languageNeutral: readonly string[] = [
  'listSeparator', // punctuation only: ", " in English, "、" in Japanese
  'summary.noteSeparator', // punctuation only: "; " in English, "。" in Japanese
];

/** Catalog functions take plain strings and numbers; these values exercise both branches of a plural. */
const sampleValues: readonly (string | number)[] = [1, 2, 'x'];

type Node = string | ((...args: never[]) => string) | { readonly [key: string]: Node };

interface Pair {
  readonly path: string;
  readonly en: Node | undefined;
  readonly ja: Node | undefined;
}

/** Every entry of both catalogs, nested objects included, by path: `run.title`, `trace.outcomes.success`. */
function pairs(english: Node | undefined, japanese: Node | undefined, path = ''): Pair[] {
  const isGroup = (node: Node | undefined) => typeof node === 'object' && node !== null;
  if (!isGroup(english) || !isGroup(japanese)) return [{ path, en: english, ja: japanese }];
  const groupEn = english as Record<string, Node>;
  const groupJa = japanese as Record<string, Node>;
  const keys = [...new Set([...Object.keys(groupEn), ...Object.keys(groupJa)])].sort();
  return keys.flatMap((key) => pairs(groupEn[key], groupJa[key], path ? `${path}.${key}` : key));
}

const all = pairs(en as unknown as Node, ja as unknown as Node);

/** What a message says for each sample value: itself when it is a string. */
function renderings(message: Node | undefined): string[] {
  if (typeof message === 'string') return [message];
  if (typeof message !== 'function') return [];
  const call = message as unknown as (...args: (string | number)[]) => string;
  return sampleValues.map((value) => call(...Array<string | number>(message.length).fill(value)));
}

function kindOf(node: Node | undefined): string {
  if (node === undefined) return 'missing';
  return typeof node === 'function' ? `a function of ${node.length}` : typeof node;
}

describe("the demo's message catalogs", () => {
  it('hold every message of the demo (the walk found them)', () => {
    expect(all.length).toBeGreaterThan(70);
  });

  it('have the same messages in English and Japanese, of the same kind', () => {
    const mismatched = all.filter(({ en: english, ja: japanese }) => {
      if (english === undefined || japanese === undefined) return true;
      if (typeof english !== typeof japanese) return true;
      return typeof english === 'function' && typeof japanese === 'function' && english.length !== japanese.length;
    });
    expect(mismatched.map((pair) => `${pair.path}: en ${kindOf(pair.en)}, ja ${kindOf(pair.ja)}`)).toEqual([]);
  });

  it('say every Japanese message in Japanese, not as the English one', () => {
    const problems: string[] = [];
    for (const { path, en: english, ja: japanese } of all) {
      if (languageNeutral.includes(path)) continue;
      const inEnglish = renderings(english);
      renderings(japanese).forEach((text, index) => {
        if (!hasJapanese(text)) problems.push(`${path} has no Japanese: ${JSON.stringify(text)}`);
        else if (text === inEnglish[index]) problems.push(`${path} is the same as in English: ${JSON.stringify(text)}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('keep Japanese out of the English messages', () => {
    const problems = all.flatMap(({ path, en: english }) =>
      renderings(english).filter(hasJapanese).map((text) => `${path}: ${JSON.stringify(text)}`),
    );
    expect(problems).toEqual([]);
  });

  it('name no language-neutral message that is not in the catalogs, and differ there too', () => {
    for (const path of languageNeutral) {
      const pair = all.find((candidate) => candidate.path === path);
      expect(pair, path).toBeDefined();
      expect(pair!.ja).not.toBe(pair!.en);
    }
  });

  it('are what messagesFor picks for each language', () => {
    expect(messagesFor('en')).toBe(en);
    expect(messagesFor('ja')).toBe(ja);
  });
});

describe('the check itself', () => {
  it('finds a message missing from a catalog, and one left in English', () => {
    const { stocked: _dropped, ...runWithoutStocked } = ja.run;
    const broken = { ...ja, run: runWithoutStocked, steps: { ...ja.steps, cancelled: en.steps.cancelled } };
    const found = pairs(en as unknown as Node, broken as unknown as Node);
    expect(found.find((pair) => pair.path === 'run.stocked')?.ja).toBeUndefined();
    expect(renderings(found.find((pair) => pair.path === 'steps.cancelled')?.ja).some(hasJapanese)).toBe(false);
  });

  it('a catalog without one of the messages does not compile', () => {
    const { stocked: _dropped, ...runWithoutStocked } = ja.run;
    // @ts-expect-error `run.stocked` is missing: `Messages` requires every message of en.ts
    const incomplete: Messages = { ...ja, run: runWithoutStocked };
    expect(incomplete.run).not.toHaveProperty('stocked');
  });
});

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
      { seq: 20, at, type: 'chaos', kind: 'duplicate', subject: `archive ${long(12)}–${long(19)}`, detail: `records from #${long(19)} come again` },
      { seq: 21, at, type: 'chaos', kind: 'replay', subject: `sales ${long(12)}–${long(19)}`, detail: 'the whole batch of 2 comes again' },
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
  it.each(everyEvent.map((event) => [event.type, event] as const))('%s: in English, exactly what formatTrace writes', (_type, event) => {
    expect(traceLine(event, en)).toBe(formatTrace([event]));
  });

  it('in Japanese: the same columns and the same numbers; Japanese words wherever the English line has words', () => {
    // Lines of data only (a write, a stream record, a Kinesis entry) are the same in every language.
    const dataOnly = (event: TraceEvent) =>
      event.type === 'kinesis' || (event.type === 'write' && event.operation !== 'TTL delete') || (event.type === 'record' && !event.byTtl);
    for (const event of everyEvent) {
      const english = traceLine(event, en);
      const japanese = traceLine(event, ja);
      expect(japanese.slice(0, 34), english).toBe(english.slice(0, 34));
      expect(japanese.match(/\d+/g), english).toEqual(english.match(/\d+/g));
      if (dataOnly(event)) expect(japanese).toBe(english);
      else expect(hasJapanese(japanese), `${english}\n${japanese}`).toBe(true);
    }
  });
});
