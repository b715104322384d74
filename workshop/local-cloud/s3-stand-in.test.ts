import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { decodeAwsChunked } from './s3-stand-in.js';
import { useLocalCloud } from './use-local-cloud.js';

const cloud = useLocalCloud({ tables: [] });
const s3 = new S3Client({});
const Bucket = 'order-archive';

describe('the S3 stand-in, through an unmodified S3Client', () => {
  it('writes objects as files in its folder, and reads them back', async () => {
    expect(process.env.ARCHIVE_BUCKET).toBe(Bucket);
    const Key = 'orders/2026/11/29/o-1.json';
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: JSON.stringify({ orderId: 'o-1' }), ContentType: 'application/json' }));

    const file = path.join(cloud().s3.folder, Bucket, 'orders', '2026', '11', '29', 'o-1.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ orderId: 'o-1' });
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(got.ContentType).toBe('application/json');
    expect(JSON.parse(await got.Body!.transformToString())).toEqual({ orderId: 'o-1' });
    expect(await cloud().s3.objects(Bucket)).toEqual([
      { bucket: Bucket, key: Key, body: Buffer.from('{"orderId":"o-1"}'), contentType: 'application/json' },
    ]);
    expect(cloud().trace.ofType('s3')).toEqual([expect.objectContaining({ bucket: Bucket, key: Key, bytes: 17 })]);
  });

  it('lists by prefix with ListObjectsV2', async () => {
    for (const Key of ['orders/2026/11/29/o-1.json', 'orders/2026/11/30/o-2.json', 'other/x.txt'])
      await s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
    const { Contents = [], KeyCount } = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'orders/' }));
    expect(Contents.map((object) => object.Key)).toEqual(['orders/2026/11/29/o-1.json', 'orders/2026/11/30/o-2.json']);
    expect(KeyCount).toBe(2);
  });

  it('takes a streamed body (the SDK sends it aws-chunked, with a trailing checksum)', async () => {
    const Key = 'streamed.txt';
    const Body = Readable.from([Buffer.from('hello, '), Buffer.from('stream')]);
    await s3.send(new PutObjectCommand({ Bucket, Key, Body, ContentLength: 13 }));
    expect((await cloud().s3.getObject(Bucket, Key))?.body.toString()).toBe('hello, stream');
    expect(decodeAwsChunked(Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:abc=\r\n\r\n')).toString()).toBe('hello');
  });

  it('answers missing keys and buckets as S3 does', async () => {
    await expect(s3.send(new GetObjectCommand({ Bucket, Key: 'nope' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    await expect(s3.send(new HeadObjectCommand({ Bucket, Key: 'nope' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await expect(s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'x', Body: 'x' }))).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it('never writes outside the bucket folder', async () => {
    const response = await fetch(`${cloud().env.AWS_ENDPOINT_URL_S3}/${Bucket}/..%2F..%2Fescape.txt`, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>InvalidArgument</Code>');
    await expect(readFile(path.join(cloud().s3.folder, '..', 'escape.txt'))).rejects.toThrow(/ENOENT/);
  });
});
