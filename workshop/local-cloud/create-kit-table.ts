/**
 * Creates a kit table as tables.ts declares it — a string partition key, pay
 * per request, and its stream when it has one — and waits until it is ACTIVE.
 * (A DynamoDB without streams, like a bare dynalite, ignores the stream.)
 *
 * dynalite answers CreateTable with CREATING and turns the table ACTIVE a tick
 * later; a write in between fails with ResourceNotFoundException. So: ask until
 * it is ACTIVE (each round trip gives dynalite that tick; no timers, so tests
 * with fake timers still work).
 */
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TableDeclaration } from '../tables.js';

export async function createKitTable(client: DynamoDBClient, tableName: string, declaration: TableDeclaration): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: declaration.key, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: declaration.key, KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      ...(declaration.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: declaration.stream } } : {}),
    }),
  );
  for (let attempt = 0; attempt < 1000; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
  }
  throw new Error(`Table ${tableName} did not become ACTIVE on the local DynamoDB`);
}
