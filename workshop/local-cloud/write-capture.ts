/**
 * The capture: how every change to a table with a stream becomes a stream record.
 *
 * For each write to such a table, under that item's lock (item-locks.ts):
 *
 *   PutItem      write asking ReturnValues ALL_OLD      → old image
 *                consistent GetItem after               → new image (as stored: numbers normalised)
 *   UpdateItem   consistent GetItem before              → old image
 *                write asking ReturnValues ALL_NEW      → new image
 *   DeleteItem   write asking ReturnValues ALL_OLD      → old image, no new image
 *   BatchWriteItem  BatchGetItem before, the write, BatchGetItem after (puts only):
 *                one record per changed item, in request order
 *
 * The ReturnValues trick saves a round trip; what the client did not ask for
 * is taken out of the answer again. When the client asked for something else
 * (UpdateItem with UPDATED_OLD…), the write goes as sent and the item is read
 * before and after. A write that fails (a condition, validation) changes
 * nothing and so records nothing; a write that leaves the item as it was
 * records nothing either (stream-log.ts compares the images).
 */
import zlib from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Image } from '../streams/stream-record.js';
import { itemId, keyOf, type CloudTable } from './cloud-table.js';
import type { DynaliteClient, RawAnswer } from './dynalite-client.js';
import type { ItemLocks } from './item-locks.js';
import type { StreamLog } from './stream-log.js';
import type { Trace } from './trace.js';

/** A table that has a stream: the only kind the capture is asked about. */
export type StreamTable = CloudTable & { stream: StreamLog };

/** The parts of DynamoDB's JSON requests the capture reads. */
export interface ItemRequest {
  TableName: string;
  Item?: Image;
  Key?: Image;
  ReturnValues?: string;
  [other: string]: unknown;
}
interface WriteRequest {
  PutRequest?: { Item: Image };
  DeleteRequest?: { Key: Image };
}
export interface BatchWriteRequest {
  RequestItems?: Record<string, WriteRequest[]>;
  [other: string]: unknown;
}

export class WriteCapture {
  constructor(
    private readonly dynalite: DynaliteClient,
    private readonly locks: ItemLocks,
    private readonly trace: Trace,
  ) {}

  async putItem(table: StreamTable, input: ItemRequest): Promise<RawAnswer> {
    const key = keyOf(table, input.Item);
    if (!key || !asksForOldOrNothing(input)) return this.readAroundWrite(table, key, 'PutItem', input);
    return this.locks.withLocks([itemId(table, key)], async () => {
      const answer = await this.dynalite.send('PutItem', { ...input, ReturnValues: 'ALL_OLD' });
      traceWrite(this.trace, table.name, 'PutItem', key, answer);
      if (answer.status !== 200) return answer;
      const oldImage = parse(answer).Attributes as Image | undefined;
      table.stream.append({ oldImage, newImage: await this.read(table, key) });
      return input.ReturnValues === 'ALL_OLD' ? answer : withoutAttributes(answer);
    });
  }

  async updateItem(table: StreamTable, input: ItemRequest): Promise<RawAnswer> {
    const key = keyOf(table, input.Key);
    const asked = input.ReturnValues ?? 'NONE';
    if (!key || (asked !== 'NONE' && asked !== 'ALL_NEW')) return this.readAroundWrite(table, key, 'UpdateItem', input);
    return this.locks.withLocks([itemId(table, key)], async () => {
      const oldImage = await this.read(table, key);
      const answer = await this.dynalite.send('UpdateItem', { ...input, ReturnValues: 'ALL_NEW' });
      traceWrite(this.trace, table.name, 'UpdateItem', key, answer);
      if (answer.status !== 200) return answer;
      table.stream.append({ oldImage, newImage: parse(answer).Attributes as Image | undefined });
      return asked === 'ALL_NEW' ? answer : withoutAttributes(answer);
    });
  }

  async deleteItem(table: StreamTable, input: ItemRequest): Promise<RawAnswer> {
    const key = keyOf(table, input.Key);
    if (!key || !asksForOldOrNothing(input)) return this.readAroundWrite(table, key, 'DeleteItem', input);
    return this.locks.withLocks([itemId(table, key)], async () => {
      const answer = await this.dynalite.send('DeleteItem', { ...input, ReturnValues: 'ALL_OLD' });
      traceWrite(this.trace, table.name, 'DeleteItem', key, answer);
      if (answer.status !== 200) return answer;
      table.stream.append({ oldImage: parse(answer).Attributes as Image | undefined });
      return input.ReturnValues === 'ALL_OLD' ? answer : withoutAttributes(answer);
    });
  }

  /** `tables` are the tables of the request that have a stream; the others' items are written but not read. */
  async batchWriteItem(tables: ReadonlyMap<string, StreamTable>, input: BatchWriteRequest): Promise<RawAnswer> {
    const entries: { table: StreamTable; key: Image; id: string; isPut: boolean }[] = [];
    for (const [tableName, requests] of Object.entries(input.RequestItems ?? {})) {
      const table = tables.get(tableName);
      if (!table) continue;
      for (const request of requests) {
        const key = keyOf(table, request.PutRequest?.Item ?? request.DeleteRequest?.Key);
        if (!key) return this.sendInvalid('BatchWriteItem', input);
        entries.push({ table, key, id: itemId(table, key), isPut: request.PutRequest !== undefined });
      }
    }
    return this.locks.withLocks(
      entries.map((entry) => entry.id),
      async () => {
        let before: Map<string, Image>;
        try {
          before = await this.readMany(entries);
        } catch {
          return this.sendInvalid('BatchWriteItem', input); // keys refused: duplicates, wrong types…
        }
        const answer = await this.dynalite.send('BatchWriteItem', input);
        for (const entry of entries) traceWrite(this.trace, entry.table.name, entry.isPut ? 'BatchWriteItem Put' : 'BatchWriteItem Delete', entry.key, answer);
        if (answer.status !== 200) return answer;
        const unprocessed = unprocessedIds(tables, parse(answer).UnprocessedItems as BatchWriteRequest['RequestItems']);
        const applied = entries.filter((entry) => !unprocessed.has(entry.id));
        const after = await this.readMany(applied.filter((entry) => entry.isPut));
        for (const entry of applied) entry.table.stream.append({ oldImage: before.get(entry.id), newImage: after.get(entry.id) });
        return answer;
      },
    );
  }

  /**
   * TTL's delete: only if the item still holds the expired value it was found
   * with (a write in between may have extended it), and marked as done by
   * DynamoDB itself. True when the item was deleted.
   */
  async deleteExpired(table: CloudTable, key: Image, ttlAttribute: string, expiredValue: AttributeValue): Promise<boolean> {
    return this.locks.withLocks([itemId(table, key)], async () => {
      const answer = await this.dynalite.send('DeleteItem', {
        TableName: table.name,
        Key: key,
        ConditionExpression: '#ttl = :expired',
        ExpressionAttributeNames: { '#ttl': ttlAttribute },
        ExpressionAttributeValues: { ':expired': expiredValue },
        ReturnValues: 'ALL_OLD',
      });
      traceWrite(this.trace, table.name, 'TTL delete', key, answer);
      if (answer.status !== 200) return false;
      table.stream?.append({ oldImage: parse(answer).Attributes as Image | undefined, byTtl: true });
      return true;
    });
  }

  /** The general way, one round trip more: read the item, send the write as it came, read it again. */
  private async readAroundWrite(table: StreamTable, key: Image | undefined, operation: string, input: ItemRequest): Promise<RawAnswer> {
    if (!key) return this.sendInvalid(operation, input);
    return this.locks.withLocks([itemId(table, key)], async () => {
      const oldImage = await this.read(table, key);
      const answer = await this.dynalite.send(operation, input);
      traceWrite(this.trace, table.name, operation, key, answer);
      if (answer.status === 200) table.stream.append({ oldImage, newImage: await this.read(table, key) });
      return answer;
    });
  }

  /** A write whose items cannot be read (a key missing, refused): dynalite must refuse it too, and says why. */
  private async sendInvalid(operation: string, input: unknown): Promise<RawAnswer> {
    const answer = await this.dynalite.send(operation, input);
    if (answer.status === 200) throw new Error(`The local cloud could not capture a ${operation} that dynalite accepted: ${JSON.stringify(input)}`);
    return answer;
  }

  private async read(table: CloudTable, key: Image): Promise<Image | undefined> {
    const { Item } = await this.dynalite.call<{ Item?: Image }>('GetItem', { TableName: table.name, Key: key, ConsistentRead: true });
    return Item;
  }

  /** Many items at once, by item id. */
  private async readMany(entries: readonly { table: CloudTable; key: Image }[]): Promise<Map<string, Image>> {
    const found = new Map<string, Image>();
    if (entries.length === 0) return found;
    const byTable = new Map<string, { table: CloudTable; keys: Image[] }>();
    for (const { table, key } of entries) {
      const group = byTable.get(table.name) ?? { table, keys: [] };
      group.keys.push(key);
      byTable.set(table.name, group);
    }
    const RequestItems = Object.fromEntries([...byTable].map(([name, { keys }]) => [name, { Keys: keys, ConsistentRead: true }]));
    const { Responses = {}, UnprocessedKeys = {} } = await this.dynalite.call<{
      Responses?: Record<string, Image[]>;
      UnprocessedKeys?: Record<string, unknown>;
    }>('BatchGetItem', { RequestItems });
    if (Object.keys(UnprocessedKeys).length > 0) throw new Error('The local DynamoDB left keys unread in BatchGetItem');
    for (const [name, items] of Object.entries(Responses)) {
      const table = byTable.get(name)!.table;
      for (const item of items) found.set(itemId(table, keyOf(table, item)!), item);
    }
    return found;
  }
}

function asksForOldOrNothing(input: ItemRequest): boolean {
  return input.ReturnValues === undefined || input.ReturnValues === 'NONE' || input.ReturnValues === 'ALL_OLD';
}

function parse(answer: RawAnswer): Record<string, unknown> {
  return JSON.parse(answer.body.toString()) as Record<string, unknown>;
}

function unprocessedIds(tables: ReadonlyMap<string, StreamTable>, unprocessed: BatchWriteRequest['RequestItems']): Set<string> {
  const ids = new Set<string>();
  for (const [name, requests] of Object.entries(unprocessed ?? {})) {
    const table = tables.get(name);
    if (!table) continue;
    for (const request of requests) {
      const key = keyOf(table, request.PutRequest?.Item ?? request.DeleteRequest?.Key);
      if (key) ids.add(itemId(table, key));
    }
  }
  return ids;
}

/** The same answer without `Attributes`, with its length and checksum made right again. */
export function withoutAttributes(answer: RawAnswer): RawAnswer {
  const { Attributes: _notAskedFor, ...rest } = parse(answer);
  return withBody(answer, Buffer.from(JSON.stringify(rest)));
}

/**
 * An answer with a new body. DynamoDB clients (the AWS CLI among them) check
 * the x-amz-crc32 header against the body. zlib.crc32 arrived in Node 20.15;
 * on an older Node the header is left out, and clients skip the check.
 */
export function withBody(answer: RawAnswer, body: Buffer): RawAnswer {
  const { 'x-amz-crc32': _stale, ...headers } = answer.headers;
  const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  return {
    status: answer.status,
    headers: { ...headers, 'content-length': String(body.length), ...(crc32 ? { 'x-amz-crc32': String(crc32(body)) } : {}) },
    body,
  };
}

/** The trace's `write` event: which item, and the error's name when the write was refused. */
export function traceWrite(trace: Trace, table: string, operation: string, key: Image | undefined, answer: RawAnswer): void {
  const error = answer.status === 200 ? undefined : errorName(answer);
  trace.add({
    type: 'write',
    table,
    operation,
    ...(key ? { key: unmarshall(key as Record<string, AttributeValue>) } : {}),
    ...(error ? { error } : {}),
  });
}

function errorName(answer: RawAnswer): string {
  try {
    const type = String((parse(answer) as { __type?: string }).__type ?? answer.status);
    return type.split('#').pop()!;
  } catch {
    return String(answer.status);
  }
}
