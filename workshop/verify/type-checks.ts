/**
 * The type checks of the integrity gate, run as their own process so they
 * overlap with the tests (main.ts starts it and reads the JSON it prints):
 *
 *   the kit and the starters    tsconfig.json as it is
 *   the solutions               against the very same exercise tests
 *   the wrong answers           compile, their imports answered as the gate runs them
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { solutionsDir, wrongAnswersDir } from '../paths.js';
import { solutions } from '../targets.js';
import { fail, pass, type Check } from './judge.js';
import { typecheck } from './typecheck.js';

function tsFilesUnder(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f))
    : [];
}

const check = (name: string, problems: string[]): Check => (problems.length > 0 ? fail(name, problems) : pass(name));

const checks: Check[] = [
  check('the kit and the starters type-check (tsconfig.json)', typecheck()),
  check('the solutions type-check against the exercise tests', typecheck(solutions, tsFilesUnder(solutionsDir))),
  // A wrong answer imports as if it stood in its exercise folder (targets.ts),
  // so one program holds them all; the runtime gate proves the tests reject each.
  check('the wrong answers type-check', typecheck(solutions, tsFilesUnder(wrongAnswersDir), false)),
];
process.stdout.write(JSON.stringify(checks));
