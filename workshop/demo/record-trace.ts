/**
 * Writes docs/guide/demo-trace.txt: a real, small run of the demo (4 orders,
 * seed 18) as the "See it run" page shows it, in English (the Japanese page
 * includes the same file). Run it again whenever the handlers or the trace change:
 *
 *   npx tsx workshop/demo/record-trace.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { docsDir, kitRoot } from '../paths.js';
import { runDemo } from './run.js';

const recordedFlags = { orders: 4, seed: 18, chaos: false, json: false, mine: false, help: false, lang: 'en' } as const;
const traceFile = path.join(docsDir, 'guide', 'demo-trace.txt');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const lines: string[] = [`$ npm run demo -- --orders ${recordedFlags.orders} --seed ${recordedFlags.seed}`];
const code = await runDemo(recordedFlags, { out: (line) => lines.push(line), err: (line) => lines.push(line), colour: false });
await writeFile(traceFile, `${lines.join('\n')}\n`);
console.log(`${path.relative(kitRoot, traceFile)}: ${lines.length} lines, exit code ${code}`);
