/**
 * Structure checks: every exercise is complete and nothing is stray.
 * metadata valid · every edited file has a starter and a solution twin ·
 * solutions hold nothing else · a test file · a wrong answer · a docs page that
 * shows the hints from the metadata.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { exerciseIds, readExercise } from '../catalog.js';
import { exercisesDir, kitRoot, solutionsDir, wrongAnswersDir } from '../paths.js';
import { fail, pass, type Check } from './judge.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'));
}

function checkExercise(id: string): Check {
  const name = `exercise ${id} is complete`;
  let meta;
  try {
    meta = readExercise(id);
  } catch (error) {
    return fail(name, [(error as Error).message]);
  }
  const problems: string[] = [];
  for (const file of meta.files) {
    if (!existsSync(path.join(exercisesDir, id, file))) problems.push(`starter exercises/${id}/${file} is missing`);
    if (!existsSync(path.join(solutionsDir, id, file))) problems.push(`solution solutions/${id}/${file} is missing`);
  }
  for (const file of filesUnder(path.join(solutionsDir, id)))
    if (!meta.files.includes(file)) problems.push(`solutions/${id}/${file} is not a file the learner edits (stray)`);
  if (!filesUnder(path.join(exercisesDir, id)).some((file) => file.endsWith('.test.ts')))
    problems.push(`exercises/${id} has no test file`);

  const wrongCases = existsSync(path.join(wrongAnswersDir, id)) ? readdirSync(path.join(wrongAnswersDir, id)) : [];
  if (wrongCases.length === 0) problems.push(`no wrong answer under workshop/fixtures/wrong-answers/${id}/`);
  for (const caseName of wrongCases)
    for (const file of filesUnder(path.join(wrongAnswersDir, id, caseName)))
      if (!meta.files.includes(file))
        problems.push(`workshop/fixtures/wrong-answers/${id}/${caseName}/${file} is not a file the learner edits`);

  const page = path.join(kitRoot, 'docs', 'exercises', `${id}.md`);
  if (!existsSync(page)) problems.push(`docs/exercises/${id}.md is missing`);
  else if (!readFileSync(page, 'utf8').includes(`<!-- hints: ${id} -->`))
    problems.push(`docs/exercises/${id}.md does not show the hints (<!-- hints: ${id} -->)`);
  return problems.length > 0 ? fail(name, problems) : pass(name);
}

export function checkStructure(): Check[] {
  const ids = exerciseIds();
  const checks = ids.map(checkExercise);
  const strays = readdirSync(solutionsDir).filter((entry) => !ids.includes(entry));
  checks.push(
    strays.length > 0
      ? fail('solutions/ holds only exercise folders', strays.map((entry) => `solutions/${entry} matches no exercise`))
      : pass('solutions/ holds only exercise folders'),
  );
  return checks;
}
