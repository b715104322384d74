import net from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { isLoopback, NetworkBlockedError, takeBlockedConnections } from './network-guard.js';

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.5.6.7', 'localhost', '::1', '[::1]'])('lets %s through', (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(['169.254.169.254', '10.0.0.1', '192.168.1.1', 'dynamodb.ap-northeast-1.amazonaws.com', '128.0.0.1', '127.0.0.1.example.com'])(
    'blocks %s',
    (host) => {
      expect(isLoopback(host)).toBe(false);
    },
  );
});

describe('the network guard in every test process', () => {
  it('refuses an SDK call to real AWS with a clear message', async () => {
    const client = new DynamoDBClient({ endpoint: 'https://dynamodb.ap-northeast-1.amazonaws.com', maxAttempts: 1 });
    await expect(client.send(new ListTablesCommand({}))).rejects.toThrow(/Blocked a network call to "dynamodb.ap-northeast-1.amazonaws.com"/);
    // The guard also remembers it, so the test would fail even if the error were swallowed.
    const blocked = takeBlockedConnections();
    expect(blocked[0]).toBeInstanceOf(NetworkBlockedError);
  });

  it('refuses a plain TCP or HTTP connection too, not only TLS', () => {
    expect(() => net.connect({ host: '10.0.0.1', port: 80 })).toThrow(NetworkBlockedError);
    expect(takeBlockedConnections()).toHaveLength(1);
  });

  it('lets the SDK reach the local DynamoDB', async () => {
    const { TableNames } = await new DynamoDBClient({}).send(new ListTablesCommand({}));
    expect(Array.isArray(TableNames)).toBe(true);
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
