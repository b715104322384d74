/**
 * Tests must never reach real AWS or any other machine. This guard wraps
 * every TCP connection a test process opens (the SDK's HTTP client included):
 * a connection to anything but the loopback address is refused with a clear
 * message, and remembered so the test fails even if the code swallows the error.
 */
import net from 'node:net';

export class NetworkBlockedError extends Error {
  constructor(readonly host: string) {
    super(
      `Blocked a network call to "${host}": tests run only against 127.0.0.1. ` +
        'Build SDK clients with `new XClient({})` so they pick up the local endpoint from the environment.',
    );
    this.name = 'NetworkBlockedError';
  }
}

const blocked: NetworkBlockedError[] = [];

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host a `socket.connect(…)` call goes to, whichever way its arguments are given. */
export function hostOfConnect(args: readonly unknown[]): string {
  // net.connect() and http hand their arguments over normalised, as one array [options, callback].
  const given = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const first = given[0];
  const options = (typeof first === 'object' && first !== null ? first : { port: first, host: given[1] }) as {
    host?: unknown;
    path?: unknown;
  };
  // Unix sockets (a `path`) never leave the machine.
  return typeof options.path === 'string' ? 'localhost' : String(options.host ?? 'localhost');
}

export function installNetworkGuard(): void {
  const original = net.Socket.prototype.connect;
  // Already installed in this process: leave the existing wrapper alone.
  if ((original as { guarded?: boolean }).guarded) return;

  const guarded = function (this: net.Socket, ...args: unknown[]) {
    const host = hostOfConnect(args);
    if (!isLoopback(host)) {
      const error = new NetworkBlockedError(host);
      blocked.push(error);
      throw error;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  (guarded as { guarded?: boolean }).guarded = true;
  net.Socket.prototype.connect = guarded as typeof original;
}

/** Returns and forgets the connections blocked since the last call. */
export function takeBlockedConnections(): NetworkBlockedError[] {
  return blocked.splice(0, blocked.length);
}
