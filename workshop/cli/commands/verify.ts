/** `verify`: the kit's integrity check, the very one `npm test` runs (workshop/verify/main.ts). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { kitRoot } from '../../paths.js';
import { readArgs } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { ExitCode } from '../errors.js';

export const verify: Command = {
  name: 'verify',
  args: '[options]',
  summary: (t) => t.verify.summary,
  usage: (t) => t.verify.usage,

  // The check itself (workshop/verify/main.ts) is the kit authors' tool, the
  // one `npm test` runs, and reports in English whatever the CLI's language.
  async run(argv, { t }) {
    const args = readArgs('verify', argv, { 'no-docs': { type: 'boolean' }, record: { type: 'boolean' } }, 0, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(kitRoot, 'workshop', 'verify', 'main.ts'), ...argv], {
      cwd: kitRoot,
      stdio: 'inherit',
    });
    return new Promise((resolve) => child.on('close', (code) => resolve(code ?? ExitCode.usageOrEnvironment)));
  },
};
