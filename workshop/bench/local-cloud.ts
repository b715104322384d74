/**
 * The local cloud's two numbers (issue #3), printed by `npm run bench`:
 *
 * 1. Stream records delivered per second through one subscriber (batches of
 *    100, a handler that does nothing): how fast drain() moves records.
 *    Target ≥ 500/s.
 * 2. The cost of stream capture per write: the same writes (a PutItem then an
 *    UpdateItem per item) through the local cloud's DynamoDB endpoint, and
 *    straight to a plain dynalite. Rounds interleaved, median taken.
 *    Target: capture ≤ 2× plain.
 *
 *   npx tsx workshop/bench/local-cloud.ts     (just these two rows)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { startLocalCloud } from '../local-cloud/index.js';
import { startDynalite } from '../local-cloud/start-dynalite.js';
import { createKitTable } from '../local-cloud/create-kit-table.js';
import { kitTables } from '../tables.js';
import { median, printRow, type Row } from './rows.js';

const recordsToDeliver = 5000;
const writesPerRound = 200;
const rounds = 5;
const region = 'ap-northeast-1';

/** Milliseconds per write: PutItem of a new item, then UpdateItem of it (INSERT, then MODIFY). */
async function msPerWrite(client: DynamoDBClient, round: number): Promise<number> {
  const started = performance.now();
  for (let n = 0; n < writesPerRound / 2; n++) {
    const orderId = `r${round}-${n}`;
    await client.send(new PutItemCommand({ TableName: 'orders', Item: { orderId: { S: orderId }, status: { S: 'PLACED' } } }));
    await client.send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: { orderId: { S: orderId } },
        UpdateExpression: 'SET #status = :cancelled',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':cancelled': { S: 'CANCELLED' } },
      }),
    );
  }
  return (performance.now() - started) / writesPerRound;
}

export async function benchLocalCloud(row: Row): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'local-cloud-bench-'));
  const cloud = await startLocalCloud({ tables: ['orders'], s3Folder: folder, region });
  const plain = await startDynalite();
  // The local cloud's own dummy credentials, for both clients: nothing here may look for real ones.
  const credentials = { accessKeyId: cloud.env.AWS_ACCESS_KEY_ID!, secretAccessKey: cloud.env.AWS_SECRET_ACCESS_KEY! };
  const viaCloud = new DynamoDBClient({ endpoint: cloud.env.AWS_ENDPOINT_URL_DYNAMODB, region, credentials });
  const viaPlain = new DynamoDBClient({ endpoint: plain.endpoint, region, credentials });
  try {
    await createKitTable(viaPlain, 'orders', kitTables.orders); // dynalite alone ignores the stream

    // 2. Cost per write, interleaved so a slow moment of the machine hits both alike (first round: warm-up).
    const withCapture: number[] = [];
    const withoutCapture: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      const capture = await msPerWrite(viaCloud, round);
      const bare = await msPerWrite(viaPlain, round);
      if (round > 0) withCapture.push(capture), withoutCapture.push(bare);
    }

    // 1. Delivery: a stream of recordsToDeliver records, drained through one subscriber.
    for (let n = cloud.streamRecords('orders').length; n < recordsToDeliver; n++)
      await viaCloud.send(new PutItemCommand({ TableName: 'orders', Item: { orderId: { S: `d-${n}` } } }));
    let delivered = 0;
    cloud.subscribe('orders', async (event) => void (delivered += event.Records.length), { batchSize: 100 });
    const started = performance.now();
    await cloud.drain();
    const recordsPerSecond = delivered / ((performance.now() - started) / 1000);

    const captureMs = median(withCapture);
    const plainMs = median(withoutCapture);
    row('local cloud: records delivered to a subscriber', `${Math.round(recordsPerSecond).toLocaleString('en')}/s`, 'target ≥ 500/s');
    row(
      'local cloud: ms per write, capture vs plain',
      `${captureMs.toFixed(2)} vs ${plainMs.toFixed(2)}`,
      `${(captureMs / plainMs).toFixed(2)}× plain dynalite (target ≤ 2×)`,
    );
  } finally {
    viaCloud.destroy();
    viaPlain.destroy();
    await cloud.stop();
    await plain.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await benchLocalCloud(printRow);
