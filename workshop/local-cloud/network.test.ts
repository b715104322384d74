import net from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostOfConnect, takeBlockedConnections } from '../testing/network-guard.js';
import { useLocalCloud } from './use-local-cloud.js';

const cloud = useLocalCloud({ tables: ['orders'] });

/** Every host a socket of this process connects to while a test runs. */
const hosts: string[] = [];
const originalConnect = net.Socket.prototype.connect;
beforeEach(() => {
  hosts.length = 0;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    hosts.push(hostOfConnect(args));
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof originalConnect;
});
afterEach(() => {
  net.Socket.prototype.connect = originalConnect;
});

describe('no socket beyond loopback', () => {
  it('points every endpoint of the environment at 127.0.0.1', () => {
    for (const name of ['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_KINESIS', 'AWS_ENDPOINT_URL_S3'])
      expect(cloud().env[name], name).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lets the DynamoDB, Kinesis and S3 clients reach 127.0.0.1 and nothing else', async () => {
    await new DynamoDBClient({}).send(new ListTablesCommand({}));
    await new KinesisClient({}).send(new PutRecordsCommand({ StreamName: 'order-events', Records: [{ PartitionKey: 'o-1', Data: Buffer.from('{}') }] }));
    await new S3Client({}).send(new PutObjectCommand({ Bucket: 'order-archive', Key: 'x.json', Body: '{}' }));

    expect(hosts.length, 'the clients connected at all').toBeGreaterThanOrEqual(3);
    expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
    expect(takeBlockedConnections()).toEqual([]);
  });
});
