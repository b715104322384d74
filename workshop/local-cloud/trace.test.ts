import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { formatTrace, type TraceEvent } from './trace.js';
import { useLocalCloud } from './use-local-cloud.js';

const cloud = useLocalCloud({ tables: ['orders'], startTime: new Date('2026-11-29T09:00:00Z') });

describe('the trace', () => {
  it('tells the story in order: write → record → batch → invocation → result → retry → failure → on-failure', async () => {
    cloud().subscribe('orders', async () => {
      throw new Error('email provider down');
    }, { name: 'notifications', maximumRetryAttempts: 1 });
    await new DynamoDBClient({}).send(new PutItemCommand({ TableName: 'orders', Item: marshall({ orderId: 'o-1' }) }));
    await cloud().drain();

    const events = cloud().trace.events;
    expect(events.map((event) => event.type)).toEqual([
      'write', 'record', 'batch', 'invocation', 'result', 'retry', 'invocation', 'result', 'failure', 'on-failure',
    ]);
    expect(events.map((event) => event.seq)).toEqual(events.map((_event, index) => index + 1));
    expect(events.every((event) => event.at === '2026-11-29T09:00:00.000Z'), 'stamped by the local clock').toBe(true);
    const [failed] = cloud().trace.ofType('result');
    expect(failed).toMatchObject({ subscriber: 'notifications', outcome: 'failure', error: 'Error: email provider down', invocation: 1 });
  });

  it('exports JSON, and prints one readable line per event', async () => {
    await new DynamoDBClient({}).send(new PutItemCommand({ TableName: 'orders', Item: marshall({ orderId: 'o-1' }) }));
    await cloud().clock.advanceBy(1000);
    const json = JSON.parse(JSON.stringify(cloud().trace)) as TraceEvent[];
    expect(json).toEqual(cloud().trace.toJSON());
    expect(formatTrace(json).split('\n')).toEqual([
      expect.stringMatching(/^ {3}1 {2}11-29 09:00:00 {2}write {7}orders PutItem \{"orderId":"o-1"\}$/),
      expect.stringMatching(/^ {3}2 .* record .*orders INSERT \{"orderId":"o-1"\} #\d{4}…\d{4}$/),
      expect.stringMatching(/^ {3}3 {2}11-29 09:00:01 {2}clock .*→ 2026-11-29T09:00:01.000Z$/),
    ]);
  });
});
