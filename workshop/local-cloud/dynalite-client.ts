/**
 * How the local cloud's DynamoDB endpoint talks to dynalite: in memory.
 *
 * dynalite() returns an ordinary Node HTTP server, and the whole DynamoDB API
 * is its request listener. The local cloud never opens a port for it: the
 * proxy in front (dynamodb-proxy.ts) is the only socket, and it hands each
 * request to that listener as an in-memory request and reads the answer from
 * an in-memory response. The capture sends up to three requests per write;
 * without a second trip through the network stack for each, a write with
 * stream capture costs well under twice a plain one (npm run bench).
 *
 * Answers come back as they are — status, headers, bytes — so a client's
 * error reaches the client unchanged. dynalite checks that a request looks
 * signed but never checks the signature, so these carry a fixed,
 * well-formed Authorization header.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import dynalite from 'dynalite';

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The kit's own read or write failed (a bug, or the table is gone). */
export class DynaliteCallError extends Error {
  constructor(operation: string, answer: RawAnswer) {
    super(`${operation} on the local DynamoDB answered ${answer.status}: ${answer.body.toString()}`);
    this.name = 'DynaliteCallError';
  }
}

const signedLookingHeaders = {
  authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/ap-northeast-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local',
  'x-amz-date': '20260101T000000Z',
  'content-type': 'application/x-amz-json-1.0',
};

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

export class DynaliteClient {
  private readonly listener: RequestListener;

  constructor() {
    // Tables become ACTIVE at once: nobody waits for CREATING.
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    this.listener = server.listeners('request')[0] as RequestListener;
  }

  /** Sends one request; `target` is the X-Amz-Target header, e.g. `DynamoDB_20120810.GetItem`. */
  forward(target: string, body: Buffer | string): Promise<RawAnswer> {
    return new Promise((resolve) => {
      const request = Object.assign(Readable.from([Buffer.from(body)]), {
        method: 'POST',
        url: '/',
        headers: { ...signedLookingHeaders, 'x-amz-target': target, 'content-length': String(Buffer.byteLength(body)) },
      });
      const headers: IncomingHttpHeaders = {};
      const response = {
        statusCode: 200,
        setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
        end: (answer?: Buffer | string) => resolve({ status: response.statusCode, headers, body: Buffer.from(answer ?? '') }),
      };
      this.listener(request as unknown as IncomingMessage, response as unknown as ServerResponse);
    });
  }

  send(operation: string, input: unknown): Promise<RawAnswer> {
    return this.forward(`DynamoDB_20120810.${operation}`, JSON.stringify(input));
  }

  /** For the kit's own calls: the parsed answer, or an error. */
  async call<T>(operation: string, input: unknown): Promise<T> {
    const answer = await this.send(operation, input);
    if (answer.status !== 200) throw new DynaliteCallError(operation, answer);
    return JSON.parse(answer.body.toString()) as T;
  }
}
