/**
 * The test projects of the kit. The exercise tests are written once and run
 * against several targets (workshop/targets.ts):
 *
 *   exercises   the learner's code (what `npm start` and `check` run)
 *   solutions   the reference solutions (all must pass)
 *   wrong:…     plausible wrong answers (each must be rejected)
 *   tooling     the kit's own tests
 *
 * `npm test` (workshop/verify) runs them all and judges the results.
 */
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { solutions, starters, wrongAnswer, wrongAnswerCases, type Target } from './workshop/targets.js';
import { targetPlugin } from './workshop/testing/target-plugin.js';

const shared = {
  globalSetup: ['./workshop/testing/global-setup.ts'],
  setupFiles: ['./workshop/testing/setup.ts'],
  environment: 'node',
};

function exerciseProject(name: string, target: Target, include: string[]): TestProjectInlineConfiguration {
  return {
    plugins: [targetPlugin(target)],
    test: { ...shared, name, include },
  };
}

function wrongAnswerProjects(): TestProjectInlineConfiguration[] {
  return wrongAnswerCases().map(({ exerciseId, caseName }) => {
    const target = wrongAnswer(exerciseId, caseName);
    return exerciseProject(target.name, target, [`exercises/${exerciseId}/**/*.test.ts`]);
  });
}

export default defineConfig({
  test: {
    projects: [
      exerciseProject('exercises', starters, ['exercises/**/*.test.ts']),
      exerciseProject('solutions', solutions, ['exercises/**/*.test.ts']),
      ...wrongAnswerProjects(),
      { test: { ...shared, name: 'tooling', include: ['workshop/**/*.test.ts', 'docs/.vitepress/**/*.test.ts'] } },
    ],
  },
});
