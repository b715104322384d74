/**
 * The type checks of the integrity gate, run as their own process so they
 * overlap with the tests (main.ts starts it and reads the JSON it prints):
 *
 *   the kit and the starters    tsconfig.json as it is
 *   the solutions               against the very same exercise tests
 *   the wrong answers           compile, their imports answered as the gate runs them
 *
 * main.ts passes `--lang en|ja`: the language of the checks' names.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseLanguage } from '../language.js';
import { solutionsDir, wrongAnswersDir } from '../paths.js';
import { solutions } from '../targets.js';
import { fail, pass, type Check } from './judge.js';
import { messagesFor } from './messages/index.js';
import { typecheck } from './typecheck.js';

function tsFilesUnder(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f))
    : [];
}

const check = (name: string, problems: string[]): Check => (problems.length > 0 ? fail(name, problems) : pass(name));

const { values } = parseArgs({ options: { lang: { type: 'string', default: 'en' } } });
const t = messagesFor(parseLanguage(values.lang, '--lang')).typeChecks;

const checks: Check[] = [
  check(t.kitAndStarters, typecheck()),
  check(t.solutions, typecheck(solutions, tsFilesUnder(solutionsDir))),
  // A wrong answer imports as if it stood in its exercise folder (targets.ts),
  // so one program holds them all; the runtime gate proves the tests reject each.
  check(t.wrongAnswers, typecheck(solutions, tsFilesUnder(wrongAnswersDir), false)),
];
process.stdout.write(JSON.stringify(checks));
