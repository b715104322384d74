/**
 * Watches the current exercise's folder and reports when a source file really
 * changed (its time or size on disk). Native file events make it fast; a poll
 * makes it sure:
 *
 *   native   fs.watch events, plus a slow poll (1 s) as a safety net; if the
 *            poll ever finds a change no event announced, the folder is on a
 *            drive without events (network drives) and it switches to polling
 *   polling  a scan every 100 ms: on WSL (Windows drives send no events),
 *            after the fallback above (containers, network drives), or on
 *            request (--poll, WORKSHOP_POLL=1)
 *
 * Both only trigger a scan; the scans decide, so one save makes one change
 * however many events the editor's save produces.
 */
import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** How long the folder must hold still before a change counts. */
const settleMs = 20;
const pollEveryMs = 100;
const safetyPollEveryMs = 1000;
/** Only what the tests can load; editor swap and backup files are ignored. */
const sourceFile = /\.(ts|mts|js|mjs|json)$/;

/**
 * Why it polls. The screen and the doctor say it in the learner's language
 * (messages `watch.pollReasons`): "you asked for --poll", "WSL"…
 */
export type PollReason = 'flag' | 'env' | 'wsl' | 'eventsStopped' | 'noEvents' | 'eventsMissing';

export type WatchMode = { readonly polling: false } | { readonly polling: true; readonly reason: PollReason };

/** Polls when asked to, or where native file events are known to be unreliable. */
export function chooseWatchMode(pollFlag: boolean, env: NodeJS.ProcessEnv = process.env): WatchMode {
  if (pollFlag) return { polling: true, reason: 'flag' };
  if (env.WORKSHOP_POLL && env.WORKSHOP_POLL !== '0') return { polling: true, reason: 'env' };
  try {
    if (/microsoft|wsl/i.test(readFileSync('/proc/version', 'utf8'))) return { polling: true, reason: 'wsl' };
  } catch {
    // not Linux
  }
  return { polling: false };
}

type Snapshot = Map<string, string>;

function scan(dir: string): Snapshot {
  const snapshot: Snapshot = new Map();
  let files: string[] = [];
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return snapshot; // the folder is gone for a moment (an editor's safe write) or for good
  }
  for (const file of files) {
    if (!sourceFile.test(file)) continue;
    try {
      const stats = statSync(path.join(dir, file));
      if (stats.isFile()) snapshot.set(path.join(dir, file), `${stats.mtimeMs}:${stats.size}`);
    } catch {
      // deleted between readdir and stat: the next scan sees it gone
    }
  }
  return snapshot;
}

function changedFiles(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
}

export class FileWatcher {
  private snapshot: Snapshot;
  private native?: FSWatcher;
  private timer?: NodeJS.Timeout;
  /** Set while waiting for the folder to hold still after a change. */
  private settling?: NodeJS.Timeout;
  /** A native event arrived since the last look: the safety poll was not first. */
  private eventSeen = false;
  private mode: WatchMode;

  /**
   * @param onChange the files that changed, appeared or disappeared (absolute paths)
   * @param onModeChange called when it falls back to polling, with the reason
   */
  constructor(
    private readonly dir: string,
    mode: WatchMode,
    private readonly onChange: (files: string[]) => void,
    private readonly onModeChange: (mode: WatchMode) => void = () => {},
  ) {
    this.mode = mode;
    this.snapshot = scan(dir);
    if (!mode.polling) this.startNative();
    this.startPolling();
  }

  get watchMode(): WatchMode {
    return this.mode;
  }

  private startNative(): void {
    try {
      this.native = watch(this.dir, { recursive: true }, () => {
        this.eventSeen = true;
        this.look(false);
      });
      this.native.on('error', () => this.fallBack('eventsStopped'));
    } catch {
      this.fallBack('noEvents');
    }
  }

  private startPolling(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.look(!this.mode.polling), this.mode.polling ? pollEveryMs : safetyPollEveryMs);
    this.timer.unref();
  }

  private fallBack(reason: PollReason): void {
    if (this.mode.polling) return;
    this.native?.close();
    this.native = undefined;
    this.mode = { polling: true, reason };
    this.startPolling();
    this.onModeChange(this.mode);
  }

  /** Something may have changed: scan, and if it did, wait for the folder to hold still. */
  private look(bySafetyPoll: boolean): void {
    if (this.settling) return; // already waiting; the next scan sees this change too
    if (bySafetyPoll) this.eventSeen = false;
    const next = scan(this.dir);
    if (changedFiles(this.snapshot, next).length === 0) return;
    this.settling = setTimeout(() => this.settle(next, bySafetyPoll), settleMs);
  }

  /**
   * Reports the change once two scans `settleMs` apart agree, so a file caught
   * half-written (emptied, then written) makes one change, not two.
   */
  private settle(candidate: Snapshot, bySafetyPoll: boolean): void {
    const again = scan(this.dir);
    if (changedFiles(candidate, again).length > 0) {
      this.settling = setTimeout(() => this.settle(again, bySafetyPoll), settleMs);
      return;
    }
    this.settling = undefined;
    const changed = changedFiles(this.snapshot, again);
    this.snapshot = again;
    if (changed.length === 0) return;
    if (bySafetyPoll && !this.eventSeen) this.fallBack('eventsMissing');
    this.onChange(changed);
  }

  close(): void {
    this.native?.close();
    clearInterval(this.timer);
    clearTimeout(this.settling);
  }
}
