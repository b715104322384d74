/**
 * What Lambda sends to an event source mapping's on-failure destination (an
 * SQS queue or SNS topic) when it gives up on a batch of stream records: not
 * the records, only where they are in the stream — `DDBStreamBatchInfo` —
 * plus the request and response context of the last invocation.
 *
 * The shape follows AWS's example invocation record (Lambda developer guide,
 * "Retain discarded records for a DynamoDB event source").
 */
import { createHash } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';

export interface OnFailureRecord {
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: 'RetryAttemptsExhausted';
    readonly approximateInvokeCount: number;
  };
  readonly responseContext: {
    readonly statusCode: 200;
    readonly executedVersion: '$LATEST';
    /** Present when the function threw; absent when it answered with failures. */
    readonly functionError?: 'Unhandled';
  };
  readonly version: '1.0';
  /** When Lambda gave up (local clock). */
  readonly timestamp: string;
  readonly DDBStreamBatchInfo: {
    readonly shardId: string;
    readonly startSequenceNumber: string;
    readonly endSequenceNumber: string;
    readonly approximateArrivalOfFirstRecord: string;
    readonly approximateArrivalOfLastRecord: string;
    readonly batchSize: number;
    readonly streamArn: string;
  };
}

export interface GaveUp {
  readonly records: readonly DynamoDBRecord[];
  readonly functionName: string;
  readonly region: string;
  readonly shardId: string;
  readonly streamArn: string;
  readonly invocations: number;
  readonly functionThrew: boolean;
  readonly at: Date;
}

/** `2026-11-29T09:00:05Z`: AWS gives these arrival times to the second. */
function arrival(record: DynamoDBRecord | undefined): string {
  return new Date((record?.dynamodb?.ApproximateCreationDateTime ?? 0) * 1000).toISOString().replace('.000Z', 'Z');
}

export function buildOnFailureRecord(gaveUp: GaveUp): OnFailureRecord {
  const first = gaveUp.records[0];
  const last = gaveUp.records[gaveUp.records.length - 1];
  const startSequenceNumber = first?.dynamodb?.SequenceNumber ?? '';
  const endSequenceNumber = last?.dynamodb?.SequenceNumber ?? '';
  // A request id shaped like Lambda's, but the same on every run with the same seed.
  const hex = createHash('md5').update(`${gaveUp.functionName}|${startSequenceNumber}|${endSequenceNumber}|${gaveUp.invocations}`).digest('hex');
  return {
    requestContext: {
      requestId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
      functionArn: `arn:aws:lambda:${gaveUp.region}:123456789012:function:${gaveUp.functionName}`,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: gaveUp.invocations,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', ...(gaveUp.functionThrew ? { functionError: 'Unhandled' as const } : {}) },
    version: '1.0',
    timestamp: gaveUp.at.toISOString(),
    DDBStreamBatchInfo: {
      shardId: gaveUp.shardId,
      startSequenceNumber,
      endSequenceNumber,
      approximateArrivalOfFirstRecord: arrival(first),
      approximateArrivalOfLastRecord: arrival(last),
      batchSize: gaveUp.records.length,
      streamArn: gaveUp.streamArn,
    },
  };
}
