import { describe, expect, it } from 'vitest';
import { catalogPairs, catalogProblems } from './catalog-parity.js';

const en = {
  heading: 'Progress',
  separator: ', ',
  hint: { header: (n: number, of: number) => `Hint ${n} of ${of}`, exercises: (n: number) => `${n} exercise${n === 1 ? '' : 's'}` },
};
const ja = {
  heading: '進捗',
  separator: '、',
  hint: { header: (n: number, of: number) => `ヒント ${n}/${of}`, exercises: (n: number) => `演習 ${n} 件` },
};

describe('catalogProblems', () => {
  it('finds nothing wrong with twins', () => {
    expect(catalogProblems(en, ja, ['separator'])).toEqual([]);
    expect(catalogPairs(en, ja).map((pair) => pair.path)).toEqual(['heading', 'hint.exercises', 'hint.header', 'separator']);
  });

  it('finds a message missing, of another kind, or taking other values', () => {
    const { heading: _gone, ...withoutHeading } = ja;
    expect(catalogProblems(en, withoutHeading, ['separator'])).toEqual(['heading: en string, ja missing']);
    expect(catalogProblems(en, { ...ja, heading: () => '進捗' }, ['separator'])).toEqual(['heading: en string, ja a function of 0']);
    expect(catalogProblems(en, { ...ja, hint: { ...ja.hint, header: (n: number) => `ヒント ${n}` } }, ['separator'])).toEqual([
      'hint.header: en a function of 2, ja a function of 1',
    ]);
  });

  it('finds a Japanese message left in English, in any branch of a plural', () => {
    expect(catalogProblems(en, { ...ja, heading: 'Progress' }, ['separator'])).toEqual(['heading is the same as in English: "Progress"']);
    const halfDone = { ...ja, hint: { ...ja.hint, exercises: (n: number) => (n === 1 ? '演習 1 件' : `${n} exercises`) } };
    expect(catalogProblems(en, halfDone, ['separator'])).toEqual([
      'hint.exercises is the same as in English: "2 exercises"',
      'hint.exercises is the same as in English: "x exercises"',
    ]);
  });

  it('finds Japanese in the English catalog, and a language-neutral message that does not exist', () => {
    expect(catalogProblems({ ...en, heading: '進捗' }, { ...ja, heading: '進み具合' }, ['separator', 'footer'])).toEqual([
      'heading has Japanese in English: "進捗"',
      'footer is named language-neutral but is not in the catalogs',
    ]);
  });

  it('lets a language-neutral message hold no Japanese, but not be the English one', () => {
    expect(catalogProblems(en, ja)).toEqual(['separator has no Japanese: "、"']);
    expect(catalogProblems(en, { ...ja, separator: ', ' }, ['separator'])).toEqual(['separator is the same as in English: ", "']);
  });
});
