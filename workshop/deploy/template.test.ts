/**
 * deploy/template.yaml, checked offline: it parses, every function's handler
 * resolves to an exported function and bundles with esbuild, and the wiring is
 * the one the exercises teach (tables as in workshop/tables.ts, each event
 * source mapping's settings, each function's environment and IAM scope).
 * A change to a handler, a table or a mapping setting that the other side does
 * not follow fails here.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitRoot } from '../paths.js';
import { kitTables } from '../tables.js';
import { loadTemplate, parseTemplate, referencedIds, type Resource, type Template } from './template.js';

// ─── What the exercises teach, one row per function ─────────────────────────
type TableId = 'OrdersTable' | 'TargetsTable';
interface Mapping {
  stream: TableId;
  /** The handler returns a DynamoDBBatchResponse (07, 08, 11, 12-notify). */
  reportsBatchItemFailures: boolean;
  maximumRetryAttempts: number;
  /** The FilterCriteria patterns, parsed; undefined = no filter. */
  filter?: unknown[];
}
interface Expected {
  entry: string;
  /** The solution module a deploy/ entry builds its handler from; any other entry is the solution itself. */
  solution?: string;
  mapping?: Mapping;
  /** Logical ids the function's role may name, besides its own log group and queue. */
  touches: string[];
}

const insertsOnly = [{ eventName: ['INSERT'] }];
// Exercise 10 (and AWS's "DynamoDB Streams and Time to Live" guide).
const ttlExpiries = [{ userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } }];

const expected: Record<string, Expected> = {
  OrderApiFunction: {
    entry: 'solutions/01-stateless-function/order-api.ts',
    touches: ['OrdersTable'],
  },
  ShippingFunction: {
    entry: 'solutions/06-stream-handler/shipping.ts',
    mapping: { stream: 'OrdersTable', reportsBatchItemFailures: false, maximumRetryAttempts: 10 },
    touches: ['OrdersTable', 'ShipmentsTable'],
  },
  SalesFunction: {
    entry: 'solutions/07-partial-batch-failures/sales.ts',
    mapping: { stream: 'OrdersTable', reportsBatchItemFailures: true, maximumRetryAttempts: 10 },
    touches: ['OrdersTable', 'SalesTable'],
  },
  InventoryFunction: {
    entry: 'solutions/08-idempotent-consumer/inventory.ts',
    mapping: { stream: 'OrdersTable', reportsBatchItemFailures: true, maximumRetryAttempts: 10, filter: insertsOnly },
    touches: ['OrdersTable', 'InventoryTable'],
  },
  TransformFunction: {
    entry: 'solutions/09-kinesis-fan-out/transform.ts',
    mapping: { stream: 'OrdersTable', reportsBatchItemFailures: false, maximumRetryAttempts: 10 },
    touches: ['OrdersTable', 'OrderEventsStream'],
  },
  ArchiveFunction: {
    entry: 'solutions/10-ttl-archive/archive.ts',
    mapping: { stream: 'OrdersTable', reportsBatchItemFailures: false, maximumRetryAttempts: 1000, filter: ttlExpiries },
    touches: ['OrdersTable', 'ArchiveBucket'],
  },
  NotificationsFunction: {
    entry: 'deploy/functions/notifications.ts',
    solution: 'solutions/11-add-a-service/notifications.ts',
    mapping: { stream: 'OrdersTable', reportsBatchItemFailures: true, maximumRetryAttempts: 1000, filter: insertsOnly },
    touches: ['OrdersTable', 'IdempotencyTable'],
  },
  PingbotCheckFunction: {
    entry: 'solutions/12-pingbot/check.ts',
    touches: ['TargetsTable'],
  },
  PingbotNotifyFunction: {
    entry: 'deploy/functions/pingbot-notify.ts',
    solution: 'solutions/12-pingbot/notify.ts',
    mapping: { stream: 'TargetsTable', reportsBatchItemFailures: true, maximumRetryAttempts: 1000 }, // filter: statusChangeFilter, below
    touches: ['TargetsTable'],
  },
};

/** The IAM action for each SDK command a handler sends. */
const actionOfCommand: Record<string, string> = {
  PutItem: 'dynamodb:PutItem',
  GetItem: 'dynamodb:GetItem',
  UpdateItem: 'dynamodb:UpdateItem',
  DeleteItem: 'dynamodb:DeleteItem',
  Scan: 'dynamodb:Scan',
  PutRecords: 'kinesis:PutRecords',
  PutObject: 's3:PutObject',
};
const streamRead = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
const logWrite = ['logs:CreateLogStream', 'logs:PutLogEvents'];
/** Set by Lambda itself, never by the template. */
const lambdaReserved = new Set(['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_LAMBDA_FUNCTION_NAME', 'NODE_ENV']);

// ─── Helpers ────────────────────────────────────────────────────────────────
const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);
const tableId = (name: string) => `${pascal(name)}Table`;
const read = (file: string) => readFileSync(path.join(kitRoot, file), 'utf8');
const solutionOf = (want: Expected) => want.solution ?? want.entry;

let template: Template;
let functions: [string, Resource][];
/** Per function: the kit source files in its bundle (from esbuild's metafile). */
const bundleSources = new Map<string, string[]>();
const bundleFiles = new Map<string, string>();
let outDir: string;

function props(id: string): Record<string, any> {
  const resource = template.Resources[id];
  if (!resource) throw new Error(`no resource ${id} in the template`);
  return resource.Properties ?? {};
}

function streamEvents(id: string): Record<string, any>[] {
  return Object.values(props(id).Events ?? {}).filter((event: any) => event.Type === 'DynamoDB').map((event: any) => event.Properties);
}

function statementsOf(functionId: string): Record<string, any>[] {
  const role = props(functionId).Role;
  const roleId = role?.['Fn::GetAtt']?.[0] as string;
  return (props(roleId).Policies ?? []).flatMap((policy: any) => policy.PolicyDocument.Statement);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The kit source in a function's bundle, all its files together: what its handler reads and sends. */
const bundleCode = (id: string) => bundleSources.get(id)!.map(read).join('\n');

function esbuildOptions(metadata: Record<string, any>): BuildOptions {
  const p = metadata.BuildProperties ?? {};
  return {
    bundle: true,
    platform: p.Platform ?? 'node',
    format: p.Format ?? 'cjs',
    target: p.Target,
    mainFields: p.MainFields,
    external: p.External,
    outExtension: Object.fromEntries((p.OutExtension ?? []).map((pair: string) => pair.split('='))),
    minify: p.Minify ?? false,
    logLevel: 'silent',
  };
}

beforeAll(async () => {
  template = loadTemplate();
  functions = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Serverless::Function');
  outDir = await mkdtemp(path.join(tmpdir(), 'kit-deploy-'));
  // All functions share one set of build properties (checked below), so one build bundles them all.
  const result = await build({
    ...esbuildOptions(functions[0]![1].Metadata!),
    absWorkingDir: kitRoot,
    entryPoints: Object.fromEntries(functions.map(([id, r]) => [id, r.Metadata!.BuildProperties.EntryPoints[0]])),
    outdir: outDir,
    write: false,
    metafile: true,
  });
  const metafile = result.metafile as Metafile;
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const id = functions.find(([, r]) => r.Metadata!.BuildProperties.EntryPoints[0] === meta.entryPoint)![0];
    bundleSources.set(id, Object.keys(meta.inputs).filter((input) => !input.includes('node_modules')));
    const file = result.outputFiles.find((f) => f.path === path.join(kitRoot, output))!;
    const target = path.join(outDir, `${id}${path.extname(output)}`);
    await writeFile(target, file.contents);
    bundleFiles.set(id, target);
  }
}, 30_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

// ─── The tests ──────────────────────────────────────────────────────────────
describe('deploy/template.yaml', () => {
  it('parses as a SAM template, CloudFormation tags included, and rejects a tag it does not know', () => {
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(props('ShippingFunction').Role).toEqual({ 'Fn::GetAtt': ['ShippingRole', 'Arn'] });
    expect((parseTemplate('a: !Sub "${X.Arn}/y"\nb: !If [c, !Ref Y, !GetAtt Z.Arn]') as unknown as Record<string, unknown>).b).toEqual({
      'Fn::If': ['c', { Ref: 'Y' }, { 'Fn::GetAtt': ['Z', 'Arn'] }],
    });
    expect(() => parseTemplate('a: !NotATag x')).toThrow(/does not parse/);
  });

  it('declares exactly the tables of workshop/tables.ts, each with its key, stream and TTL', () => {
    const tables = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::Table');
    expect(tables.map(([id]) => id).sort()).toEqual(Object.keys(kitTables).map(tableId).sort());
    for (const [name, table] of Object.entries(kitTables)) {
      const p = props(tableId(name));
      expect(p.KeySchema, name).toEqual([{ AttributeName: table.key, KeyType: 'HASH' }]);
      expect(p.AttributeDefinitions, name).toEqual([{ AttributeName: table.key, AttributeType: 'S' }]);
      expect(p.StreamSpecification?.StreamViewType, name).toBe('stream' in table ? table.stream : undefined);
      const ttl = 'ttlAttribute' in table ? { AttributeName: table.ttlAttribute, Enabled: true } : undefined;
      expect(p.TimeToLiveSpecification, name).toEqual(ttl);
      expect(p.BillingMode, name).toBe('PAY_PER_REQUEST');
    }
  });

  it('has the functions the exercises solve, on a current Node.js runtime, built with esbuild', () => {
    expect(functions.map(([id]) => id).sort()).toEqual(Object.keys(expected).sort());
    const first = JSON.stringify(functions[0]![1].Metadata);
    for (const [id, resource] of functions) {
      const runtime = resource.Properties?.Runtime ?? template.Globals?.Function?.Runtime;
      expect(runtime, id).toMatch(/^nodejs(22|24)\.x$/);
      expect(resource.Metadata?.BuildMethod, id).toBe('esbuild');
      const build = resource.Metadata!.BuildProperties;
      expect(build.EntryPoints, id).toEqual([expected[id]!.entry]);
      expect(build.Target, id).toMatch(/^node(20|22|24)$/);
      if (build.Format === 'esm') expect(build.OutExtension, `${id}: ESM needs .mjs outside a "type": "module" package`).toEqual(['.js=.mjs']);
      // Same build settings everywhere, apart from the entry point (the test bundles them in one go).
      expect(JSON.stringify(resource.Metadata).replace(build.EntryPoints[0], ''), id).toBe(first.replace(functions[0]![1].Metadata!.BuildProperties.EntryPoints[0], ''));
      // esbuild writes a single entry point flat into the artifact: <basename>.mjs exports the handler.
      expect(resource.Properties?.CodeUri, id).toBe('../');
      expect(resource.Properties?.Handler, id).toBe(`${path.basename(expected[id]!.entry, '.ts')}.handler`);
    }
  });

  it("resolves every function's handler to an exported function of solutions/", async () => {
    for (const [id, want] of Object.entries(expected)) {
      const module = (await import(pathToFileURL(path.join(kitRoot, want.entry)).href)) as Record<string, unknown>;
      expect(typeof module.handler, `${want.entry} exports handler`).toBe('function');
      expect(solutionOf(want), id).toMatch(/^solutions\//);
      // A deploy/ entry only builds the solution's handler: it must import that solution.
      expect(bundleSources.get(id), id).toContain(solutionOf(want));
    }
  });

  it('bundles every function with esbuild into a module that loads and exports the handler', async () => {
    const modules = await Promise.all(
      functions.map(async ([id]) => [id, (await import(pathToFileURL(bundleFiles.get(id)!).href)) as Record<string, unknown>] as const),
    );
    for (const [id, module] of modules) expect(typeof module.handler, id).toBe('function');
  }, 20_000);

  it('routes the HTTP API to the order API as exercise 01 defines it', () => {
    const routes = Object.values(props('OrderApiFunction').Events).map((e: any) => `${e.Properties.Method} ${e.Properties.Path}`);
    expect(routes.sort()).toEqual(['GET /orders/{orderId}', 'POST /orders']);
    const source = read(solutionOf(expected.OrderApiFunction!));
    for (const route of routes) expect(source).toContain(route);
  });

  it("invokes pingbot's checker on a rate(1 minute) schedule", () => {
    const events = Object.values(props('PingbotCheckFunction').Events) as any[];
    expect(events).toEqual([{ Type: 'Schedule', Properties: { Schedule: 'rate(1 minute)' } }]);
  });

  describe('event source mappings', () => {
    for (const [id, want] of Object.entries(expected)) {
      if (!want.mapping) {
        it(`${id} has none`, () => expect(streamEvents(id)).toEqual([]));
        continue;
      }
      const mapping = want.mapping;
      it(`${id}: ${mapping.stream} stream, TRIM_HORIZON, bisect, finite retries, on-failure queue`, async () => {
        const events = streamEvents(id);
        expect(events).toHaveLength(1);
        const event = events[0]!;
        expect(event.Stream).toEqual({ 'Fn::GetAtt': [mapping.stream, 'StreamArn'] });
        expect(event.StartingPosition).toBe('TRIM_HORIZON');
        expect(event.BatchSize).toBe(100);
        expect(event.BisectBatchOnFunctionError).toBe(true);
        expect(event.MaximumRetryAttempts).toBe(mapping.maximumRetryAttempts);
        expect(Number.isInteger(event.MaximumRetryAttempts) && event.MaximumRetryAttempts >= 0 && event.MaximumRetryAttempts <= 10_000).toBe(true);
        const queue = event.DestinationConfig?.OnFailure?.Destination?.['Fn::GetAtt']?.[0];
        expect(template.Resources[queue]?.Type).toBe('AWS::SQS::Queue');
        // Every subscriber has a queue of its own.
        const others = Object.keys(expected).filter((other) => other !== id).flatMap(streamEvents);
        expect(others.map((e) => e.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0])).not.toContain(queue);
      });

      it(`${id}: ReportBatchItemFailures ${mapping.reportsBatchItemFailures ? 'on' : 'off'}, as its handler's return type says`, () => {
        const returnsBatchResponse = /Promise<DynamoDBBatchResponse>/.test(read(solutionOf(want)));
        expect(returnsBatchResponse).toBe(mapping.reportsBatchItemFailures);
        const types = streamEvents(id)[0]!.FunctionResponseTypes;
        expect(types).toEqual(returnsBatchResponse ? ['ReportBatchItemFailures'] : undefined);
      });

      it(`${id}: FilterCriteria as the exercises teach`, async () => {
        let filter = mapping.filter;
        if (id === 'PingbotNotifyFunction') {
          const { statusChangeFilter } = (await import(pathToFileURL(path.join(kitRoot, solutionOf(want))).href)) as {
            statusChangeFilter: { Filters: { Pattern: string }[] };
          };
          filter = statusChangeFilter.Filters.map((f) => JSON.parse(f.Pattern));
        }
        const filters = streamEvents(id)[0]!.FilterCriteria?.Filters as { Pattern: unknown }[] | undefined;
        for (const f of filters ?? []) expect(typeof f.Pattern, 'a Pattern is a JSON string').toBe('string');
        expect(filters?.map((f) => JSON.parse(f.Pattern as string))).toEqual(filter);
        expect((filters ?? []).length).toBeLessThanOrEqual(5);
      });
    }
  });

  describe('environment', () => {
    for (const id of Object.keys(expected)) {
      it(`${id} gets every variable its handler reads, each naming the right resource`, () => {
        const reads = new Set<string>();
        for (const m of bundleCode(id).matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) {
          const name = (m[1] ?? m[2])!;
          if (!lambdaReserved.has(name)) reads.add(name);
        }
        expect(reads.size, `${id} reads no environment at all?`).toBeGreaterThan(0);
        const env: Record<string, unknown> = props(id).Environment?.Variables ?? {};
        expect(Object.keys(env).sort()).toEqual([...reads].sort());
        for (const [name, table] of Object.entries(kitTables)) {
          if (table.envVar in env) expect(env[table.envVar], table.envVar).toEqual({ Ref: tableId(name) });
        }
        if ('ORDER_EVENTS_STREAM' in env) expect(env.ORDER_EVENTS_STREAM).toEqual({ Ref: 'OrderEventsStream' });
        if ('ARCHIVE_BUCKET' in env) expect(env.ARCHIVE_BUCKET).toEqual({ Ref: 'ArchiveBucket' });
      });
    }
  });

  describe('least privilege', () => {
    it('grants no * action or resource anywhere, and no managed policy', () => {
      for (const [id, resource] of Object.entries(template.Resources)) {
        if (resource.Type === 'AWS::Serverless::Function') {
          expect(resource.Properties?.Policies, `${id}: SAM policies would add managed ones`).toBeUndefined();
          expect(resource.Properties?.Role, id).toEqual({ 'Fn::GetAtt': [id.replace(/Function$/, 'Role'), 'Arn'] });
        }
        if (resource.Type !== 'AWS::IAM::Role') continue;
        expect(resource.Properties?.ManagedPolicyArns, id).toBeUndefined();
        for (const policy of resource.Properties?.Policies ?? []) {
          for (const statement of policy.PolicyDocument.Statement) {
            expect(statement.Effect, id).toBe('Allow');
            for (const action of asList(statement.Action)) expect(String(action), id).not.toContain('*');
            for (const res of asList(statement.Resource)) {
              expect(typeof res, `${id}: a resource names a template resource, it is never a literal`).toBe('object');
              // A wildcard only after a resource's own ARN, e.g. ${ArchiveBucket.Arn}/orders/*.
              const sub = (res as any)['Fn::Sub'];
              if (sub !== undefined) expect(String(sub), id).toMatch(/^\$\{[A-Za-z0-9]+\.Arn\}\/[a-z]+\/\*$/);
            }
          }
        }
      }
    });

    for (const [id, want] of Object.entries(expected)) {
      it(`${id} may touch only its own tables, stream, bucket, queue and log group, with the actions its code uses`, () => {
        const statements = statementsOf(id);
        const logGroup = id.replace(/Function$/, 'Logs');
        const queue = want.mapping ? id.replace(/Function$/, 'Failures') : undefined;
        const allowed = new Set([...want.touches, logGroup, ...(queue ? [queue] : [])]);
        for (const statement of statements) {
          for (const ref of referencedIds(statement.Resource)) expect(allowed, `${id} names ${ref}`).toContain(ref);
        }
        // Actions: the SDK commands its bundle sends, plus stream reading, the queue, the logs.
        const commands = new Set([...bundleCode(id).matchAll(/new (\w+)Command\(/g)].map((m) => m[1]!));
        const fromCode = [...commands].map((command) => {
          expect(actionOfCommand, `${id} sends ${command}Command: add its IAM action to the test`).toHaveProperty(command);
          return actionOfCommand[command]!;
        });
        const wanted = [...fromCode, ...logWrite, ...(want.mapping ? [...streamRead, 'sqs:SendMessage'] : [])];
        const granted = statements.flatMap((s) => asList(s.Action).map(String));
        expect(new Set(granted)).toEqual(new Set(wanted));
        // Each grant is on the right kind of resource.
        for (const statement of statements) {
          const ids = [...referencedIds(statement.Resource)];
          const actions = asList(statement.Action).map(String);
          if (actions.some((a) => streamRead.includes(a))) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [want.mapping!.stream, 'StreamArn'] });
          if (actions.includes('sqs:SendMessage')) expect(ids).toEqual([queue]);
          if (actions.some((a) => a.startsWith('logs:'))) expect(ids).toEqual([logGroup]);
          if (actions.includes('s3:PutObject')) expect(statement.Resource).toEqual({ 'Fn::Sub': '${ArchiveBucket.Arn}/orders/*' });
        }
        expect(props(id).LoggingConfig?.LogGroup).toEqual({ Ref: logGroup });
      });
    }
  });

  it('outputs the API URL and the name of every table, the stream and the bucket', () => {
    const outputs = template.Outputs ?? {};
    expect(referencedIds(outputs.ApiUrl?.Value)).toEqual(new Set(['ServerlessHttpApi']));
    const named = new Set(Object.values(outputs).flatMap((o) => [...referencedIds(o.Value)]));
    for (const id of [...Object.keys(kitTables).map(tableId), 'OrderEventsStream', 'ArchiveBucket']) expect(named, id).toContain(id);
  });
});
