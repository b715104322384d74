/**
 * The local cloud in a few lines: an order is saved, its stream record reaches
 * a subscriber, and thirty-one days later TTL deletes the order — which
 * reaches the subscriber too, as an event of its own (slide 18).
 *
 *   npx tsx workshop/local-cloud/example.ts
 *
 * The docs and the README show the region below; example.test.ts runs it.
 */
import { pathToFileURL } from 'node:url';
// #region local-cloud
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { startLocalCloud } from './index.js';

export async function runExample(): Promise<string[]> {
  const cloud = await startLocalCloud({ tables: ['orders'], startTime: new Date('2026-11-29T09:00:00Z') });
  cloud.applyEnv(); // every `new XClient({})` now finds the local cloud
  try {
    const seen: string[] = [];
    const shipping = async (event: DynamoDBStreamEvent) => {
      for (const record of event.Records) seen.push(`${record.eventName} ${record.dynamodb?.Keys?.orderId?.S}`);
    };
    cloud.subscribe('orders', shipping, { batchSize: 10, maximumRetryAttempts: 2 });

    const expiresAt = Math.floor(cloud.clock.now().getTime() / 1000) + 30 * 24 * 60 * 60; // epoch SECONDS
    await new DynamoDBClient({}).send(
      new PutItemCommand({
        TableName: process.env.ORDERS_TABLE,
        Item: { orderId: { S: 'o-1' }, status: { S: 'PLACED' }, expiresAt: { N: String(expiresAt) } },
      }),
    );
    await cloud.drain(); // shipping sees INSERT o-1
    await cloud.clock.advanceBy(31 * 24 * 60 * 60 * 1000); // TTL deletes o-1…
    await cloud.drain(); // …and shipping sees REMOVE o-1
    console.log(cloud.trace.format());
    return seen; // ['INSERT o-1', 'REMOVE o-1']
  } finally {
    await cloud.stop();
  }
}
// #endregion local-cloud

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runExample();
