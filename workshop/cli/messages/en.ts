/**
 * Everything the CLI says, in English. ja.ts says the same in Japanese and has
 * exactly these keys and signatures: its type is `Messages`, the type of this
 * object, and messages.test.ts checks the two side by side.
 *
 * A message that takes values is a function. Its arguments are plain strings
 * and numbers, already formatted by the caller (a command in cyan, a label in
 * bold), so each language is free to put them where its grammar wants them.
 */
export const en = {
  common: {
    /** Joins two names: "exercises/ and .workshop/". */
    and: ' and ',
    recap: 'Recap',
    lastExercise: 'That was the last exercise. Well done!',
    /** `slide 7`, `slides 3, 9`, `slides 11–14`: `list` is already formatted. */
    slides: (list: string, count: number) => `slide${count > 1 ? 's' : ''} ${list}`,
    /** `3 of 12 done`, after the progress bar. */
    doneOf: (done: number, total: number) => `${done} of ${total} done`,
    portRange: (value: string) => `--port needs a port number from 1 to 65535, not "${value}".`,
    usageFooter: 'Every command also takes --lang en|ja (or WORKSHOP_LANG=en|ja): the language of its messages.',
  },

  main: {
    usageHeading: 'Usage:',
    usageLine: 'npm run workshop -- <command>     (npm start is the same as the start command)',
    helpSummary: "this text, or a command's own help (also: <command> --help)",
    exerciseIds: 'Exercise ids: 6, 06, 06-stream-handler or stream-handler.',
    exitCodes: 'Exit codes: 0 ok, 1 tests failing, 2 a usage or environment problem.',
    language:
      'Language: --lang en|ja with any command (npm start -- --lang ja), or WORKSHOP_LANG=en|ja;\n' +
      'otherwise your system locale (LC_ALL, LC_MESSAGES, LANG), and English when it is neither.',
    noCommand: (name: string) => `There is no command "${name}": run \`npm run workshop -- help\` to see them all.`,
    /** `source` is `--lang` or `WORKSHOP_LANG`. */
    badLanguage: (source: string, value: string) => `${source} "${value}" is not a language the workshop speaks: use en or ja.`,
    langNeedsValue: '--lang needs a value after it: en or ja.',
    somethingWentWrong: (message: string) =>
      `Something went wrong: ${message} (run \`npm run workshop -- doctor\` to check your setup; WORKSHOP_DEBUG=1 shows details).`,
  },

  args: {
    helpHint: (command: string) => `Run \`npm run workshop -- ${command} --help\` to see how to use it.`,
    thatOption: 'that option',
    unknownOption: (command: string, option: string, helpHint: string) => `${command} has no option ${option}. ${helpHint}`,
    needsValue: (option: string, helpHint: string) => `${option} needs a value after it. ${helpHint}`,
    isSwitch: (option: string, helpHint: string) => `${option} is a switch and takes no value. ${helpHint}`,
    /** Anything else node:util's parseArgs says, in its own (English) words. */
    otherProblem: (problem: string, helpHint: string) => `${problem}. ${helpHint}`,
    tooManyArguments: (command: string, maxPositionals: number, extra: string, helpHint: string) =>
      `${command} takes ${maxPositionals === 0 ? 'no arguments' : 'one exercise id'}, so "${extra}" is one too many. ${helpHint}`,
  },

  exercise: {
    noExercises: (dir: string) => `There are no exercises in ${dir}: run this inside the workshop kit folder.`,
    /** A CatalogError's own sentence (catalog.ts, for kit authors). */
    brokenMeta: (problem: string) => `${problem}.`,
    range: (first: string, last: string) => `the exercises are ${first} to ${last}`,
    noRange: 'there are no exercises',
    noExercise: (input: string, range: string) => `There is no exercise "${input}": ${range}, see \`npm run workshop -- list\`.`,
    testsMissing: (label: string, id: string) =>
      `The tests of ${label} are missing from exercises/${id}/: get them back with \`git checkout -- 'exercises/${id}/*.test.ts'\`.`,
    filesMissing: (files: string, count: number, short: string) =>
      `${files} ${count > 1 ? 'are' : 'is'} missing: \`npm run workshop -- reset ${short}\` brings back the starter, or \`npm run workshop -- restore\` lists your backups.`,
  },

  report: {
    allPass: (total: number) => `All ${total} tests pass. Well done!`,
    someFail: (failing: number, total: number) => `${failing} of ${total} tests fail`,
    moreWithSameMessage: (count: number) => `(and ${count} more with the same message)`,
    moreFailing: (count: number) => `… and ${count} more failing test${count > 1 ? 's' : ''}`,
    codePrinted: 'Your code printed:',
    codePrintedLast: (lines: number) => `Your code printed (last ${lines} lines):`,
  },

  testRun: {
    doesNotCompile: (file: string, line: string, reason: string) => `${file} line ${line} does not compile: ${reason}.`,
    failsAsItLoads: (file: string, line: string, reason: string) => `${file} line ${line} fails as it loads: ${reason}.`,
    couldNotLoad: (id: string, reason: string) => `The tests of ${id} could not load: ${reason}.`,
    noTestFile: (id: string) => `The tests of ${id} did not run: no test file was found.`,
    outsideAnyTest: (message: string) => `Error outside any test: ${message}`,
    noMessage: '(no message)',
    couldNotStart: (message: string) => `The tests could not start: ${message}.`,
  },

  progress: {
    rebuilt: (file: string) =>
      `Your progress file ${file} could not be read, so it was rebuilt from a fresh test run (hints count from 0 again).`,
    finding: 'Finding where you are: the tests of every exercise run once…',
  },

  screen: {
    edit: 'Edit',
    read: 'Read',
    running: 'Running the tests…',
    run: (count: number, time: string, seconds: string) => `run ${count} · ${time} · ${seconds} s`,
    runningAgain: 'running again…',
    pressForNext: (key: string, next: string) => `Press ${key} for the next exercise, ${next}. Nothing moves on until you do.`,
    fixAndSave: 'Fix it and save: the tests run again.',
    /** `stuck` is `stuckHint` or `stuckSolution`. */
    fixFirstFailure: (stuck: string) => `Fix the first failure and save: the tests run again. ${stuck}`,
    stuckHint: (key: string, number: number, total: number) => `Stuck? Press ${key} for hint ${number} of ${total}.`,
    stuckSolution: (key: string) => `Stuck? Press ${key} to compare with the solution.`,
    notRunYet: 'its tests have not run yet',
    doesNotLoad: 'its code does not load',
    stillFail: (failing: number, total: number) => `${failing} of ${total} tests still fail`,
    moveOnAnyway: (label: string, why: string) => `${label} does not pass yet (${why}). Move on anyway? y/N`,
    showSolution: (label: string) => `Show the solution of ${label} as a diff? It gives the answer away. y/N`,
    keys: 'h hint · l list · n next · s solution · q quit',
    keysByLine: 'Keys: type h, l, n, s or q and press Enter (the input is not a terminal). Ctrl-C stops.',
  },

  watch: {
    polling: (reason: string) => `Checking for changes every 0.1 s (${reason}).`,
    /** Why saves are found by polling (file-watcher.ts `PollReason`). */
    pollReasons: {
      flag: 'you asked for --poll',
      env: 'WORKSHOP_POLL is set',
      wsl: 'WSL',
      eventsStopped: 'file events stopped working',
      noEvents: 'this system has no file events for the folder',
      eventsMissing: 'file events do not arrive from this drive',
    },
    lastExercise: 'This is the last exercise: there is no next one.',
    testsCouldNotRun: (message: string) => `The tests could not run: ${message}`,
  },

  docs: {
    notInstalled: 'The docs server is not installed (no vitepress): run npm install.',
    noDocsFolder: 'This kit has no docs/ folder, so there is no docs server.',
    portsBusy: (from: number, to: number) => `Ports ${from} to ${to} are all busy, so the docs could not start.`,
    didNotStart: 'The docs server did not start; try `npm run docs:dev` in another terminal.',
    didNotStartBecause: (reason: string) => `The docs server did not start (${reason}); try \`npm run docs:dev\` in another terminal.`,
    movedPort: (port: number, url: string) => `Port ${port} is busy, so the docs are on ${url}.`,
  },

  backup: {
    failed: (dir: string, cause: string) =>
      `Your files could not be backed up to ${dir}/ (${cause}), so nothing was changed: check that the kit folder is writable (\`npm run workshop -- doctor\`).`,
    copyDiffers: (file: string) => `the copy of ${file} differs`,
    notWritten: (file: string, cause: string) => `${file} could not be written (${cause}).`,
    notWrittenBackedUp: (file: string, cause: string, folder: string, command: string) =>
      `${file} could not be written (${cause}). Your previous files are safe in ${folder}/ (${command}).`,
    backedUp: (count: number, folder: string) => `Your previous ${count === 1 ? 'version is' : 'files are'} backed up in ${folder}/`,
    undo: (command: string) => `Undo: ${command}`,
  },

  starter: {
    gitNotInstalled: 'git is not installed',
    notAClone: 'this folder is not a git clone of the kit',
    fromGit: (file: string, reason: string) =>
      `The starter of ${file} comes from git, and ${reason}: copy that file from the kit's repository instead.`,
    notCommitted: (file: string) => `git has no committed version of ${file}, so there is no starter to go back to.`,
  },

  start: {
    summary: 'what `npm start` runs: the docs, your progress, your exercise re-run on every save',
    usage: (port: number) => `Usage: npm start [-- options]     or     npm run workshop -- start [options]

Serves the docs on http://localhost:${port} and shows your current exercise: the
file to edit, its docs page, and its tests, re-run every time you save.
Keys: h next hint · l list · n next exercise · s solution diff · q quit.
It never moves on by itself: when the tests pass it shows a recap and waits for n.

  --poll       check for changes every 0.1 s instead of waiting for file events
               (also WORKSHOP_POLL=1; automatic on WSL, and as soon as a save
               arrives without a file event, as on network drives)
  --no-docs    do not start the docs server
  --port N     serve the docs on port N (default ${port}; the next free one if busy)`,
    starting: 'Starting the workshop…',
    bye: (command: string) => `Bye! Your progress is saved; ${command} picks up where you left off.`,
  },

  list: {
    summary: 'every exercise with its status (not started / failing n of m / done) and slides',
    usage: `Usage: npm run workshop -- list [--all]

Lists the exercises with your progress: done, failing (how many tests of how
many), or not started, and the slides of the talk each one follows.
  --all   the whole plan for instructors: also the exercises still being written,
          the number of hints, the files to edit and each docs page`,
    heading: 'Your progress',
    done: 'done',
    failingOf: (failing: number, total: number) => `failing ${failing} of ${total}`,
    failing: 'failing',
    notStarted: 'not started',
    hintsSeen: (count: number) => `${count} hint${count > 1 ? 's' : ''} seen`,
    youAreOn: (label: string, start: string, listAll: string) => `You are on ${label}: ${start} to work on it. ${listAll} shows the whole plan.`,
    wholePlan: (total: number, ready: number) => `The whole plan: ${total} exercises, ${ready} ready`,
    comingSoon: 'coming soon',
    hints: (count: number) => `${count} hints`,
    edit: 'edit',
    read: 'read',
    lateJoiners: (command: string) => `Late joiners: ${command} applies the solutions before <id>, backing up first.`,
  },

  check: {
    summary: "run one exercise's tests once (default: the one you are on); exit 0 pass, 1 fail",
    usage: `Usage: npm run workshop -- check [id]

Runs the tests of one exercise once and shows what fails, briefly.
  id    3, 03, 03-circuit-breaker or circuit-breaker (default: the exercise you are on)

Exit code: 0 when every test passes, 1 when some fail, 2 when the exercise or its files cannot be found.`,
    next: (label: string, command: string) => `Next: ${label}  ${command}`,
    fixFirstFailure: 'Fix the first failure and save; `npm start` re-runs the tests on every save.',
    fixAndRunAgain: 'Fix it and run the tests again.',
    stuckHint: (command: string, number: number, total: number) => `Stuck? ${command} shows hint ${number} of ${total}.`,
    stuckSolution: (command: string) => `Stuck? ${command} compares your file with the solution.`,
  },

  hint: {
    summary: 'reveal the next hint (1, 2, 3…) of an exercise; the CLI remembers how many you saw',
    usage: `Usage: npm run workshop -- hint [id]

Shows the next hint of an exercise: the first nudges, the last nearly tells.
Run it again for the next one; the hints you saw are remembered.
  id    3, 03, 03-circuit-breaker or circuit-breaker (default: the exercise you are on)`,
    header: (number: number, total: number) => `Hint ${number} of ${total}`,
    lastHint: (command: string) => `That was the last hint. Still stuck? ${command} shows the answer as a diff.`,
    moreByCommand: (command: string, next: number) => `Need more? ${command} shows hint ${next}.`,
    moreByKey: (key: string, next: number) => `Need more? Press ${key} for hint ${next}.`,
  },

  solution: {
    summary: 'show a coloured diff of your files against the solution (changes nothing)',
    usage: `Usage: npm run workshop -- solution [id]

Shows how your files differ from the reference solution: lines starting with -
are yours, lines starting with + are the solution's. Only the files you edit are
compared, and nothing is changed.
  id    3, 03, 03-circuit-breaker or circuit-breaker (default: the exercise you are on)`,
    heading: (label: string) => `The solution of ${label}`,
    legend: '(- your file, + the solution)',
    same: (file: string) => `${file} is the same as the solution.`,
    missing: (mine: string, theirs: string) => `The kit has no solution for ${mine} (${theirs} is missing).`,
  },

  reset: {
    summary: "put an exercise's starter back; your files are backed up first",
    usage: `Usage: npm run workshop -- reset <id>

Puts the starter of an exercise back, as the kit shipped it, to start it over.
Your files are first copied to .workshop/backups/, and the command prints how
to get them back (npm run workshop -- restore <backup>). The hints you saw stay counted.
  id    3, 03, 03-circuit-breaker or circuit-breaker`,
    needsExercise: 'reset needs the exercise to reset, for example `npm run workshop -- reset 3`.',
    alreadyAtStarter: (label: string) => `${label} is already at its starter; nothing changed.`,
    backAtStarter: (label: string, files: string) => `${label} is back at its starter: ${files}`,
  },

  catchUp: {
    summary: 'join at <id>: apply the solutions of every exercise before it (backed up first)',
    usage: `Usage: npm run workshop -- catch-up <id>

For instructor-led sessions: a learner who joins late starts at <id>. The
solutions of every exercise before <id> are copied over your files (which are
backed up to .workshop/backups/ first, and can be restored with one command),
their tests are run to prove it, and <id> becomes your current exercise.
  id    3, 03, 03-circuit-breaker or circuit-breaker`,
    needsExercise: 'catch-up needs the exercise to join at, for example `npm run workshop -- catch-up 5`.',
    noSolution: (mine: string, theirs: string) => `The kit has no solution for ${mine} (${theirs} is missing), so nothing was changed.`,
    firstExercise: (label: string) => `${label} is the first exercise: there is nothing to catch up on.`,
    caughtUp: (label: string, range: string, files: number) =>
      `Caught up to ${label}: the solutions of ${range} are in place (${files} file${files === 1 ? '' : 's'} changed).`,
    checking: (range: string) => `Checking ${range}…`,
    stillFail: (ids: string, count: number, command: string) => `${ids} still fail${count === 1 ? 's' : ''}: run ${command} to see why.`,
    pass: (range: string, start: string, label: string) => `${range} pass. Now run ${start}: it opens ${label}.`,
  },

  restore: {
    summary: 'list your backups, or put one back (`latest` for the newest)',
    usage: `Usage: npm run workshop -- restore [backup]

Without an argument: lists the backups in .workshop/backups/, the newest first.
With one: copies that backup's files back to where they came from. The files it
replaces are backed up first, so a restore can be undone too.
  backup   a folder name from the list, or latest`,
    noBackups: 'There are no backups yet: reset, catch-up and restore make one before they change a file.',
    heading: 'Your backups, the newest first:',
    putBack: (command: string) => `Put one back with ${command}.`,
    noBackup: (name: string) => `There is no backup "${name}": \`npm run workshop -- restore\` lists them.`,
    alreadyMatch: (name: string) => `Your files already match ${name}; nothing changed.`,
    restored: (name: string) => `Restored ${name}:`,
  },

  verify: {
    summary: 'the kit integrity check that `npm test` runs',
    usage: `Usage: npm run workshop -- verify [--no-docs] [--record]

Proves the kit, as \`npm test\` does: every exercise's tests fail against its
starter for the intended reason and pass against its solution, wrong answers
are rejected, everything type-checks, the docs build. Ends with "N passed, N failed".
  --no-docs   skip the docs build
  --record    rewrite workshop/verify/starter-failures.json from this run (kit authors)`,
  },

  doctor: {
    summary: 'check Node, dependencies, the docs port, write access and git, with how to fix each',
    usage: (port: number) => `Usage: npm run workshop -- doctor [--port N]

Checks this machine for the workshop, one line each: ✓ fine, ! works but note
it, ✗ must be fixed (with how). Run it before a session.
  --port N   the docs port to check (default ${port})

Exit code: 0 when the workshop can run, 2 when something must be fixed.`,
    checking: 'Checking this machine for the workshop…',
    nodeOk: (version: string) => `Node.js ${version} (20 or newer is needed)`,
    nodeTooOld: (version: string) =>
      `Node.js ${version} is too old: install Node.js 20 or newer (https://nodejs.org, or \`nvm install 20\`), then run npm install again.`,
    noPackageJson: 'package.json cannot be read: run this inside the workshop kit folder.',
    depsMissing: (names: string, root: string) => `Dependencies missing: ${names} — run \`npm install\` in ${root}.`,
    depWants: (name: string, installed: string, wanted: string) => `${name} ${installed} (wants ${wanted})`,
    depsOtherVersions: (list: string) => `Dependencies at other versions than the kit pins: ${list} — run \`npm install\`.`,
    depsOk: (count: number) => `Dependencies installed (${count} packages, as pinned in package.json)`,
    portFree: (port: number) => `Port ${port} is free for the docs`,
    portBusy: (port: number, next: number) =>
      `Port ${port} is busy (another dev server?): the docs will use ${next}; to free it, find the program with \`lsof -i :${port}\` (Windows: \`netstat -ano | findstr :${port}\`).`,
    portBusyNoneFree: (port: number) =>
      `Port ${port} is busy (another dev server?): the docs will use another port; to free it, find the program with \`lsof -i :${port}\` (Windows: \`netstat -ano | findstr :${port}\`).`,
    writeOk: 'You can write to exercises/ and .workshop/',
    cannotWrite: (dirs: string) => `Cannot write to ${dirs}: clone the kit into a folder you own, such as your home folder.`,
    gitMissing: 'git is not installed: everything works except `reset`, which takes the starters from git (https://git-scm.com).',
    gitOk: (version: string) => `git ${version}, and the kit is a git clone (\`reset\` takes the starters from it)`,
    gitNoClone: (version: string) =>
      `git ${version} is installed, but the kit is not a git clone: \`reset\` needs one (git clone the kit instead of downloading it).`,
    exercisesFound: (count: number) => `${count} exercises found`,
    polling: (reason: string) => `Saves are noticed by polling every 0.1 s (${reason})`,
    fileEvents: 'Saves are noticed by file events (use `npm start -- --poll` if they are not)',
    allSet: (command: string) => `All set: run ${command}.`,
    fixAbove: (count: number) => `Fix the ✗ line${count > 1 ? 's' : ''} above, then run the doctor again.`,
  },
};

export type Messages = typeof en;
