/**
 * Starts dynalite — a real implementation of the DynamoDB API, in memory — on
 * 127.0.0.1 and a free port. Unmodified SDK clients reach it when
 * AWS_ENDPOINT_URL_DYNAMODB holds the returned endpoint.
 */
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface RunningDynalite {
  /** For example http://127.0.0.1:41234 */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startDynalite(): Promise<RunningDynalite> {
  // Tables become ACTIVE at once: a test never waits for CREATING.
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
