/**
 * Which exercise is the learner on? The first one whose tests do not all pass
 * against the learner's code — derived from a real test run, never guessed.
 */
import { exerciseOf } from '../verify/results.js';
import { runVitest } from '../verify/run-vitest.js';
import { exerciseIds } from '../catalog.js';

export interface ExerciseStatus {
  readonly id: string;
  readonly passed: number;
  readonly total: number;
}

export async function exerciseStatuses(): Promise<ExerciseStatus[]> {
  const { modules } = await runVitest(['exercises']);
  return exerciseIds().map((id) => {
    const tests = modules.filter((module) => exerciseOf(module.file) === id).flatMap((module) => module.tests);
    const loads = modules.filter((module) => exerciseOf(module.file) === id).every((m) => m.loadErrors.length === 0);
    return {
      id,
      passed: loads ? tests.filter((test) => test.state === 'passed').length : 0,
      total: Math.max(tests.length, 1),
    };
  });
}

export function isDone(status: ExerciseStatus): boolean {
  return status.passed === status.total;
}
