/**
 * Where the learner is, derived from real test results: an exercise is done
 * when its tests pass, and the current exercise is the one the learner chose
 * (with `n` in watch mode or `catch-up`), or at first the first one that does
 * not pass yet. A missing or unreadable state file is rebuilt by running
 * every exercise's tests once.
 */
import path from 'node:path';
import { kitRoot } from '../paths.js';
import { allExercises, type ExerciseMeta } from './exercise.js';
import type { Messages } from './messages/index.js';
import { Status, emptyProgress, progressOf, readProgress, stateFile, withExercise, writeProgress, type Progress } from './state.js';
import { dim, yellow } from './terminal.js';
import { passes, type ExerciseResult } from './test-run.js';

export type RunTests = (ids: readonly string[]) => Promise<ExerciseResult[]>;

/** Stores the result of a run the learner asked for. */
export function recordResult(progress: Progress, result: ExerciseResult): Progress {
  return withExercise(progress, result.id, {
    status: passes(result) ? Status.done : Status.failing,
    passed: result.passed,
    total: result.total,
  });
}

/**
 * Progress from a run of every exercise: done, the first one not done, the
 * rest not started. Hints already counted in `kept` stay counted.
 */
async function rebuildProgress(runTests: RunTests, t: Messages, kept: Progress = emptyProgress): Promise<Progress> {
  const ids = allExercises(t).map((meta) => meta.id);
  const results = await runTests(ids);
  const firstNotDone = results.find((result) => !passes(result))?.id;
  let progress: Progress = { ...emptyProgress, current: firstNotDone ?? ids.at(-1) };
  for (const result of results) {
    progress = withExercise(progress, result.id, {
      status: passes(result) ? Status.done : result.id === firstNotDone ? Status.failing : Status.notStarted,
      passed: result.passed,
      total: result.total,
      hintsShown: progressOf(kept, result.id).hintsShown,
    });
  }
  writeProgress(progress);
  return progress;
}

/**
 * Reads the progress file. When it is missing, unreadable, or was started by a
 * command that saw only one exercise (no `current` yet), every exercise's
 * tests run once to rebuild it; `say` tells the learner why before that starts.
 */
export async function loadProgress(runTests: RunTests, say: (line: string, lostProgress: boolean) => void, t: Messages): Promise<Progress> {
  const read = readProgress();
  if (read.progress?.current !== undefined) return read.progress;
  if (read.problem === 'corrupt') say(t.progress.rebuilt(path.relative(kitRoot, stateFile)), true);
  else say(t.progress.finding, false);
  return rebuildProgress(runTests, t, read.progress);
}

/** How one-shot commands say it: a lost progress file in yellow, the rest dimmed. */
export function tellLearner(line: string, lostProgress: boolean): void {
  console.log(lostProgress ? yellow(line) : dim(line));
}

/** The exercise the learner is on. */
export function currentExercise(progress: Progress, exercises: readonly ExerciseMeta[]): ExerciseMeta {
  const chosen = exercises.find((meta) => meta.id === progress.current);
  if (chosen) return chosen;
  return exercises.find((meta) => progressOf(progress, meta.id).status !== Status.done) ?? exercises.at(-1)!;
}

/**
 * The exercise the learner is on, for a command run without an id (`check`,
 * `hint`, `solution`): from the progress file, rebuilt first if it must be.
 */
export async function loadCurrentExercise(runTests: RunTests, t: Messages): Promise<ExerciseMeta> {
  return currentExercise(await loadProgress(runTests, tellLearner, t), allExercises(t));
}

export function nextExercise(id: string, exercises: readonly ExerciseMeta[]): ExerciseMeta | undefined {
  const index = exercises.findIndex((meta) => meta.id === id);
  return index === -1 ? undefined : exercises[index + 1];
}

export function doneCount(progress: Progress, exercises: readonly ExerciseMeta[]): number {
  return exercises.filter((meta) => progressOf(progress, meta.id).status === Status.done).length;
}
