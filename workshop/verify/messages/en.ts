/**
 * What the kit's integrity check (workshop/verify) says in its own words, in
 * English. ja.ts says the same in Japanese with exactly these keys and
 * signatures (its type is `Messages`, the type of this object), and
 * messages.test.ts checks the two side by side.
 *
 * Not here, on purpose: what vitest, tsc and vitepress print, test names and
 * assertion messages (they are quoted as they are), and the closing line
 * "N passed, N failed", which CI reads and so stays English (report.ts).
 *
 * A message that takes values is a function of plain strings and numbers, so
 * each language puts them where its grammar wants them.
 */
export const en = {
  usage: `Usage: npm test -- [--no-docs] [--record] [--lang en|ja]
       npm run verify -- [the same options]

The kit's integrity check. It proves, in this order: the structure of every
exercise; the tooling's own tests; every exercise's tests pass against its
solution, fail against its starter for the intended reasons, and reject every
wrong answer; everything type-checks; the docs build.
  --no-docs      skip the docs build (quicker while writing code)
  --record       also rewrite workshop/verify/starter-failures.json from this run
  --lang en|ja   the language of the check's own lines (or WORKSHOP_LANG=en|ja;
                 otherwise the system locale: LC_ALL, LC_MESSAGES, LANG)
It ends with one line "N passed, N failed", in English in every language (CI reads it).
Exit code: 0 when everything passed, 1 when something failed, 2 when the check could not run.`,

  errors: {
    /** `source` is `--lang` or `WORKSHOP_LANG`. */
    badLanguage: (source: string, value: string) => `${source} "${value}" is not a language the workshop speaks: use en or ja.`,
    langNeedsValue: '--lang needs a value after it: en or ja.',
    unknownOption: (option: string) => `The integrity check has no option ${option}: run \`npm test -- --help\` to see its options.`,
    needsValue: (option: string) => `${option} needs a value after it: run \`npm test -- --help\` to see the options.`,
    isSwitch: (option: string) => `${option} is a switch and takes no value: run \`npm test -- --help\` to see the options.`,
    noArguments: (extra: string) => `The integrity check takes options only, not "${extra}": run \`npm test -- --help\` to see them.`,
    couldNotRun: (message: string) => `The integrity check could not run: ${message}`,
  },

  report: {
    /** The line of a section: `✓ structure: 13 of 13 passed`. */
    section: (section: string, passed: number, total: number) => `${section}: ${passed} of ${total} passed`,
    moreDetails: (count: number) => `… and ${count} more`,
    /** The reader's totals; in English it is the very line CI reads, so report.ts prints it once. */
    totals: (passed: number, failed: number) => `${passed} passed, ${failed} failed`,
    docsSkipped: '- docs: skipped (--no-docs)',
    recorded: (file: string) => `recorded the failing tests of every starter in ${file}`,
  },

  sections: {
    structure: 'structure',
    tooling: 'tooling tests',
    solutions: 'exercise tests against the solutions',
    starters: 'exercise tests against the starters',
    wrongAnswers: 'exercise tests against the wrong answers',
    unhandled: 'errors outside any test',
    typeChecks: 'type checks',
    docs: 'docs',
  },

  /** Tests that must pass: each check is "<label>: <test name>". */
  mustPass: {
    toolingLabel: 'tooling',
    solutionLabel: 'solution',
    loads: (label: string, file: string) => `${label}: ${file} loads`,
    /** A test that did not pass and gave no error: `state` is vitest's word (skipped, pending). */
    noError: (state: string) => `test ${state}`,
  },

  starter: {
    loads: (exerciseId: string) => `starter of ${exerciseId} loads`,
    failsAsIntended: (exerciseId: string) => `starter of ${exerciseId} fails for the intended reasons`,
    doesNotLoad: (file: string, error: string) => `${file} does not load: ${error}`,
    noTestFile: 'no test file was found',
    everyTestPasses: 'every test passes against the starter: the learner would have nothing to do',
    wrongReason: (test: string, exerciseId: string, error: string) =>
      `"${test}" fails for another reason than an assertion or a "Not implemented (${exerciseId})" error: ${error}`,
    noRecord: 'no expected failures are recorded: run `npm run verify -- --record` after checking the starter by hand',
    expectedToFail: (test: string) => `"${test}" was expected to fail against the starter but did not`,
    notRecorded: (test: string) => `"${test}" fails against the starter but is not in the recorded list`,
  },

  wrongAnswer: {
    /** `wrongAnswer` is `03-circuit-breaker/two-trials-in-half-open`. */
    rejected: (wrongAnswer: string) => `wrong answer ${wrongAnswer} is rejected by the tests`,
    noTestFile: 'no test file ran against it',
    doesNotLoad: (error: string) => `it does not load, so it proves nothing: ${error}`,
    everyTestPasses: 'every test passes against this wrong answer: the tests miss the mistake',
  },

  structure: {
    complete: (exerciseId: string) => `exercise ${exerciseId} is complete`,
    starterMissing: (file: string) => `starter ${file} is missing`,
    solutionMissing: (file: string) => `solution ${file} is missing`,
    strayInSolution: (file: string) => `${file} is not a file the learner edits (stray)`,
    noTestFile: (folder: string) => `${folder} has no test file`,
    noWrongAnswer: (folder: string) => `no wrong answer under ${folder}`,
    strayInWrongAnswer: (file: string) => `${file} is not a file the learner edits`,
    pageMissing: (page: string) => `${page} is missing`,
    noHints: (page: string, marker: string) => `${page} does not show the hints (${marker})`,
    onlyExerciseFolders: 'solutions/ holds only exercise folders',
    matchesNoExercise: (folder: string) => `${folder} matches no exercise`,
  },

  unhandled: {
    none: 'no unhandled errors',
  },

  typeChecks: {
    kitAndStarters: 'the kit and the starters type-check (tsconfig.json)',
    solutions: 'the solutions type-check against the exercise tests',
    wrongAnswers: 'the wrong answers type-check',
    run: 'the type checks run',
    stopped: (code: string, firstLine: string) => `they stopped (exit ${code}): ${firstLine}`,
  },

  docs: {
    build: 'the docs build (every included file and region exists)',
    exited: (code: string) => `vitepress build exited with ${code}`,
  },
};

export type Messages = typeof en;
