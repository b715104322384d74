/**
 * The local cloud: the AWS parts of the talk's event-driven system, on this
 * machine, with no AWS account, Docker or Java.
 *
 *   const cloud = await startLocalCloud({ seed: 42, chaos: true });
 *   cloud.applyEnv();                                   // handlers' `new XClient({})` now reach it
 *   cloud.subscribe('orders', shipping.handler, { batchSize: 10, maximumRetryAttempts: 2 });
 *   await putOrder(…);                                  // any SDK client, Powertools, the AWS CLI
 *   await cloud.drain();                                // deliver the stream until all are caught up
 *   await cloud.clock.advanceBy(31 * 24 * 3600 * 1000); // TTL deletes what expired
 *   console.log(cloud.trace.format());
 *   await cloud.stop();
 *
 * What each part does, and how faithfully: docs/guide/local-cloud.md.
 */
import { DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import path from 'node:path';
import { stateDir } from '../paths.js';
import { kitTables, type KitTableName, type TableDeclaration } from '../tables.js';
import { Chaos, defaultChaosRates, resolveSeed, type ChaosRates } from './chaos.js';
import { createKitTable } from './create-kit-table.js';
import { LocalClock } from './clock.js';
import { drainSubscribers, type DrainOptions } from './drain.js';
import { DynamoDbProxy } from './dynamodb-proxy.js';
import { NoStreamError } from './errors.js';
import { EventSourceMapping, type MappingOptions, type StreamHandler, type Subscription } from './event-source-mapping.js';
import { KinesisStandIn } from './kinesis-stand-in.js';
import { S3StandIn } from './s3-stand-in.js';
import { Trace } from './trace.js';

export { defaultChaosRates, type ChaosRates } from './chaos.js';
export type { DrainOptions } from './drain.js';
export { InvalidFilterPatternError, LocalCloudError, NoStreamError, SubscriberStuckError } from './errors.js';
export type { MappingOptions, StreamHandler, Subscription } from './event-source-mapping.js';
export type { FilterCriteria } from './filter-pattern.js';
export type { KinesisRecord, KinesisStandIn } from './kinesis-stand-in.js';
export type { OnFailureRecord } from './on-failure-record.js';
export type { S3Object, S3StandIn } from './s3-stand-in.js';
export { formatTrace, type TraceEvent } from './trace.js';

/** The Kinesis stream and S3 bucket of the kit, with their environment variables. */
export const orderEventsStream = { envVar: 'ORDER_EVENTS_STREAM', name: 'order-events' } as const;
export const archiveBucket = { envVar: 'ARCHIVE_BUCKET', name: 'order-archive' } as const;

export interface LocalCloudOptions {
  /** The kit tables to create (tables.ts), with their streams and TTL. Default: all of them. */
  readonly tables?: readonly KitTableName[];
  /** Seed of the chaos; default CHAOS_SEED from the environment, else a random one. */
  readonly seed?: number;
  /** Duplicates, replays and transient SDK errors: `true` for defaultChaosRates, or your own rates. Default: none. */
  readonly chaos?: boolean | ChaosRates;
  /** Where the clock starts. Default: now. */
  readonly startTime?: Date;
  /** Default: AWS_REGION, else ap-northeast-1. */
  readonly region?: string;
  /** Where S3 objects are written. Default: .workshop/local-cloud/s3 in the kit. */
  readonly s3Folder?: string;
  /** Fixed ports (0 or absent: any free port). */
  readonly ports?: { readonly dynamodb?: number; readonly kinesis?: number; readonly s3?: number };
}

export interface LocalCloud {
  /** What a handler needs in its environment: endpoints, region, dummy credentials, table, stream and bucket names. */
  readonly env: Readonly<Record<string, string>>;
  /** Puts `env` into process.env; stop() puts the old values back. */
  applyEnv(): void;
  readonly ports: { readonly dynamodb: number; readonly kinesis: number; readonly s3: number };
  readonly seed: number;
  /** The line to print when a run with chaos fails: the seed and how to replay it. */
  replayHint(testFile?: string): string;
  readonly clock: LocalClock;
  readonly trace: Trace;
  readonly kinesis: KinesisStandIn;
  readonly s3: S3StandIn;
  /** The table's name in this cloud (what its environment variable holds). */
  tableName(table: KitTableName): string;
  /** The table's stream so far, as Lambda would receive the records. */
  streamRecords(table: KitTableName | string): readonly DynamoDBRecord[];
  /** An event source mapping from the table's stream to `handler`, with its own position in the stream. */
  subscribe(table: KitTableName | string, handler: StreamHandler, options?: MappingOptions): Subscription;
  /** Delivers until every subscriber is caught up or has put what failed on its on-failure list. */
  drain(options?: DrainOptions): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const region = options.region ?? process.env.AWS_REGION ?? 'ap-northeast-1';
  const seed = resolveSeed(options.seed);
  const chaos = new Chaos(seed, options.chaos === true ? defaultChaosRates : options.chaos || {});
  // The clock and the trace need each other: the clock sweeps TTL and notes it, the trace stamps events with the clock.
  const clock: LocalClock = new LocalClock(options.startTime ?? new Date(), async (now) => {
    trace.add({ type: 'clock', to: now.toISOString() });
    await proxy.sweepExpiredItems(now);
  });
  const trace = new Trace(() => clock.now());

  const proxy = await DynamoDbProxy.start({ chaos, trace, clock, region, port: options.ports?.dynamodb });
  const kinesis = await KinesisStandIn.start({ chaos, trace, clock, region, port: options.ports?.kinesis });
  const s3 = await S3StandIn.start({ folder: options.s3Folder ?? path.join(stateDir, 'local-cloud', 's3'), chaos, trace, port: options.ports?.s3 });

  const tables = options.tables ?? (Object.keys(kitTables) as KitTableName[]);
  const env: Record<string, string> = {
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'LOCALCLOUD',
    AWS_SECRET_ACCESS_KEY: 'local-cloud-secret',
    AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint,
    AWS_ENDPOINT_URL_KINESIS: kinesis.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    ...Object.fromEntries(tables.map((table) => [kitTables[table].envVar, table])),
    [orderEventsStream.envVar]: orderEventsStream.name,
    [archiveBucket.envVar]: archiveBucket.name,
  };

  const client = new DynamoDBClient({
    endpoint: proxy.endpoint,
    region,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
  });
  for (const table of tables) await createWithTtl(client, table, kitTables[table]);
  client.destroy();
  kinesis.createStream(orderEventsStream.name);
  await s3.createBucket(archiveBucket.name);

  const mappings: EventSourceMapping[] = [];
  let invocations = 0;
  let draining: Promise<void> = Promise.resolve();
  let savedEnv: Record<string, string | undefined> | undefined;

  return {
    env,
    applyEnv() {
      savedEnv ??= Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
      Object.assign(process.env, env);
    },
    ports: { dynamodb: proxy.port, kinesis: kinesis.port, s3: s3.port },
    seed,
    replayHint: (testFile) => chaos.replayHint(testFile),
    clock,
    trace,
    kinesis,
    s3,
    tableName(table) {
      const name = env[kitTables[table].envVar];
      if (!name) throw new RangeError(`Table "${table}" is not in this local cloud; start it with tables: [..., '${table}']`);
      return name;
    },
    streamRecords(table) {
      return [...(proxy.tables.get(table)?.stream?.records ?? [])];
    },
    subscribe(table, handler, mappingOptions = {}) {
      const stream = proxy.tables.get(table)?.stream;
      if (!stream) {
        const withStreams = [...proxy.tables.values()].filter((candidate) => candidate.stream).map((candidate) => candidate.name);
        throw new NoStreamError(
          `Table "${table}" has no stream to subscribe to. Tables with a stream here: ${withStreams.join(', ') || 'none'}. ` +
            'Create a table with StreamSpecification { StreamEnabled: true, StreamViewType } to give it one.',
        );
      }
      // A name says whose batch it is in the trace: the function's, made unique.
      const wanted = mappingOptions.name ?? (handler.name || `${table}-subscriber`);
      let name = wanted;
      for (let n = 2; mappings.some((mapping) => mapping.name === name); n++) name = `${wanted}-${n}`;
      const mapping = new EventSourceMapping(name, table, stream, handler, mappingOptions, {
        chaos,
        trace,
        clock,
        region,
        nextInvocation: () => ++invocations,
      });
      mappings.push(mapping);
      return mapping;
    },
    drain(drainOptions = {}) {
      // One drain at a time: a second call waits for the first, then delivers what is left.
      draining = draining.catch(() => undefined).then(() => drainSubscribers(mappings, drainOptions, chaos.enabled ? chaos.replayHint() : ''));
      return draining;
    },
    async stop() {
      await Promise.all([proxy.close(), kinesis.close(), s3.close()]);
      if (savedEnv)
        for (const [name, value] of Object.entries(savedEnv)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      savedEnv = undefined;
    },
  };
}

/** A kit table as declared once in tables.ts: its key, its stream, its TTL. */
async function createWithTtl(client: DynamoDBClient, name: string, declaration: TableDeclaration): Promise<void> {
  await createKitTable(client, name, declaration);
  if (declaration.ttlAttribute)
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: declaration.ttlAttribute, Enabled: true } }),
    );
}
