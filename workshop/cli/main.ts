/**
 * The learner's command line: `npm run workshop -- <command>` (also the
 * `workshop` bin). bin.mjs checks Node and the dependencies, then runs this
 * file from a cached bundle; vitest is loaded only by the commands that run tests.
 *
 * Every command lives in commands/, one per file. Errors the CLI expects
 * (errors.ts) become one sentence and exit code 2; a failing test run is exit 1.
 */
import type { Command } from './command.js';
import { catchUp } from './commands/catch-up.js';
import { check } from './commands/check.js';
import { doctor } from './commands/doctor.js';
import { hint } from './commands/hint.js';
import { list } from './commands/list.js';
import { reset } from './commands/reset.js';
import { restore } from './commands/restore.js';
import { solution } from './commands/solution.js';
import { start } from './commands/start.js';
import { verify } from './commands/verify.js';
import { ExitCode, UsageError, WorkshopError } from './errors.js';
import { bold, red } from './terminal.js';

export const commands: readonly Command[] = [start, list, check, hint, solution, reset, catchUp, restore, verify, doctor];

export function helpText(): string {
  const width = Math.max(...commands.map((command) => `${command.name} ${command.args}`.length));
  return [
    `${bold('Usage:')} npm run workshop -- <command>     (npm start is the same as the start command)`,
    '',
    ...commands.map((command) => `  ${`${command.name} ${command.args}`.padEnd(width)}  ${command.summary}`),
    `  ${'help [command]'.padEnd(width)}  this text, or a command's own help (also: <command> --help)`,
    '',
    'Exercise ids: 6, 06, 06-stream-handler or stream-handler.',
    'Exit codes: 0 ok, 1 tests failing, 2 a usage or environment problem.',
  ].join('\n');
}

function findCommand(name: string): Command {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`There is no command "${name}": run \`npm run workshop -- help\` to see them all.`);
  return command;
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [name = 'start', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    if (rest[0] !== undefined) return findCommand(rest[0]).run(['--help']);
    console.log(helpText());
    return ExitCode.ok;
  }
  // `npm start -- --poll` arrives as options only: they belong to start.
  if (name.startsWith('-')) return start.run(argv);
  return findCommand(name).run(rest);
}

export async function main(argv: readonly string[]): Promise<number> {
  // `npm run workshop -- list | head`: the reader may stop early; the command still finishes its work.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    return await dispatch(argv);
  } catch (error) {
    if (error instanceof WorkshopError) {
      console.error(red(error.message));
      return error.exitCode;
    }
    if (process.env.WORKSHOP_DEBUG === '1') console.error(error);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(red(`Something went wrong: ${message} (run \`npm run workshop -- doctor\` to check your setup; WORKSHOP_DEBUG=1 shows details).`));
    return ExitCode.usageOrEnvironment;
  }
}
