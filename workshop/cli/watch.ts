/**
 * Watch mode's loop: one warm vitest (TestRunner), the current exercise's
 * folder watched, its tests re-run on every save, keys for the learner. It
 * never moves on by itself: a pass shows the recap and waits for `n`.
 */
import path from 'node:path';
import { exercisesDir } from '../paths.js';
import { hintLines, revealNextHint } from './commands/hint.js';
import { listLines } from './commands/list.js';
import { solutionDiff } from './commands/solution.js';
import { WorkshopError } from './errors.js';
import { assertRunnable, type ExerciseMeta } from './exercise.js';
import { FileWatcher, type WatchMode } from './file-watcher.js';
import { listenForKeys, type KeyInput } from './keys.js';
import type { I18n, Messages } from './messages/index.js';
import { nextExercise, recordResult } from './progress.js';
import { render, type ScreenState } from './screen.js';
import { readProgress, updateProgress, type Progress } from './state.js';
import { bold, clearScreen, dim, red, stripAnsi } from './terminal.js';
import { passes, type TestRunner } from './test-run.js';

function pollingNote(mode: WatchMode, t: Messages): string[] {
  return mode.polling ? [t.watch.polling(t.watch.pollReasons[mode.reason])] : [];
}

export class WatchSession {
  private view: ScreenState;
  private watcher?: FileWatcher;
  private keys?: KeyInput;
  private panelIsHint = false;
  private runCount = 0;
  private runQueued = false;
  /** The loop of runs in progress, if any. */
  private runs?: Promise<void>;
  private stopped = false;
  private quitSession: () => void = () => {};

  constructor(
    private readonly runner: TestRunner,
    exercises: readonly ExerciseMeta[],
    progress: Progress,
    current: ExerciseMeta,
    private readonly watchMode: WatchMode,
    notes: readonly string[],
    private readonly i18n: I18n,
  ) {
    const { t } = i18n;
    this.view = { i18n, exercises, progress, current, notes: [...notes, ...pollingNote(watchMode, t)], running: false, panel: [], interactive: false };
  }

  /** Runs until the learner quits. */
  run(): Promise<void> {
    const finished = new Promise<void>((resolve) => (this.quitSession = resolve));
    this.keys = listenForKeys((key) => this.onKey(key));
    this.view = { ...this.view, interactive: this.keys.interactive };
    this.watch(this.view.current);
    process.stdout.on('resize', this.redraw);
    this.requestRun();
    return finished;
  }

  /** The docs server answered (or gave up): show where the docs are. */
  docsReady(url: string | undefined, note: string | undefined): void {
    this.view = { ...this.view, ...(url ? { docsBase: url } : {}), notes: note ? [note, ...this.view.notes] : this.view.notes };
    this.draw();
  }

  /** Stops watching and listening; resolves `run()` once a test run in progress has ended. */
  quit(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.keys?.stop();
    this.watcher?.close();
    process.stdout.off('resize', this.redraw);
    void (this.runs ?? Promise.resolve()).then(() => this.quitSession());
  }

  private watch(meta: ExerciseMeta): void {
    this.watcher?.close();
    this.watcher = new FileWatcher(
      path.join(exercisesDir, meta.id),
      this.watcher?.watchMode ?? this.watchMode,
      (files) => {
        for (const file of files) this.runner.invalidate(file);
        if (files.some((file) => file.endsWith('.test.ts'))) this.runner.forgetTestFiles();
        this.requestRun();
      },
      (mode) => {
        this.view = { ...this.view, notes: [...this.view.notes, ...pollingNote(mode, this.i18n.t)] };
        this.draw();
      },
    );
  }

  /** Runs the current exercise's tests now, or right after the run in progress. */
  private requestRun(): void {
    this.runQueued = true;
    this.runs ??= this.drainRuns().finally(() => (this.runs = undefined));
  }

  private async drainRuns(): Promise<void> {
    while (this.runQueued && !this.stopped) {
      this.runQueued = false;
      await this.runCurrent();
    }
    this.view = { ...this.view, running: false };
  }

  private async runCurrent(): Promise<void> {
    const meta = this.view.current;
    try {
      assertRunnable(meta, this.i18n);
    } catch (error) {
      if (!(error instanceof WorkshopError)) throw error;
      this.view = { ...this.view, problem: error.message, result: undefined, running: false };
      this.draw();
      return;
    }
    this.view = { ...this.view, running: true };
    if (this.view.result) this.draw();
    const startedMs = performance.now();
    let result;
    try {
      [result] = await this.runner.run([meta.id]);
    } catch (error) {
      const reason = stripAnsi((error as Error).message).split('\n')[0] ?? '';
      this.view = { ...this.view, problem: this.i18n.t.watch.testsCouldNotRun(reason), running: false };
      this.draw();
      return;
    }
    if (!result || meta !== this.view.current) return; // the learner moved on meanwhile
    this.runCount++;
    const progress = recordResult(readProgress().progress ?? this.view.progress, result);
    this.view = {
      ...this.view,
      progress,
      result,
      problem: undefined,
      running: this.runQueued,
      run: { count: this.runCount, at: new Date(), durationMs: performance.now() - startedMs },
      // A hint stays up while the learner works on it; anything else, or a pass, clears the panel.
      panel: this.panelIsHint && !passes(result) ? this.view.panel : [],
    };
    this.draw(); // the result first, then it is saved
    updateProgress((saved) => recordResult(saved, result));
  }

  private onKey(key: string): void {
    try {
      this.act(key);
    } catch (error) {
      if (!(error instanceof WorkshopError)) throw error;
      this.showPanel([red(error.message)], false); // a solution missing from the kit, say
    }
  }

  private act(key: string): void {
    const { prompt } = this.view;
    if (prompt) {
      this.view = { ...this.view, prompt: undefined };
      if (key === 'y' && prompt === 'next') return this.goNext();
      if (key === 'y' && prompt === 'solution') return this.showPanel(solutionDiff(this.view.current, this.i18n), false);
      if (key === 'q') return this.quit();
      return this.draw();
    }
    switch (key) {
      case 'h': {
        const { number, text } = revealNextHint(this.view.current, this.i18n.lang);
        this.view = { ...this.view, progress: readProgress().progress ?? this.view.progress };
        const more = this.i18n.t.hint.moreByKey(bold('h'), number + 1);
        return this.showPanel(hintLines(this.view.current, number, text, more, this.i18n), true);
      }
      case 'l':
        return this.showPanel(listLines(this.view.progress, this.view.exercises, this.i18n), false);
      case 'n': {
        if (!nextExercise(this.view.current.id, this.view.exercises))
          return this.showPanel([dim(this.i18n.t.watch.lastExercise)], false);
        if (this.view.result && passes(this.view.result)) return this.goNext();
        this.view = { ...this.view, prompt: 'next' };
        return this.draw();
      }
      case 's':
        this.view = { ...this.view, prompt: 'solution' };
        return this.draw();
      case 'q':
        return this.quit();
      default:
        return; // any other key does nothing
    }
  }

  private showPanel(lines: string[], isHint: boolean): void {
    this.panelIsHint = isHint;
    this.view = { ...this.view, panel: lines };
    this.draw();
  }

  private goNext(): void {
    const next = nextExercise(this.view.current.id, this.view.exercises);
    if (!next) return;
    const progress = updateProgress((saved) => ({ ...saved, current: next.id }));
    this.panelIsHint = false;
    this.view = { ...this.view, progress, current: next, result: undefined, problem: undefined, run: undefined, panel: [] };
    this.watch(next);
    this.draw();
    this.requestRun();
  }

  private readonly redraw = () => this.draw();

  private draw(): void {
    if (this.stopped) return;
    const lines = render(this.view);
    if (process.stdout.isTTY) process.stdout.write(`${clearScreen}${lines.join('\n')}\n`);
    else process.stdout.write(`${lines.join('\n')}\n${dim('─'.repeat(40))}\n`);
  }
}
