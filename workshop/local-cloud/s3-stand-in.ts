/**
 * An S3 stand-in, for the TTL archive (exercise 10): objects are plain files
 * in a folder, `<folder>/<bucket>/<key>`, so you can open what your handler
 * archived. An unmodified `new S3Client({})` reaches it through
 * AWS_ENDPOINT_URL_S3; with an IP address as endpoint the SDK uses path-style
 * URLs (`http://127.0.0.1:PORT/bucket/key`).
 *
 * Operations: CreateBucket, PutObject, GetObject, HeadObject, DeleteObject,
 * ListObjectsV2 (first 1,000 keys). Everything else answers NotImplemented.
 * Not modelled: versions, multipart uploads, ACLs and policies, storage
 * classes, checksums beyond accepting what the SDK sends.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chaos } from './chaos.js';
import { listenOnLoopback, send, type LoopbackRequest, type LoopbackResponse, type LoopbackServer } from './loopback-server.js';
import type { Trace } from './trace.js';

export interface S3Object {
  readonly bucket: string;
  readonly key: string;
  readonly body: Buffer;
  readonly contentType: string;
}

export interface S3StandInOptions {
  /** Where buckets live, one sub-folder each. */
  readonly folder: string;
  readonly chaos: Chaos;
  readonly trace: Trace;
  readonly port?: number;
}

const maxKeysPerList = 1000;

class S3Fault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class S3StandIn {
  /** Content types by `bucket/key`; the bytes are in the files. */
  private readonly contentTypes = new Map<string, string>();
  private server?: LoopbackServer;

  private constructor(private readonly options: S3StandInOptions) {}

  static async start(options: S3StandInOptions): Promise<S3StandIn> {
    const standIn = new S3StandIn(options);
    await mkdir(options.folder, { recursive: true });
    standIn.server = await listenOnLoopback((request, body, response) => standIn.handle(request, body, response), { port: options.port });
    return standIn;
  }

  get endpoint(): string {
    return this.server!.endpoint;
  }

  get port(): number {
    return this.server!.port;
  }

  get folder(): string {
    return this.options.folder;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  async createBucket(bucket: string): Promise<void> {
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new S3Fault(400, 'InvalidBucketName', `The specified bucket is not valid: ${bucket}`);
    await mkdir(path.join(this.options.folder, bucket), { recursive: true });
  }

  /** Every object of the bucket, by key. */
  async objects(bucket: string): Promise<S3Object[]> {
    const keys = await this.keys(bucket, '');
    return Promise.all(keys.map(async (key) => (await this.getObject(bucket, key))!));
  }

  async getObject(bucket: string, key: string): Promise<S3Object | undefined> {
    try {
      const body = await readFile(this.fileOf(bucket, key));
      return { bucket, key, body, contentType: this.contentTypes.get(`${bucket}/${key}`) ?? 'binary/octet-stream' };
    } catch {
      return undefined;
    }
  }

  private bucketFolder(bucket: string): string {
    return path.join(this.options.folder, bucket);
  }

  /** The file of an object; a key can never point outside its bucket's folder. */
  private fileOf(bucket: string, key: string): string {
    const folder = this.bucketFolder(bucket);
    const file = path.resolve(folder, key);
    if (!key || !file.startsWith(folder + path.sep)) throw new S3Fault(400, 'InvalidArgument', `The local S3 cannot store the key ${JSON.stringify(key)}`);
    return file;
  }

  private async bucketExists(bucket: string): Promise<boolean> {
    return stat(this.bucketFolder(bucket)).then((found) => found.isDirectory(), () => false);
  }

  private async keys(bucket: string, prefix: string): Promise<string[]> {
    const entries = await readdir(this.bucketFolder(bucket), { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.bucketFolder(bucket), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((key) => key.startsWith(prefix))
      .sort();
  }

  private async handle(request: LoopbackRequest, body: Buffer, response: LoopbackResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://local');
    const [bucket = '', ...rest] = url.pathname.slice(1).split('/');
    const key = rest.map(decodeURIComponent).join('/');
    try {
      if (this.options.chaos.failSdkRequest(`s3|${request.method}|${bucket}/${key}`)) {
        this.options.trace.add({ type: 'chaos', kind: 'sdk-error', subject: `s3 ${request.method} ${bucket}/${key}`, detail: 'SlowDown' });
        throw new S3Fault(503, 'SlowDown', `Please reduce your request rate. (injected by the local cloud's chaos, seed=${this.options.chaos.seed})`);
      }
      if (!bucket) throw new S3Fault(501, 'NotImplemented', 'The local S3 does not list buckets.');
      if (request.method === 'PUT' && !key) {
        await this.createBucket(bucket);
        send(response, 200, { location: `/${bucket}` });
        return;
      }
      if (!(await this.bucketExists(bucket))) throw new S3Fault(404, 'NoSuchBucket', 'The specified bucket does not exist');
      if (request.method === 'GET' && !key) return await this.listObjects(bucket, url.searchParams, response);
      if (request.method === 'PUT' && request.headers['x-amz-copy-source'] === undefined) return await this.putObject(bucket, key, request, body, response);
      if (request.method === 'GET' || request.method === 'HEAD') return await this.sendObject(bucket, key, request.method === 'HEAD', response);
      if (request.method === 'DELETE' && key) {
        await rm(this.fileOf(bucket, key), { force: true });
        this.contentTypes.delete(`${bucket}/${key}`);
        send(response, 204, {});
        return;
      }
      throw new S3Fault(501, 'NotImplemented', `The local S3 does not do ${request.method} ${url.pathname}${url.search}`);
    } catch (error) {
      if (!(error instanceof S3Fault)) throw error;
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>${key ? `<Key>${escapeXml(key)}</Key>` : ''}<BucketName>${escapeXml(bucket)}</BucketName></Error>`;
      const headOnly = request.method === 'HEAD';
      send(response, error.status, { 'content-type': 'application/xml', 'content-length': headOnly ? 0 : Buffer.byteLength(xml) }, headOnly ? undefined : xml);
    }
  }

  private async putObject(bucket: string, key: string, request: LoopbackRequest, body: Buffer, response: LoopbackResponse): Promise<void> {
    const file = this.fileOf(bucket, key);
    const bytes = isAwsChunked(request) ? decodeAwsChunked(body) : body;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    this.contentTypes.set(`${bucket}/${key}`, String(request.headers['content-type'] ?? 'binary/octet-stream'));
    this.options.trace.add({ type: 's3', bucket, key, bytes: bytes.length });
    send(response, 200, { etag: etagOf(bytes) });
  }

  private async sendObject(bucket: string, key: string, headOnly: boolean, response: LoopbackResponse): Promise<void> {
    const object = await this.getObject(bucket, key);
    if (!object) throw new S3Fault(404, 'NoSuchKey', 'The specified key does not exist.');
    const { mtime } = await stat(this.fileOf(bucket, key));
    const headers = { 'content-type': object.contentType, 'content-length': object.body.length, etag: etagOf(object.body), 'last-modified': mtime.toUTCString() };
    send(response, 200, headers, headOnly ? undefined : object.body);
  }

  private async listObjects(bucket: string, query: URLSearchParams, response: LoopbackResponse): Promise<void> {
    if (query.get('list-type') !== '2') throw new S3Fault(501, 'NotImplemented', 'The local S3 lists objects with ListObjectsV2 only.');
    const prefix = query.get('prefix') ?? '';
    const keys = await this.keys(bucket, prefix);
    const shown = keys.slice(0, maxKeysPerList);
    const contents = await Promise.all(
      shown.map(async (key) => {
        const file = this.fileOf(bucket, key);
        const { size, mtime } = await stat(file);
        const etag = etagOf(await readFile(file));
        return `<Contents><Key>${escapeXml(key)}</Key><LastModified>${mtime.toISOString()}</LastModified><ETag>${escapeXml(etag)}</ETag><Size>${size}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      }),
    );
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      `<Name>${escapeXml(bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${shown.length}</KeyCount>` +
      `<MaxKeys>${maxKeysPerList}</MaxKeys><IsTruncated>${keys.length > shown.length}</IsTruncated>${contents.join('')}</ListBucketResult>`;
    send(response, 200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) }, xml);
  }
}

function etagOf(bytes: Buffer): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function isAwsChunked(request: LoopbackRequest): boolean {
  return String(request.headers['content-encoding'] ?? '').includes('aws-chunked') || String(request.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

/**
 * The SDK streams a body of unknown length as "aws-chunked": chunks of
 * `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n`, a last chunk of size 0,
 * then trailers (the checksum). This reads the bytes back out.
 */
export function decodeAwsChunked(encoded: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = encoded.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = Number.parseInt(encoded.subarray(offset, lineEnd).toString().split(';')[0]!, 16);
    if (!(size > 0)) break;
    parts.push(encoded.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
