/** `verify`: the kit's integrity check, the very one `npm test` runs (workshop/verify/main.ts). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { kitRoot } from '../../paths.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../errors.js';

export const verify: Command = {
  name: 'verify',
  args: '[options]',
  summary: 'the kit integrity check that `npm test` runs',
  usage: `Usage: npm run workshop -- verify [--no-docs] [--record]

Proves the kit, as \`npm test\` does: every exercise's tests fail against its
starter for the intended reason and pass against its solution, wrong answers
are rejected, everything type-checks, the docs build. Ends with "N passed, N failed".
  --no-docs   skip the docs build
  --record    rewrite workshop/verify/starter-failures.json from this run (kit authors)`,

  async run(argv) {
    const args = readArgs('verify', argv, { 'no-docs': { type: 'boolean' }, record: { type: 'boolean' } }, 0);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(kitRoot, 'workshop', 'verify', 'main.ts'), ...argv], {
      cwd: kitRoot,
      stdio: 'inherit',
    });
    return new Promise((resolve) => child.on('close', (code) => resolve(code ?? ExitCode.usageOrEnvironment)));
  },
};
