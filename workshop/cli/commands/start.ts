/**
 * `start` (what `npm start` runs): serves the docs and watches the current
 * exercise, re-running its tests on every save (watch.ts does the loop).
 */
import { readArgs, readPort } from '../args.js';
import { helpOf, type Command } from '../command.js';
import { defaultDocsPort, startDocs, type DocsServer } from '../docs-server.js';
import { ExitCode } from '../errors.js';
import { allExercises } from '../exercise.js';
import { chooseWatchMode } from '../file-watcher.js';
import { currentExercise, loadProgress } from '../progress.js';
import { cyan, dim } from '../terminal.js';
import { TestRunner } from '../test-run.js';
import { WatchSession } from '../watch.js';

export const start: Command = {
  name: 'start',
  args: '[options]',
  summary: (t) => t.start.summary,
  usage: (t) => t.start.usage(defaultDocsPort),

  async run(argv, i18n) {
    const { t } = i18n;
    const args = readArgs('start', argv, { poll: { type: 'boolean' }, 'no-docs': { type: 'boolean' }, port: { type: 'string' } }, 0, t);
    if (args.help) {
      console.log(helpOf(this, t));
      return ExitCode.ok;
    }
    const port = readPort(args.values.port, defaultDocsPort, t);
    const exercises = allExercises(t);
    console.log(dim(t.start.starting));

    const docs: DocsServer | undefined = args.values['no-docs'] ? undefined : startDocs(port, i18n);
    const runner = await TestRunner.open(t, { pool: 'threads' });
    const notes: string[] = [];
    let session: WatchSession | undefined;
    const stop = () => session?.quit();
    process.once('SIGINT', stop).once('SIGTERM', stop).once('SIGHUP', stop);
    try {
      const say = (line: string, lostProgress: boolean) => {
        console.log(dim(line));
        if (lostProgress) notes.push(line);
      };
      const progress = await loadProgress((ids) => runner.run(ids), say, t);
      const watchMode = chooseWatchMode(args.values.poll === true);
      session = new WatchSession(runner, exercises, progress, currentExercise(progress, exercises), watchMode, notes, i18n);
      if (docs) void Promise.all([docs.url, docs.note]).then(([url, note]) => session?.docsReady(url, note));
      await session.run();
    } finally {
      process.off('SIGINT', stop).off('SIGTERM', stop).off('SIGHUP', stop);
      docs?.stop();
      await runner.close();
    }
    console.log(`\n${t.start.bye(cyan('npm start'))}`);
    return ExitCode.ok;
  },
};
