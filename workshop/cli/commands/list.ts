/**
 * `list [--all]`: every exercise with its status and slides; `--all` shows the
 * whole plan of twelve, with the exercises still being written.
 */
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../errors.js';
import { allExercises, docsUrl, formatSlides, label, learnerFile, type ExerciseMeta } from '../exercise.js';
import { plan } from '../plan.js';
import { currentExercise, doneCount, loadProgress, tellLearner } from '../progress.js';
import { Status, progressOf, type Progress } from '../state.js';
import { bold, command, cyan, dim, progressBar, symbols } from '../terminal.js';
import { runOnce } from '../test-run.js';

export const list: Command = {
  name: 'list',
  args: '[--all]',
  summary: 'every exercise with its status (not started / failing n of m / done) and slides',
  usage: `Usage: npm run workshop -- list [--all]

Lists the exercises with your progress: done, failing (how many tests of how
many), or not started, and the slides of the talk each one follows.
  --all   the whole plan for instructors: also the exercises still being written,
          the number of hints, the files to edit and each docs page`,

  async run(argv) {
    const args = readArgs('list', argv, { all: { type: 'boolean' } }, 0);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const exercises = allExercises();
    const progress = await loadProgress(runOnce, tellLearner);
    if (args.values.all) console.log(planLines(progress, exercises).join('\n'));
    else {
      const current = currentExercise(progress, exercises);
      console.log(
        [
          ...listLines(progress, exercises),
          '',
          `${symbols.current} You are on ${label(current)}: ${cyan('npm start')} to work on it. ${command('list --all')} shows the whole plan.`,
        ].join('\n'),
      );
    }
    return ExitCode.ok;
  },
};

function statusText(progress: Progress, meta: ExerciseMeta): string {
  const entry = progressOf(progress, meta.id);
  if (entry.status === Status.done) return 'done';
  if (entry.status === Status.failing) return entry.total > 0 ? `failing ${entry.total - entry.passed} of ${entry.total}` : 'failing';
  return 'not started';
}

function marker(progress: Progress, meta: ExerciseMeta, current: ExerciseMeta): string {
  if (progressOf(progress, meta.id).status === Status.done) return symbols.pass;
  return meta.id === current.id ? symbols.current : symbols.todo;
}

/** The learner's list: one line per exercise. */
export function listLines(progress: Progress, exercises: readonly ExerciseMeta[]): string[] {
  const current = currentExercise(progress, exercises);
  const width = Math.max(...exercises.map((meta) => label(meta).length));
  const lines = [`${bold('Your progress')}  ${progressBar(doneCount(progress, exercises), exercises.length)}`, ''];
  for (const meta of exercises) {
    const hints = progressOf(progress, meta.id).hintsShown;
    lines.push(
      `  ${marker(progress, meta, current)} ${label(meta).padEnd(width)}  ${statusText(progress, meta).padEnd(18)}${dim(formatSlides(meta.slides))}` +
        (hints > 0 ? dim(`  · ${hints} hint${hints > 1 ? 's' : ''} seen`) : ''),
    );
  }
  return lines;
}

/** The instructor's view: the plan of twelve, with what exists of it. */
export function planLines(progress: Progress, exercises: readonly ExerciseMeta[]): string[] {
  const ids = [...new Set([...plan.map((planned) => planned.id), ...exercises.map((meta) => meta.id)])].sort();
  const current = currentExercise(progress, exercises);
  const lines = [bold(`The whole plan: ${ids.length} exercises, ${exercises.length} ready`), ''];
  for (const id of ids) {
    const meta = exercises.find((exercise) => exercise.id === id);
    if (!meta) {
      const planned = plan.find((entry) => entry.id === id)!;
      lines.push(dim(`  · ${id.slice(0, 2)} · ${planned.title}  ${formatSlides(planned.slides)}  coming soon`));
      continue;
    }
    lines.push(
      `  ${marker(progress, meta, current)} ${bold(label(meta))}  ${dim(formatSlides(meta.slides))}  ${meta.hints.length} hints  ${statusText(progress, meta)}`,
      dim(`      edit ${meta.files.map((file) => learnerFile(meta.id, file)).join(', ')}`),
      dim(`      read ${docsUrl(meta.id)}`),
    );
  }
  lines.push('', `Late joiners: ${command('catch-up <id>')} applies the solutions before <id>, backing up first.`);
  return lines;
}
