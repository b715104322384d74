/** `hint [id]`: reveals the next hint of an exercise and remembers how many were shown. */
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { label, resolveExercise, type ExerciseMeta } from '../exercise.js';
import { currentExercise, loadProgress, tellLearner } from '../progress.js';
import { progressOf, updateProgress, withExercise } from '../state.js';
import { bold, command, dim, wrap } from '../terminal.js';
import { runOnce } from '../test-run.js';

export const hint: Command = {
  name: 'hint',
  args: '[id]',
  summary: 'reveal the next hint (1, 2, 3…) of an exercise; the CLI remembers how many you saw',
  usage: `Usage: npm run workshop -- hint [id]

Shows the next hint of an exercise: the first nudges, the last nearly tells.
Run it again for the next one; the hints you saw are remembered.
  id    3, 03, 03-circuit-breaker or circuit-breaker (default: the exercise you are on)`,

  async run(argv) {
    const args = readArgs('hint', argv, {}, 1);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    const meta = input === undefined ? currentExercise(await loadProgress(runOnce, tellLearner)) : resolveExercise(input);
    const { number, text } = revealNextHint(meta);
    const short = meta.id.slice(0, 2);
    console.log(hintLines(meta, number, text, `${command(`hint ${short}`)} shows`).join('\n'));
    return ExitCode.ok;
  },
};

/** Counts one more hint as shown (up to the last) and returns it. */
export function revealNextHint(meta: ExerciseMeta): { number: number; text: string } {
  let number = 1;
  updateProgress((progress) => {
    number = Math.min(progressOf(progress, meta.id).hintsShown + 1, meta.hints.length);
    return withExercise(progress, meta.id, { hintsShown: number });
  });
  return { number, text: meta.hints[number - 1]! };
}

/**
 * The hint as the learner reads it. `more` says how to get the next one:
 * "npm run workshop -- hint 03 shows" on the command line, "press h for" in watch mode.
 */
export function hintLines(meta: ExerciseMeta, number: number, text: string, more: string): string[] {
  const last = number === meta.hints.length;
  return [
    `${bold(`Hint ${number} of ${meta.hints.length}`)} ${dim(`· ${label(meta)}`)}`,
    ...wrap(text, '  '),
    last
      ? dim(`That was the last hint. Still stuck? ${command(`solution ${meta.id.slice(0, 2)}`)} shows the answer as a diff.`)
      : dim(`Need more? ${more} hint ${number + 1}.`),
  ];
}
