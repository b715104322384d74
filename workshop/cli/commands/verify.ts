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

  // The check itself (workshop/verify/main.ts) is the one `npm test` runs. The
  // CLI's main.ts took --lang out of argv; the check gets the CLI's language as
  // its own --lang, so both speak the same language (the check's last line,
  // "N passed, N failed", stays English: CI reads it).
  async run(argv, { lang, t }) {
    const args = readArgs('verify', argv, { 'no-docs': { type: 'boolean' }, record: { type: 'boolean' } }, 0, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const check = path.join(kitRoot, 'workshop', 'verify', 'main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', check, ...argv, '--lang', lang], {
      cwd: kitRoot,
      stdio: 'inherit',
    });
    return new Promise((resolve) => child.on('close', (code) => resolve(code ?? ExitCode.usageOrEnvironment)));
  },
};
