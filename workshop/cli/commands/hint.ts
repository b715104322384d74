/** `hint [id]`: reveals the next hint of an exercise and remembers how many were shown. */
import type { Language } from '../../language.js';
import { readArgs } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { label, resolveExercise, type ExerciseMeta } from '../exercise.js';
import type { I18n } from '../messages/index.js';
import { loadCurrentExercise } from '../progress.js';
import { progressOf, updateProgress, withExercise } from '../state.js';
import { bold, command, dim, wrap } from '../terminal.js';
import { runOnce } from '../test-run.js';

export const hint: Command = {
  name: 'hint',
  args: '[id]',
  summary: (t) => t.hint.summary,
  usage: (t) => t.hint.usage,

  async run(argv, i18n) {
    const { t } = i18n;
    const args = readArgs('hint', argv, {}, 1, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const input = args.positionals[0];
    const meta = input === undefined ? await loadCurrentExercise((ids) => runOnce(ids, t), t) : resolveExercise(input, t);
    const { number, text } = revealNextHint(meta, i18n.lang);
    const more = t.hint.moreByCommand(command(`hint ${meta.id.slice(0, 2)}`), number + 1);
    console.log(hintLines(meta, number, text, more, i18n).join('\n'));
    return ExitCode.ok;
  },
};

/** Counts one more hint as shown (up to the last) and returns it in the learner's language. */
export function revealNextHint(meta: ExerciseMeta, lang: Language): { number: number; text: string } {
  let number = 1;
  updateProgress((progress) => {
    number = Math.min(progressOf(progress, meta.id).hintsShown + 1, meta.hints.length);
    return withExercise(progress, meta.id, { hintsShown: number });
  });
  return { number, text: meta.hints[number - 1]![lang] };
}

/**
 * The hint as the learner reads it. `more` says how to get the next one:
 * "Need more? npm run workshop -- hint 03 shows hint 2." on the command line,
 * "Need more? Press h for hint 2." in watch mode.
 */
export function hintLines(meta: ExerciseMeta, number: number, text: string, more: string, { lang, t }: I18n): string[] {
  const last = number === meta.hints.length;
  return [
    `${bold(t.hint.header(number, meta.hints.length))} ${dim(`· ${label(meta, lang)}`)}`,
    ...wrap(text, '  '),
    dim(last ? t.hint.lastHint(command(`solution ${meta.id.slice(0, 2)}`)) : more),
  ];
}
