/**
 * The system, deployed onto the local cloud: the talk's slides 15–18 as code.
 *
 *   order API (01) ── saves ──▶ orders table ── stream ──┬─▶ shipping  (06)
 *                                                        ├─▶ sales     (07)
 *                                                        ├─▶ inventory (08)
 *                                                        ├─▶ transform (09) ──▶ Kinesis order-events
 *                                                        └─▶ archive   (10) ──▶ S3, when TTL deletes an order
 *
 * Each subscriber gets its own event source mapping, set up the way you would
 * on AWS: a batch size, a retry limit, bisect or ReportBatchItemFailures, and
 * a filter so that a function is only invoked for the records it cares about.
 *
 * `--mine` loads the same files from exercises/ instead of solutions/. An
 * unfinished handler is not a crash: its error shows in the trace as a failed
 * invocation, its retries, and finally the on-failure list.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { LocalCloud, MappingOptions, StreamHandler, Subscription } from '../local-cloud/index.js';
import { kitRoot } from '../paths.js';

export type Source = 'solutions' | 'exercises';
export type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
export type WithTtl = <T extends object>(item: T, now: Date, days: number) => T & { expiresAt: number };

/** The functions of the system, loaded from solutions/ or exercises/. */
export interface Functions {
  readonly source: Source;
  readonly orderApi: ApiHandler;
  readonly shipping: StreamHandler;
  readonly sales: StreamHandler;
  readonly inventory: StreamHandler;
  readonly transform: StreamHandler;
  readonly archive: StreamHandler;
  readonly withTtl: WithTtl;
}

/** Where each function lives: the same path under solutions/ and exercises/. */
const functionFiles = {
  orderApi: '01-stateless-function/order-api.ts',
  shipping: '06-stream-handler/shipping.ts',
  sales: '07-partial-batch-failures/sales.ts',
  inventory: '08-idempotent-consumer/inventory.ts',
  transform: '09-kinesis-fan-out/transform.ts',
  archive: '10-ttl-archive/archive.ts',
} as const;

/**
 * Imports the handlers. Call it after `cloud.applyEnv()`: each module makes
 * its `new XClient({})` when it is loaded, and that client must find the local cloud.
 */
export async function loadFunctions(source: Source): Promise<Functions> {
  const load = (file: string) => loadModule(source, file, ['handler', 'withTtl']);
  const [api, shipping, sales, inventory, transform, archive] = await Promise.all(Object.values(functionFiles).map(load));
  const fn = <T>(module: Record<string, unknown>, file: string, name: string): T => {
    const value = module[name];
    if (typeof value === 'function') return value as T;
    return (() => Promise.reject(new Error(`${source}/${file} exports no function "${name}"`))) as T;
  };
  return {
    source,
    orderApi: fn(api!, functionFiles.orderApi, 'handler'),
    shipping: fn(shipping!, functionFiles.shipping, 'handler'),
    sales: fn(sales!, functionFiles.sales, 'handler'),
    inventory: fn(inventory!, functionFiles.inventory, 'handler'),
    transform: fn(transform!, functionFiles.transform, 'handler'),
    archive: fn(archive!, functionFiles.archive, 'handler'),
    withTtl: fn(archive!, functionFiles.archive, 'withTtl'),
  };
}

/**
 * Imports solutions/<file> or exercises/<file> by its absolute path. A module
 * that does not load (a syntax error, say) becomes functions that say so.
 */
export async function loadModule(source: Source, file: string, names: readonly string[]): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path.join(kitRoot, source, file)).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const reason = `${source}/${file} does not load: ${firstLine(error)}`;
    const fail = () => Promise.reject(new Error(reason));
    return Object.fromEntries(names.map((name) => [name, fail]));
  }
}

/** Only these records invoke the function; the others are skipped (a `filtered` line in the trace). */
const only = (...patterns: object[]) => ({ Filters: patterns.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) });
const insertsAndModifies = only({ eventName: ['INSERT', 'MODIFY'] });
const inserts = only({ eventName: ['INSERT'] });
/** The filter AWS documents for "deleted by TTL": a REMOVE signed by the DynamoDB service. */
const ttlDeletions = only({ eventName: ['REMOVE'], userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } });

/** Retries before a batch goes to the on-failure list. Lambda's default is -1 (until the record expires). */
const retries = 5;

export const mappings = {
  // Shipping throws on an error: bisect finds the record that fails.
  shipping: { batchSize: 10, maximumRetryAttempts: retries, bisectBatchOnFunctionError: true, filterCriteria: insertsAndModifies },
  // Sales and inventory report the record that failed (exercises 07, 08).
  sales: { batchSize: 10, maximumRetryAttempts: retries, reportBatchItemFailures: true, filterCriteria: inserts },
  inventory: { batchSize: 10, maximumRetryAttempts: retries, reportBatchItemFailures: true, filterCriteria: inserts },
  transform: { batchSize: 25, maximumRetryAttempts: retries, bisectBatchOnFunctionError: true, filterCriteria: insertsAndModifies },
  archive: { batchSize: 10, maximumRetryAttempts: retries, bisectBatchOnFunctionError: true, filterCriteria: ttlDeletions },
} as const satisfies Record<string, MappingOptions>;

export type SubscriberName = keyof typeof mappings;

/** Subscribes every function to the orders table's stream: the "deploy". */
export function deploy(cloud: LocalCloud, functions: Functions): Record<SubscriberName, Subscription> {
  const subscribe = (name: SubscriberName) => cloud.subscribe('orders', functions[name], { name, ...mappings[name] });
  return {
    shipping: subscribe('shipping'),
    sales: subscribe('sales'),
    inventory: subscribe('inventory'),
    transform: subscribe('transform'),
    archive: subscribe('archive'),
  };
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim();
}
