/**
 * A tiny HTTP server on 127.0.0.1 (never another interface) for the local
 * cloud's endpoints. Port 0 picks a free port.
 *
 * HTTP/1.1, or cleartext HTTP/2 for the Kinesis stand-in: the Kinesis SDK
 * client speaks HTTP/2 only (the AWS CLI, which speaks HTTP/1.1 to Kinesis,
 * is not served).
 */
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';

export type LoopbackRequest = IncomingMessage | Http2ServerRequest;
export type LoopbackResponse = ServerResponse | Http2ServerResponse;

export interface LoopbackServer {
  /** For example http://127.0.0.1:41234 */
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

export type RequestHandler = (request: LoopbackRequest, body: Buffer, response: LoopbackResponse) => Promise<void>;

export interface ListenOptions {
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** Cleartext HTTP/2 instead of HTTP/1.1. */
  readonly http2?: boolean;
}

export async function listenOnLoopback(handle: RequestHandler, options: ListenOptions = {}): Promise<LoopbackServer> {
  const onRequest = (request: LoopbackRequest, response: LoopbackResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, Buffer.concat(chunks), response).catch((error: unknown) => {
        // A bug in the local cloud itself: answer 500 (the SDK retries) and say why.
        console.error('[local cloud]', error);
        if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain' }, String(error));
      });
    });
  };
  const server = options.http2 ? createHttp2Server(onRequest) : createHttp1Server(onRequest);
  // Kept to close them at stop(): an SDK client keeps its connection open.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes a whole answer, on HTTP/1.1 or HTTP/2 alike. */
export function send(response: LoopbackResponse, status: number, headers: Record<string, string | number | string[]>, body?: Buffer | string): void {
  (response as ServerResponse).writeHead(status, headers);
  (response as ServerResponse).end(body);
}

/** Answers a JSON request of the AWS JSON protocols (DynamoDB, Kinesis). */
export function sendJson(response: LoopbackResponse, status: number, body: unknown, contentType: string): void {
  const text = JSON.stringify(body);
  send(response, status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) }, text);
}
