/**
 * `list [--all]`: every exercise with its status and slides; `--all` shows the
 * whole plan of twelve, with the exercises still being written.
 */
import { readArgs } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { allExercises, docsUrl, formatSlides, label, learnerFile, type ExerciseMeta } from '../exercise.js';
import type { I18n, Messages } from '../messages/index.js';
import { plan } from '../plan.js';
import { currentExercise, doneCount, loadProgress, tellLearner } from '../progress.js';
import { Status, progressOf, type Progress } from '../state.js';
import { bold, columns, command, cyan, dim, padEnd, progressBar, symbols } from '../terminal.js';
import { runOnce } from '../test-run.js';

export const list: Command = {
  name: 'list',
  args: '[--all]',
  summary: (t) => t.list.summary,
  usage: (t) => t.list.usage,

  async run(argv, i18n) {
    const { lang, t } = i18n;
    const args = readArgs('list', argv, { all: { type: 'boolean' } }, 0, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const exercises = allExercises(t);
    const progress = await loadProgress((ids) => runOnce(ids, t), tellLearner, t);
    if (args.values.all) console.log(planLines(progress, exercises, i18n).join('\n'));
    else {
      const current = currentExercise(progress, exercises);
      console.log(
        [
          ...listLines(progress, exercises, i18n),
          '',
          `${symbols.current} ${t.list.youAreOn(label(current, lang), cyan('npm start'), command('list --all'))}`,
        ].join('\n'),
      );
    }
    return ExitCode.ok;
  },
};

function statusText(progress: Progress, meta: ExerciseMeta, t: Messages): string {
  const entry = progressOf(progress, meta.id);
  if (entry.status === Status.done) return t.list.done;
  if (entry.status === Status.failing) return entry.total > 0 ? t.list.failingOf(entry.total - entry.passed, entry.total) : t.list.failing;
  return t.list.notStarted;
}

function marker(progress: Progress, meta: ExerciseMeta, current: ExerciseMeta): string {
  if (progressOf(progress, meta.id).status === Status.done) return symbols.pass;
  return meta.id === current.id ? symbols.current : symbols.todo;
}

/** The learner's list: one line per exercise, in columns (a Japanese character takes two). */
export function listLines(progress: Progress, exercises: readonly ExerciseMeta[], { lang, t }: I18n): string[] {
  const current = currentExercise(progress, exercises);
  const width = Math.max(...exercises.map((meta) => columns(label(meta, lang))));
  const lines = [`${bold(t.list.heading)}  ${progressBar(doneCount(progress, exercises), exercises.length, t)}`, ''];
  for (const meta of exercises) {
    const hints = progressOf(progress, meta.id).hintsShown;
    lines.push(
      `  ${marker(progress, meta, current)} ${padEnd(label(meta, lang), width)}  ${padEnd(statusText(progress, meta, t), 18)}${dim(formatSlides(meta.slides, t))}` +
        (hints > 0 ? dim(`  · ${t.list.hintsSeen(hints)}`) : ''),
    );
  }
  return lines;
}

/** The instructor's view: the plan of twelve, with what exists of it. */
function planLines(progress: Progress, exercises: readonly ExerciseMeta[], { lang, t }: I18n): string[] {
  const ids = [...new Set([...plan.map((planned) => planned.id), ...exercises.map((meta) => meta.id)])].sort();
  const current = currentExercise(progress, exercises);
  const lines = [bold(t.list.wholePlan(ids.length, exercises.length)), ''];
  for (const id of ids) {
    const meta = exercises.find((exercise) => exercise.id === id);
    if (!meta) {
      const planned = plan.find((entry) => entry.id === id)!;
      lines.push(dim(`  · ${id.slice(0, 2)} · ${planned.title[lang]}  ${formatSlides(planned.slides, t)}  ${t.list.comingSoon}`));
      continue;
    }
    lines.push(
      `  ${marker(progress, meta, current)} ${bold(label(meta, lang))}  ${dim(formatSlides(meta.slides, t))}  ${t.list.hints(meta.hints.length)}  ${statusText(progress, meta, t)}`,
      dim(`      ${t.list.edit} ${meta.files.map((file) => learnerFile(meta.id, file)).join(', ')}`),
      dim(`      ${t.list.read} ${docsUrl(meta.id, lang)}`),
    );
  }
  lines.push('', t.list.lateJoiners(command('catch-up <id>')));
  return lines;
}
