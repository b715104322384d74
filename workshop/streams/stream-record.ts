/**
 * The shape of a DynamoDB Streams record exactly as a Lambda function receives
 * it — built in one place, for the test builders (testing/stream-events.ts)
 * and for the local cloud's stream capture alike.
 *
 * Checked field by field against the sample event in the Lambda developer
 * guide ("Using AWS Lambda with Amazon DynamoDB") and an earlier, complete
 * version of it: see stream-record.test.ts.
 */
import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';
/** An item in DynamoDB's attribute-value JSON: `{ orderId: { S: 'o-1' } }`. */
export type Image = Record<string, AttributeValue>;

/** The same JSON, as @types/aws-lambda names it. */
type LambdaImage = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['Keys']>;

/** A TTL deletion is done by DynamoDB itself, and its record says so. */
export const ttlUserIdentity = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;

/** `eventVersion` today; AWS documents it as subject to change. */
export const streamEventVersion = '1.1';

export interface StreamRecordInput {
  readonly eventName: StreamEventName;
  readonly keyAttributes: readonly string[];
  /** The item before the change (MODIFY, REMOVE). */
  readonly oldImage?: Image;
  /** The item after the change (INSERT, MODIFY). */
  readonly newImage?: Image;
  readonly viewType: StreamViewType;
  readonly sequenceNumber: string;
  /** When the change happened, in epoch seconds (rounded down, as AWS does). */
  readonly approximateCreationDateTimeSeconds: number;
  readonly streamArn: string;
  /** Only a TTL deletion carries a user identity. */
  readonly byTtl?: boolean;
}

/** `arn:aws:dynamodb:ap-northeast-1:123456789012:table/orders/stream/2026-11-29T00:00:00.000` */
export function streamArnOf(tableName: string, region = 'ap-northeast-1', account = '123456789012', label = '2026-11-29T00:00:00.000'): string {
  return `arn:aws:dynamodb:${region}:${account}:table/${tableName}/stream/${label}`;
}

export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? 'ap-northeast-1';
}

/**
 * Bytes of an item as DynamoDB counts them for SizeBytes: each attribute's
 * name plus its value (strings and numbers by their text, containers by their
 * parts). It reproduces the sizes in AWS's sample event (26, 59, 38).
 */
export function imageBytes(image: Image | undefined): number {
  if (!image) return 0;
  return Object.entries(image).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueBytes(value), 0);
}

function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return value.N.length;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
  if (value.NS) return value.NS.reduce((sum, n) => sum + n.length, 0);
  if (value.BS) return value.BS.reduce((sum, b) => sum + b.length, 0);
  if (value.L) return 3 + value.L.reduce((sum, v) => sum + valueBytes(v), 0);
  if (value.M) return 3 + imageBytes(value.M);
  return 0;
}

function pick(image: Image, names: readonly string[]): Image {
  return Object.fromEntries(names.filter((name) => image[name] !== undefined).map((name) => [name, image[name]!]));
}

/** Builds one record; which images it carries follows the event name and the view type. */
export function buildStreamRecord(input: StreamRecordInput): DynamoDBRecord {
  const source = input.newImage ?? input.oldImage;
  if (!source) throw new Error(`A ${input.eventName} record needs the item's old or new image`);
  const Keys = pick(source, input.keyAttributes);
  const showNew = input.viewType === 'NEW_IMAGE' || input.viewType === 'NEW_AND_OLD_IMAGES';
  const showOld = input.viewType === 'OLD_IMAGE' || input.viewType === 'NEW_AND_OLD_IMAGES';
  const NewImage = showNew && input.eventName !== 'REMOVE' ? input.newImage : undefined;
  const OldImage = showOld && input.eventName !== 'INSERT' ? input.oldImage : undefined;

  return {
    // Deterministic, 32 hex digits like AWS's: the same change always gets the same id.
    eventID: createHash('md5').update(`${input.streamArn}#${input.sequenceNumber}`).digest('hex'),
    eventName: input.eventName,
    eventVersion: streamEventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: regionOfArn(input.streamArn),
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(input.approximateCreationDateTimeSeconds),
      Keys: Keys as LambdaImage,
      ...(NewImage ? { NewImage: NewImage as LambdaImage } : {}),
      ...(OldImage ? { OldImage: OldImage as LambdaImage } : {}),
      SequenceNumber: input.sequenceNumber,
      SizeBytes: imageBytes(Keys) + imageBytes(NewImage) + imageBytes(OldImage),
      StreamViewType: input.viewType,
    },
    eventSourceARN: input.streamArn,
    ...(input.byTtl ? { userIdentity: { ...ttlUserIdentity } } : {}),
  };
}

/**
 * Sequence numbers as a stream hands them out: decimal strings that only grow,
 * and whose length grows too (21 digits, then 22…) — so code that compares them
 * as strings instead of as BigInt goes wrong, as it would on AWS.
 */
export class SequenceNumbers {
  private next: bigint;
  constructor(
    start: bigint = 10n ** 21n - 50n, // 21 digits, 50 steps from the 22-digit boundary
    private readonly step: bigint = 7n,
  ) {
    this.next = start;
  }
  take(): string {
    const value = this.next;
    this.next += this.step;
    return value.toString();
  }
}

/** Compare two sequence numbers the only safe way: as BigInt. */
export function compareSequenceNumbers(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
