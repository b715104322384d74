/**
 * The demo's flags, read with node:util parseArgs. A bad flag is one sentence
 * and exit code 2, like every command of the kit.
 */
import { parseArgs } from 'node:util';

export interface DemoFlags {
  /** How many orders to place. */
  readonly orders: number;
  /** Seeds the orders, the ids and the chaos: the same seed prints the same lines. */
  readonly seed: number;
  /** Duplicates, replays, transient SDK errors and a Kinesis outage. */
  readonly chaos: boolean;
  /** Print only the trace, as JSON, at the end. */
  readonly json: boolean;
  /** Run the learner's handlers (exercises/) instead of the solutions. */
  readonly mine: boolean;
  readonly help: boolean;
}

export const defaultOrders = 20;
export const defaultSeed = 42;
export const maxOrders = 10_000;

export const usage = `Usage: npm run demo -- [--orders N] [--seed S] [--chaos] [--json] [--mine]

Runs the solved event-driven system on the local cloud and shows the trace live.

  --orders N   orders to place (default ${defaultOrders}, at most ${maxOrders})
  --seed S     seed of the orders, the ids and the chaos (default ${defaultSeed}); same seed, same output
  --chaos      duplicate deliveries, replays, transient SDK errors and a Kinesis outage
  --json       print only the trace, as JSON, when the run ends
  --mine       run your handlers from exercises/ instead of the solutions
  --help       this text`;

export type ParsedFlags = { readonly ok: true; readonly flags: DemoFlags } | { readonly ok: false; readonly error: string };

export function parseDemoFlags(argv: readonly string[]): ParsedFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        orders: { type: 'string' },
        seed: { type: 'string' },
        chaos: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        mine: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    // parseArgs says e.g. "Unknown option '--order'": one sentence, then where to look.
    const message = (error as Error).message.split('\n')[0]!;
    const positional = /^Unexpected argument '([^']*)'/.exec(message);
    const ambiguous = /^Option '(--[a-z]+)' argument is ambiguous/.exec(message);
    const sentence = positional
      ? `Unexpected argument '${positional[1]}': the demo takes only flags`
      : ambiguous
        ? `${ambiguous[1]} needs a value (one that starts with "-" is written ${ambiguous[1]}=VALUE)`
        : message.replace(/\.$/, '');
    return { ok: false, error: `${sentence} (see npm run demo -- --help).` };
  }

  const orders = values.orders === undefined ? defaultOrders : wholeNumber(values.orders);
  if (orders === undefined || orders < 1 || orders > maxOrders)
    return { ok: false, error: `--orders takes a whole number from 1 to ${maxOrders}, received "${values.orders}".` };
  const seed = values.seed === undefined ? defaultSeed : wholeNumber(values.seed);
  if (seed === undefined || seed < 0) return { ok: false, error: `--seed takes a whole number ≥ 0, received "${values.seed}".` };

  return {
    ok: true,
    flags: { orders, seed, chaos: values.chaos!, json: values.json!, mine: values.mine!, help: values.help! },
  };
}

function wholeNumber(text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
