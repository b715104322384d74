/**
 * The DynamoDB endpoint of the local cloud: a small HTTP server on 127.0.0.1
 * in front of dynalite (which runs in memory, see dynalite-client.ts).
 * Learners' code, Powertools and the AWS CLI reach it unmodified through
 * AWS_ENDPOINT_URL_DYNAMODB.
 *
 * Why a server in front? On AWS the stream is made on the server side,
 * whoever writes. This is the one place that sees every write of every
 * client, without touching their code and without patching dynalite (which
 * has no change hooks). It is also where the parts dynalite lacks live:
 * streams (write-capture.ts), TTL (ttl.ts) and injected faults (chaos.ts).
 *
 * Everything else — CreateTable, Query, Scan, GetItem… — passes straight
 * through, and dynalite's answer (status, headers, checksum) comes back as is.
 */
import { randomUUID } from 'node:crypto';
import type { Image, StreamViewType } from '../streams/stream-record.js';
import type { Chaos } from './chaos.js';
import type { LocalClock } from './clock.js';
import { keyOf, type CloudTable } from './cloud-table.js';
import { DynaliteClient, type RawAnswer } from './dynalite-client.js';
import { ItemLocks } from './item-locks.js';
import { listenOnLoopback, send as sendAnswer, type LoopbackResponse, type LoopbackServer } from './loopback-server.js';
import { StreamLog } from './stream-log.js';
import type { Trace } from './trace.js';
import { describeTimeToLive, sweepExpiredItems, updateTimeToLive, type JsonAnswer } from './ttl.js';
import { traceWrite, withBody, WriteCapture, type BatchWriteRequest, type ItemRequest, type StreamTable } from './write-capture.js';

export interface DynamoDbProxyOptions {
  readonly chaos: Chaos;
  readonly trace: Trace;
  readonly clock: LocalClock;
  readonly region: string;
  /** 0 (default): any free port. */
  readonly port?: number;
}

/** Operations that read or write items: the only ones chaos may fail. */
const dataOperations = new Set([
  'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan',
  'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems',
]);

/** Transient errors as DynamoDB sends them; the SDK retries both. */
const transientFaults = [
  {
    status: 400,
    type: 'ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  },
  { status: 500, type: 'InternalServerError', message: 'Internal server error' },
] as const;

// Loosely typed on purpose: these are DynamoDB's JSON requests, read field by field.
type Input = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class DynamoDbProxy {
  /** Every table created through this endpoint, by name. */
  readonly tables = new Map<string, CloudTable>();
  private readonly dynalite: DynaliteClient;
  private readonly capture: WriteCapture;
  private server?: LoopbackServer;

  private constructor(private readonly options: DynamoDbProxyOptions) {
    this.dynalite = new DynaliteClient();
    this.capture = new WriteCapture(this.dynalite, new ItemLocks(), options.trace);
  }

  static async start(options: DynamoDbProxyOptions): Promise<DynamoDbProxy> {
    const proxy = new DynamoDbProxy(options);
    proxy.server = await listenOnLoopback(
      (request, body, response) => proxy.handle(String(request.headers['x-amz-target'] ?? ''), body, response),
      { port: options.port },
    );
    return proxy;
  }

  get endpoint(): string {
    return this.server!.endpoint;
  }

  get port(): number {
    return this.server!.port;
  }

  /** TTL: deletes what expired by `now` (the clock calls this when it moves). */
  sweepExpiredItems(now: Date): Promise<number> {
    return sweepExpiredItems(this.tables.values(), now, this.dynalite, this.capture);
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  private async handle(target: string, body: Buffer, response: LoopbackResponse): Promise<void> {
    const operation = target.split('.')[1] ?? '';
    let input: Input;
    try {
      input = JSON.parse(body.toString() || '{}') as Input;
    } catch {
      return send(response, await this.dynalite.forward(target, body)); // dynalite answers SerializationException
    }
    if (dataOperations.has(operation) && this.options.chaos.failSdkRequest(`dynamodb|${operation}|${this.subjectOf(input)}`))
      return send(response, this.injectedFault(operation, input));

    switch (operation) {
      case 'UpdateTimeToLive':
        return send(response, jsonAnswer(updateTimeToLive(this.tables.get(input.TableName), input)));
      case 'DescribeTimeToLive':
        return send(response, jsonAnswer(describeTimeToLive(this.tables.get(input.TableName), input)));
      case 'PutItem':
      case 'UpdateItem':
      case 'DeleteItem':
        return send(response, await this.writeItem(operation, target, body, input));
      case 'BatchWriteItem':
        return send(response, await this.batchWrite(target, body, input));
      default:
        return send(response, this.afterPassThrough(operation, input, await this.dynalite.forward(target, body)));
    }
  }

  private async writeItem(operation: 'PutItem' | 'UpdateItem' | 'DeleteItem', target: string, body: Buffer, input: Input): Promise<RawAnswer> {
    const table = this.tables.get(input.TableName);
    if (table?.stream) {
      const withStream = table as StreamTable;
      if (operation === 'PutItem') return this.capture.putItem(withStream, input as ItemRequest);
      if (operation === 'UpdateItem') return this.capture.updateItem(withStream, input as ItemRequest);
      return this.capture.deleteItem(withStream, input as ItemRequest);
    }
    const answer = await this.dynalite.forward(target, body);
    traceWrite(this.options.trace, String(input.TableName), operation, table ? keyOf(table, input.Item ?? input.Key) : input.Key, answer);
    return answer;
  }

  private async batchWrite(target: string, body: Buffer, input: BatchWriteRequest): Promise<RawAnswer> {
    const withStreams = new Map<string, StreamTable>();
    for (const name of Object.keys(input.RequestItems ?? {})) {
      const table = this.tables.get(name);
      if (table?.stream) withStreams.set(name, table as StreamTable);
    }
    // The capture traces the writes to tables with a stream; the others are traced here.
    const answer = withStreams.size > 0 ? await this.capture.batchWriteItem(withStreams, input) : await this.dynalite.forward(target, body);
    for (const [name, requests] of Object.entries(input.RequestItems ?? {})) {
      if (withStreams.has(name)) continue;
      const table = this.tables.get(name);
      for (const request of requests) {
        const key = table ? keyOf(table, request.PutRequest?.Item ?? request.DeleteRequest?.Key) : undefined;
        traceWrite(this.options.trace, name, request.PutRequest ? 'BatchWriteItem Put' : 'BatchWriteItem Delete', key, answer);
      }
    }
    return answer;
  }

  /** Keeps track of tables and their streams, and shows the stream in what DescribeTable answers. */
  private afterPassThrough(operation: string, input: Input, answer: RawAnswer): RawAnswer {
    if (answer.status !== 200) return answer;
    if (operation === 'CreateTable') this.register(input);
    if (operation === 'DeleteTable') this.tables.delete(input.TableName);
    if (operation === 'CreateTable' || operation === 'DescribeTable') return this.withStreamDescription(answer, input.TableName);
    return answer;
  }

  private register(input: Input): void {
    const keySchema = (input.KeySchema ?? []) as { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    const keyAttributes = ['HASH', 'RANGE'].flatMap((type) => keySchema.filter((part) => part.KeyType === type).map((part) => part.AttributeName));
    const table: CloudTable = { name: input.TableName, keyAttributes };
    const spec = input.StreamSpecification as { StreamEnabled?: boolean; StreamViewType?: StreamViewType } | undefined;
    if (spec?.StreamEnabled && spec.StreamViewType) {
      const { region, clock, trace } = this.options;
      table.stream = new StreamLog({ tableName: table.name, keyAttributes, viewType: spec.StreamViewType, region, clock, trace });
    }
    this.tables.set(table.name, table);
  }

  /** dynalite knows nothing of streams; DynamoDB's own answer names the stream. */
  private withStreamDescription(answer: RawAnswer, tableName: string): RawAnswer {
    const stream = this.tables.get(tableName)?.stream;
    if (!stream) return answer;
    const parsed = JSON.parse(answer.body.toString()) as { Table?: object; TableDescription?: object };
    const description = parsed.Table ?? parsed.TableDescription;
    if (!description) return answer;
    Object.assign(description, {
      StreamSpecification: { StreamEnabled: true, StreamViewType: stream.viewType },
      LatestStreamLabel: stream.streamLabel,
      LatestStreamArn: stream.streamArn,
    });
    return withBody(answer, Buffer.from(JSON.stringify(parsed)));
  }

  /** What a request touches — the chaos question, free of timestamps and of arrival order. */
  private subjectOf(input: Input): string {
    const table = this.tables.get(input.TableName);
    const key: Image | undefined = input.Key ?? (table ? keyOf(table, input.Item) : undefined);
    if (input.TableName) return `${input.TableName}|${JSON.stringify(key ?? input.ExpressionAttributeValues ?? null)}`;
    return Object.keys(input.RequestItems ?? input.TransactItems ?? {}).join(',');
  }

  private injectedFault(operation: string, input: Input): RawAnswer {
    const fault = transientFaults[this.options.chaos.pick(transientFaults.length, `dynamodb-fault|${operation}|${this.subjectOf(input)}`)]!;
    this.options.trace.add({ type: 'chaos', kind: 'sdk-error', subject: `dynamodb ${operation} ${this.subjectOf(input)}`, detail: fault.type });
    return jsonAnswer({
      status: fault.status,
      body: {
        __type: `com.amazonaws.dynamodb.v20120810#${fault.type}`,
        message: `${fault.message} (injected by the local cloud's chaos, seed=${this.options.chaos.seed})`,
      },
    });
  }
}

function jsonAnswer({ status, body }: JsonAnswer): RawAnswer {
  const empty: RawAnswer = {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() },
    body: Buffer.alloc(0),
  };
  return withBody(empty, Buffer.from(JSON.stringify(body)));
}

/** The headers DynamoDB answers with; the SDK reads the request id, the AWS CLI checks the CRC32. */
const answerHeaders = ['content-type', 'content-length', 'x-amzn-requestid', 'x-amz-crc32'];

function send(response: LoopbackResponse, answer: RawAnswer): void {
  const headers: Record<string, string | string[]> = {};
  for (const name of answerHeaders) {
    const value = answer.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  sendAnswer(response, answer.status, headers, answer.body);
}
