/**
 * Reads a command's arguments with node:util's parseArgs and turns every
 * mistake into one UsageError sentence that points at the command's --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

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
): CommandArgs {
  const helpHint = `Run \`npm run workshop -- ${command} --help\` to see how to use it.`;
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
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? 'that option';
    if (/unknown option/i.test(message)) throw new UsageError(`${command} has no option ${option}. ${helpHint}`);
    if (/argument missing/i.test(message)) throw new UsageError(`${option} needs a value after it. ${helpHint}`);
    if (/does not take an argument/i.test(message)) throw new UsageError(`${option} is a switch and takes no value. ${helpHint}`);
    throw new UsageError(`${message.split('\n')[0]!.replace(/\.$/, '')}. ${helpHint}`);
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  if (help !== true && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).join(' ');
    const allowed = maxPositionals === 0 ? 'no arguments' : 'one exercise id';
    throw new UsageError(`${command} takes ${allowed}, so "${extra}" is one too many. ${helpHint}`);
  }
  return { values, positionals: parsed.positionals, help: help === true };
}
