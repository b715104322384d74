/**
 * `npm run demo`: the solved system, end to end, on the local cloud, with the
 * trace shown live. See docs/guide/demo.md ("See it run").
 *
 *   npm run demo -- --orders 200 --seed 7 --chaos
 */
import { pathToFileURL } from 'node:url';
import { parseDemoFlags, usage } from './flags.js';
import { runDemo } from './run.js';

/** The command: returns the exit code (0 all checks hold, 1 a check fails, 2 a bad flag). */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseDemoFlags(argv);
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  if (parsed.flags.help) {
    console.log(usage);
    return 0;
  }
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
  return runDemo(parsed.flags, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    colour,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The AWS SDK's notice about future Node versions is not part of the demo.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // `npm run demo | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  try {
    process.exit(await main(process.argv.slice(2)));
  } catch (error) {
    console.error(`The demo stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
