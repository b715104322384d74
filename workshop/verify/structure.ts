/**
 * Structure checks: every exercise is complete and nothing is stray.
 * metadata valid · every edited file has a starter and a solution twin ·
 * solutions hold nothing else · a test file · a wrong answer · a docs page that
 * shows the hints from the metadata.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { exerciseIds, readExercise } from '../catalog.js';
import { docsDir, exercisesDir, solutionsDir, wrongAnswersDir } from '../paths.js';
import { fail, pass, type Check } from './judge.js';
import type { Messages } from './messages/index.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'));
}

function checkExercise(id: string, t: Messages): Check {
  const name = t.structure.complete(id);
  let meta;
  try {
    meta = readExercise(id);
  } catch (error) {
    return fail(name, [(error as Error).message]);
  }
  const problems: string[] = [];
  for (const file of meta.files) {
    if (!existsSync(path.join(exercisesDir, id, file))) problems.push(t.structure.starterMissing(`exercises/${id}/${file}`));
    if (!existsSync(path.join(solutionsDir, id, file))) problems.push(t.structure.solutionMissing(`solutions/${id}/${file}`));
  }
  for (const file of filesUnder(path.join(solutionsDir, id)))
    if (!meta.files.includes(file)) problems.push(t.structure.strayInSolution(`solutions/${id}/${file}`));
  if (!filesUnder(path.join(exercisesDir, id)).some((file) => file.endsWith('.test.ts')))
    problems.push(t.structure.noTestFile(`exercises/${id}`));

  const wrongCases = existsSync(path.join(wrongAnswersDir, id)) ? readdirSync(path.join(wrongAnswersDir, id)) : [];
  if (wrongCases.length === 0) problems.push(t.structure.noWrongAnswer(`workshop/fixtures/wrong-answers/${id}/`));
  for (const caseName of wrongCases)
    for (const file of filesUnder(path.join(wrongAnswersDir, id, caseName)))
      if (!meta.files.includes(file))
        problems.push(t.structure.strayInWrongAnswer(`workshop/fixtures/wrong-answers/${id}/${caseName}/${file}`));

  const page = path.join(docsDir, 'exercises', `${id}.md`);
  const marker = `<!-- hints: ${id} -->`;
  if (!existsSync(page)) problems.push(t.structure.pageMissing(`docs/exercises/${id}.md`));
  else if (!readFileSync(page, 'utf8').includes(marker)) problems.push(t.structure.noHints(`docs/exercises/${id}.md`, marker));
  return problems.length > 0 ? fail(name, problems) : pass(name);
}

export function checkStructure(t: Messages): Check[] {
  const ids = exerciseIds();
  const checks = ids.map((id) => checkExercise(id, t));
  const strays = readdirSync(solutionsDir).filter((entry) => !ids.includes(entry));
  const name = t.structure.onlyExerciseFolders;
  checks.push(
    strays.length > 0 ? fail(name, strays.map((entry) => t.structure.matchesNoExercise(`solutions/${entry}`))) : pass(name),
  );
  return checks;
}
