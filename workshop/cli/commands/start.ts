/**
 * `start` (what `npm start` runs): serves the docs and watches the current
 * exercise, re-running its tests on every save (watch.ts does the loop).
 */
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { defaultDocsPort, startDocs, type DocsServer } from '../docs-server.js';
import { ExitCode, UsageError } from '../errors.js';
import { allExercises } from '../exercise.js';
import { chooseWatchMode } from '../file-watcher.js';
import { currentExercise, loadProgress } from '../progress.js';
import { cyan, dim } from '../terminal.js';
import { TestRunner } from '../test-run.js';
import { WatchSession } from '../watch.js';

export const start: Command = {
  name: 'start',
  args: '[options]',
  summary: 'what `npm start` runs: the docs, your progress, your exercise re-run on every save',
  usage: `Usage: npm start [-- options]     or     npm run workshop -- start [options]

Serves the docs on http://localhost:5173 and shows your current exercise: the
file to edit, its docs page, and its tests, re-run every time you save.
Keys: h next hint · l list · n next exercise · s solution diff · q quit.
It never moves on by itself: when the tests pass it shows a recap and waits for n.

  --poll       check for changes every 0.1 s instead of waiting for file events
               (also WORKSHOP_POLL=1; automatic on WSL, and as soon as a save
               arrives without a file event, as on network drives)
  --no-docs    do not start the docs server
  --port N     serve the docs on port N (default ${defaultDocsPort}; the next free one if busy)`,

  async run(argv) {
    const args = readArgs('start', argv, { poll: { type: 'boolean' }, 'no-docs': { type: 'boolean' }, port: { type: 'string' } }, 0);
    if (args.help) {
      console.log(this.usage);
      return ExitCode.ok;
    }
    const port = args.values.port === undefined ? defaultDocsPort : Number(args.values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      throw new UsageError(`--port needs a port number from 1 to 65535, not "${String(args.values.port)}".`);
    const exercises = allExercises();
    console.log(dim('Starting the workshop…'));

    const docs: DocsServer | undefined = args.values['no-docs'] ? undefined : startDocs(port);
    const runner = await TestRunner.open({ pool: 'threads' });
    const notes: string[] = [];
    let session: WatchSession | undefined;
    const stop = () => session?.quit();
    process.once('SIGINT', stop).once('SIGTERM', stop).once('SIGHUP', stop);
    try {
      const progress = await loadProgress((ids) => runner.run(ids), (line, lostProgress) => {
        console.log(dim(line));
        if (lostProgress) notes.push(line);
      });
      session = new WatchSession(runner, exercises, progress, currentExercise(progress, exercises), chooseWatchMode(args.values.poll === true), notes);
      if (docs) void Promise.all([docs.url, docs.note]).then(([url, note]) => session?.docsReady(url, note));
      await session.run();
    } finally {
      process.off('SIGINT', stop).off('SIGTERM', stop).off('SIGHUP', stop);
      docs?.stop();
      await runner.close();
    }
    console.log(`\nBye! Your progress is saved; ${cyan('npm start')} picks up where you left off.`);
    return ExitCode.ok;
  },
};
