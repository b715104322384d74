/**
 * `npm run demo`: the solved system, end to end, on the local cloud, with the
 * trace shown live. See docs/guide/demo.md ("See it run").
 *
 *   npm run demo -- --orders 200 --seed 7 --chaos
 *   npm run demo -- --lang ja        (or WORKSHOP_LANG=ja, or a Japanese system locale)
 */
import { pathToFileURL } from 'node:url';
import { parseDemoFlags, usage } from './flags.js';
import { messagesFor } from './messages/index.js';
import { runDemo } from './run.js';
import { firstLine } from './system.js';

/** The command: returns the exit code (0 all checks hold, 1 a check fails or the demo stops, 2 a bad flag). */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseDemoFlags(argv, env);
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  const t = messagesFor(parsed.flags.lang);
  if (parsed.flags.help) {
    console.log(usage(t));
    return 0;
  }
  const colour = Boolean(process.stdout.isTTY) && !env.NO_COLOR && !env.CI;
  try {
    return await runDemo(parsed.flags, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      colour,
    });
  } catch (error) {
    console.error(t.stopped(firstLine(error)));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The AWS SDK's notice about future Node versions is not part of the demo.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // `npm run demo | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  process.exit(await main(process.argv.slice(2)));
}
