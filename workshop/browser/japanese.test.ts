import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFacts } from '../i18n/page-facts.js';
import { hasJapanese } from '../language.js';
import { docsDir } from '../paths.js';
import { japaneseSearch } from './japanese.js';

describe('the Japanese search the browser check runs', () => {
  const source = readFileSync(path.join(docsDir, `${japaneseSearch.expected.replace(/^\//, '')}.md`), 'utf8');
  const facts = pageFacts(source);

  it('looks for a word that stands in the middle of a Japanese sentence on the expected page', () => {
    const midSentence = facts.prose.some((text) => {
      const at = text.indexOf(japaneseSearch.query);
      if (at <= 0) return false;
      const before = text[at - 1]!;
      const after = text[at + japaneseSearch.query.length] ?? '';
      return hasJapanese(before) && hasJapanese(after);
    });
    expect(midSentence).toBe(true);
  });

  it('which is in none of its headings, so only a search that splits Japanese sentences finds it', () => {
    expect(facts.headings.filter((heading) => heading.text.includes(japaneseSearch.query))).toEqual([]);
  });
});
