/**
 * What watch mode shows, drawn from one plain state by one function, so the
 * screen is always the same for the same state:
 *
 *   Serverless ❤ Event-Driven  ███████░░░░░ 1 of 4 done
 *
 *   ▸ 03 · Circuit breaker  slide 7
 *     Edit  exercises/03-circuit-breaker/circuit-breaker.ts
 *     Read  http://localhost:5173/exercises/03-circuit-breaker
 *
 *   ✗ 5 of 31 tests fail
 *     ✗ while OPEN > rejects with CircuitOpenError without calling the action
 *         expected 1 call, got 2: OPEN must not call the action
 *   run 4 · 13:05:12 · 0.31 s
 *
 *   Fix the first failure and save: the tests run again. Stuck? Press h for hint 1 of 3.
 *   h hint · l list · n next · s solution · q quit
 *
 * Everything but the tests' own names and messages is in the learner's
 * language (`i18n`), and the docs link points at the pages in that language.
 */
import { docsFile, docsUrl, formatSlides, label, learnerFile, type ExerciseMeta } from './exercise.js';
import type { I18n } from './messages/index.js';
import { doneCount, nextExercise } from './progress.js';
import { resultLines } from './report.js';
import { progressOf, type Progress } from './state.js';
import { bold, dim, progressBar, symbols, wrap, yellow } from './terminal.js';
import { passes, type ExerciseResult } from './test-run.js';

export type Prompt = 'next' | 'solution';

export interface ScreenState {
  /** The language of the screen and its messages. */
  readonly i18n: I18n;
  readonly exercises: readonly ExerciseMeta[];
  readonly progress: Progress;
  readonly current: ExerciseMeta;
  /** The docs server's address once it is up. */
  readonly docsBase?: string;
  /** Short notices: the docs moved port, the watcher polls, progress was rebuilt. */
  readonly notes: readonly string[];
  readonly result?: ExerciseResult;
  /** Why the tests cannot run at all (a test file was deleted). */
  readonly problem?: string;
  readonly run?: { readonly count: number; readonly at: Date; readonly durationMs: number };
  readonly running: boolean;
  /** A hint, the list or the solution diff, shown under the results. */
  readonly panel: readonly string[];
  readonly prompt?: Prompt;
  /** False when stdin is not a terminal: keys are read line by line, if at all. */
  readonly interactive: boolean;
}

function time(date: Date): string {
  return date.toTimeString().slice(0, 8);
}

function nextStep(state: ScreenState): string[] {
  const { current, result } = state;
  const { lang, t } = state.i18n;
  if (state.problem || !result) return [];
  if (passes(result)) {
    const next = nextExercise(current.id, state.exercises);
    return [
      bold(t.common.recap),
      ...wrap(current.recap[lang], '  '),
      '',
      next ? t.screen.pressForNext(bold('n'), bold(label(next, lang))) : `${bold(t.common.lastExercise)} 🎉`,
    ];
  }
  if (result.loadError !== undefined) return [t.screen.fixAndSave];
  const hintsShown = progressOf(state.progress, current.id).hintsShown;
  const hintNote =
    hintsShown < current.hints.length ? t.screen.stuckHint(bold('h'), hintsShown + 1, current.hints.length) : t.screen.stuckSolution(bold('s'));
  return [t.screen.fixFirstFailure(hintNote)];
}

function promptLine(state: ScreenState): string[] {
  const { lang, t } = state.i18n;
  if (state.prompt === 'next') {
    const { result } = state;
    const failing = !result
      ? t.screen.notRunYet
      : result.loadError !== undefined
        ? t.screen.doesNotLoad
        : t.screen.stillFail(result.total - result.passed, result.total);
    return [yellow(t.screen.moveOnAnyway(label(state.current, lang), failing))];
  }
  if (state.prompt === 'solution') return [yellow(t.screen.showSolution(label(state.current, lang)))];
  return [];
}

export function render(state: ScreenState): string[] {
  const { current } = state;
  const { lang, t } = state.i18n;
  const lines = [
    `${bold('Serverless ❤ Event-Driven')}  ${progressBar(doneCount(state.progress, state.exercises), state.exercises.length, t)}`,
    '',
    `${symbols.current} ${bold(label(current, lang))}  ${dim(formatSlides(current.slides, t))}`,
    `  ${t.screen.edit}  ${current.files.map((file) => learnerFile(current.id, file)).join(', ')}`,
    `  ${t.screen.read}  ${state.docsBase ? docsUrl(current.id, lang, state.docsBase) : docsFile(current.id, lang)}`,
    ...state.notes.map((note) => `  ${yellow(note)}`),
    '',
  ];
  if (state.problem) lines.push(`${symbols.fail} ${state.problem}`);
  else if (state.result) lines.push(...resultLines(state.result, t));
  else lines.push(dim(t.screen.running));
  if (state.run) {
    const { count, at, durationMs } = state.run;
    const run = t.screen.run(count, time(at), (durationMs / 1000).toFixed(2));
    lines.push(dim(state.running ? `${run} · ${t.screen.runningAgain}` : run));
  }
  lines.push('');
  if (state.panel.length > 0) lines.push(...state.panel, '');
  const step = nextStep(state);
  if (step.length > 0) lines.push(...step);
  lines.push(...promptLine(state));
  lines.push(dim(state.interactive ? t.screen.keys : t.screen.keysByLine));
  return lines;
}
