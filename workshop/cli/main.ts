/**
 * The learner's command line: `npm run workshop -- <command>` (also the
 * `workshop` bin). bin.mjs checks Node and the dependencies, then runs this
 * file from a cached bundle; vitest is loaded only by the commands that run tests.
 *
 * Every command lives in commands/, one per file. Errors the CLI expects
 * (errors.ts) become one sentence and exit code 2; a failing test run is exit 1.
 *
 * The language is chosen here, once: `--lang en|ja` anywhere on the command
 * line, then WORKSHOP_LANG, then the system locale, then English
 * (workshop/language.ts). The command gets it as an I18n (messages/index.ts)
 * and passes it on to whatever prints.
 */
import { chooseLanguage, fallbackLanguage, LanguageError, takeLanguageFlag } from '../language.js';
import { helpOf, type Command } from './command.js';
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
import { i18nFor, type I18n, type Messages } from './messages/index.js';
import { bold, red } from './terminal.js';

export const commands: readonly Command[] = [start, list, check, hint, solution, reset, catchUp, restore, verify, doctor];

function helpText(t: Messages): string {
  const width = Math.max(...commands.map((command) => `${command.name} ${command.args}`.length));
  return [
    `${bold(t.main.usageHeading)} ${t.main.usageLine}`,
    '',
    ...commands.map((command) => `  ${`${command.name} ${command.args}`.padEnd(width)}  ${command.summary(t)}`),
    `  ${'help [command]'.padEnd(width)}  ${t.main.helpSummary}`,
    '',
    t.main.exerciseIds,
    t.main.language,
    t.main.exitCodes,
  ].join('\n');
}

function findCommand(name: string, t: Messages): Command {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(t.main.noCommand(name));
  return command;
}

async function dispatch(argv: readonly string[], i18n: I18n): Promise<number> {
  const [name = 'start', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    if (rest[0] !== undefined) {
      console.log(helpOf(findCommand(rest[0], i18n.t), i18n.t));
      return ExitCode.ok;
    }
    console.log(helpText(i18n.t));
    return ExitCode.ok;
  }
  // `npm start -- --poll` arrives as options only: they belong to start.
  if (name.startsWith('-')) return start.run(argv, i18n);
  return findCommand(name, i18n.t).run(rest, i18n);
}

/**
 * The learner's language. A wrong `--lang` or WORKSHOP_LANG is a UsageError,
 * said in the language the rest of the setting asks for (WORKSHOP_LANG, then
 * the system locale), or in English.
 */
function chooseI18n(argv: readonly string[], env: NodeJS.ProcessEnv): { i18n: I18n; rest: string[] } {
  const { flag, missingValue, rest } = takeLanguageFlag(argv);
  const fallback = i18nFor(fallbackLanguage(env));
  if (missingValue) throw new UsageError(fallback.t.main.langNeedsValue);
  try {
    return { i18n: i18nFor(chooseLanguage({ flag, env })), rest };
  } catch (error) {
    if (!(error instanceof LanguageError)) throw error;
    throw new UsageError(fallback.t.main.badLanguage(error.source, error.value));
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  // `npm run workshop -- list | head`: the reader may stop early; the command still finishes its work.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  let t = i18nFor('en').t; // until the language is known
  try {
    const { i18n, rest } = chooseI18n(argv, process.env);
    t = i18n.t;
    return await dispatch(rest, i18n);
  } catch (error) {
    if (error instanceof WorkshopError) {
      console.error(red(error.message));
      return error.exitCode;
    }
    if (process.env.WORKSHOP_DEBUG === '1') console.error(error);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(red(t.main.somethingWentWrong(message ?? '')));
    return ExitCode.usageOrEnvironment;
  }
}
