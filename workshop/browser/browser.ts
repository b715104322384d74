/**
 * Headless Chromium from Debian's `chromium` package, driven by
 * playwright-core (which never downloads a browser of its own).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags keep Chromium off the network: no background calls to Google's
 * hosts (which the closed network refuses), and every host name but
 * 127.0.0.1 fails to resolve, so the site is proven to work offline. The
 * check also flags any request to another host on its own.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export class NoChromiumError extends Error {
  override name = 'NoChromiumError';
}

/** `env`: extra environment for the browser process (the self-check hides the Japanese fonts with FONTCONFIG_FILE). */
export async function launchChromium(env: Record<string, string> = {}): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new NoChromiumError(
      `No Chromium at ${chromiumPath}: install Debian's package (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`,
    );
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, env: { ...process.env, ...env } });
}

/** Is this URL served by us (127.0.0.1), or not a network URL at all (data:, blob:, about:)? */
export function isLocalUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
    return hostname === '127.0.0.1';
  } catch {
    return false;
  }
}
