/**
 * Reads a command's arguments with node:util's parseArgs and turns every
 * mistake into one UsageError sentence, in the learner's language, that points
 * at the command's --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import type { Messages } from './messages/index.js';

export interface CommandArgs {
  /** Option values by name: `true` for a flag, the text for a string option. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  /** `--help` or `-h`: the command prints its usage instead of running. */
  readonly help: boolean;
}

export function readArgs(
  command: string,
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  maxPositionals: number,
  t: Messages,
): CommandArgs {
  const helpHint = t.args.helpHint(command);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    // parseArgs says it in English; these are the mistakes a learner makes, in the learner's language.
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? t.args.thatOption;
    if (/unknown option/i.test(message)) throw new UsageError(t.args.unknownOption(command, option, helpHint));
    if (/argument missing/i.test(message)) throw new UsageError(t.args.needsValue(option, helpHint));
    if (/does not take an argument/i.test(message)) throw new UsageError(t.args.isSwitch(option, helpHint));
    throw new UsageError(t.args.otherProblem(message.split('\n')[0]!.replace(/\.$/, ''), helpHint));
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  if (help !== true && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).join(' ');
    throw new UsageError(t.args.tooManyArguments(command, maxPositionals, extra, helpHint));
  }
  return { values, positionals: parsed.positionals, help: help === true };
}

/** The value of `--port`, or `fallback` without one; anything but a port number is a UsageError. */
export function readPort(value: string | boolean | undefined, fallback: number, t: Messages): number {
  const port = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new UsageError(t.common.portRange(String(value)));
  return port;
}
