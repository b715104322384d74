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
 */
import { docsUrl, formatSlides, label, learnerFile, type ExerciseMeta } from './exercise.js';
import { doneCount, nextExercise } from './progress.js';
import { resultLines } from './report.js';
import { progressOf, type Progress } from './state.js';
import { bold, dim, progressBar, symbols, wrap, yellow } from './terminal.js';
import { passes, type ExerciseResult } from './test-run.js';

export type Prompt = 'next' | 'solution';

export interface ScreenState {
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
  if (state.problem || !result) return [];
  if (passes(result)) {
    const next = nextExercise(current.id, state.exercises);
    return [
      bold('Recap'),
      ...wrap(current.recap, '  '),
      '',
      next
        ? `Press ${bold('n')} for the next exercise, ${bold(label(next))}. Nothing moves on until you do.`
        : `${bold('That was the last exercise. Well done!')} 🎉`,
    ];
  }
  if (result.loadError !== undefined) return ['Fix it and save: the tests run again.'];
  const hintsShown = progressOf(state.progress, current.id).hintsShown;
  const hintNote =
    hintsShown < current.hints.length ? `Stuck? Press ${bold('h')} for hint ${hintsShown + 1} of ${current.hints.length}.` : `Stuck? Press ${bold('s')} to compare with the solution.`;
  return [`Fix the first failure and save: the tests run again. ${hintNote}`];
}

function promptLine(state: ScreenState): string[] {
  if (state.prompt === 'next') {
    const { result } = state;
    const failing = !result
      ? 'its tests have not run yet'
      : result.loadError !== undefined
        ? 'its code does not load'
        : `${result.total - result.passed} of ${result.total} tests still fail`;
    return [yellow(`${label(state.current)} does not pass yet (${failing}). Move on anyway? y/N`)];
  }
  if (state.prompt === 'solution') return [yellow(`Show the solution of ${label(state.current)} as a diff? It gives the answer away. y/N`)];
  return [];
}

export function render(state: ScreenState): string[] {
  const { current } = state;
  const lines = [
    `${bold('Serverless ❤ Event-Driven')}  ${progressBar(doneCount(state.progress, state.exercises), state.exercises.length)}`,
    '',
    `${symbols.current} ${bold(label(current))}  ${dim(formatSlides(current.slides))}`,
    `  Edit  ${current.files.map((file) => learnerFile(current.id, file)).join(', ')}`,
    `  Read  ${state.docsBase ? docsUrl(current.id, state.docsBase) : `docs/exercises/${current.id}.md`}`,
    ...state.notes.map((note) => `  ${yellow(note)}`),
    '',
  ];
  if (state.problem) lines.push(`${symbols.fail} ${state.problem}`);
  else if (state.result) lines.push(...resultLines(state.result));
  else lines.push(dim('Running the tests…'));
  if (state.run) {
    const { count, at, durationMs } = state.run;
    lines.push(dim(`run ${count} · ${time(at)} · ${(durationMs / 1000).toFixed(2)} s${state.running ? ' · running again…' : ''}`));
  }
  lines.push('');
  if (state.panel.length > 0) lines.push(...state.panel, '');
  const step = nextStep(state);
  if (step.length > 0) lines.push(...step);
  lines.push(...promptLine(state));
  lines.push(
    state.interactive
      ? dim('h hint · l list · n next · s solution · q quit')
      : dim('Keys: type h, l, n, s or q and press Enter (the input is not a terminal). Ctrl-C stops.'),
  );
  return lines;
}
