import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../catalog.js';
import { languages } from '../language.js';
import { docsDir } from '../paths.js';
import { docsParityProblems, pairProblems } from './docs-parity.js';
import { pageFacts, slugify } from './page-facts.js';

const english = `# 03 · Circuit breaker

## The talk's idea

A circuit breaker stops calling a dependency that keeps failing, and tries again later.

<<< @/../solutions/03-circuit-breaker/circuit-breaker.ts#state

\`\`\`sh
npm run workshop -- check 3
\`\`\`

<!-- hints: 03-circuit-breaker -->

<StreamsFanOut />

::: details Compare with the reference solution
See [the recap](/exercises/03-circuit-breaker#recap).
:::

## Recap
`;

const japanese = `# 03 · サーキットブレーカー

## 講演のアイデア {#the-talk-s-idea}

サーキットブレーカーは、失敗し続ける依存先の呼び出しを止め、後でもう一度試します。

<<< @/../solutions/03-circuit-breaker/circuit-breaker.ts#state

\`\`\`sh
npm run workshop -- check 3
\`\`\`

<!-- hints: 03-circuit-breaker -->

<StreamsFanOut />

::: details 参照実装と比べる
[まとめ](/ja/exercises/03-circuit-breaker#recap) を見てください。
:::

## まとめ {#recap}
`;

const problemsOf = (ja: string) => pairProblems(pageFacts(english), pageFacts(ja));

describe('a Japanese page against its English twin', () => {
  it('a faithful twin has no problems', () => {
    expect(problemsOf(japanese)).toEqual([]);
  });

  it('anchors follow VitePress', () => {
    expect(slugify("The talk's idea")).toBe('the-talk-s-idea');
    expect(slugify('03 · Circuit breaker')).toBe('_03-·-circuit-breaker');
  });

  it.each([
    ['a missing section', japanese.replace('## まとめ {#recap}\n', '')],
    ['a section at another level', japanese.replace('## まとめ', '### まとめ')],
    ['a heading whose anchor differs from English', japanese.replace('{#recap}', '')],
    ['a missing code block', japanese.replace('```sh\nnpm run workshop -- check 3\n```\n', '')],
    ['a code block in another language', japanese.replace('```sh', '```bash')],
    ['a changed snippet', japanese.replace('#state', '#fire')],
    ['a missing hints marker', japanese.replace('<!-- hints: 03-circuit-breaker -->', '')],
    ['a missing diagram', japanese.replace('<StreamsFanOut />', '')],
    ['a container without a Japanese title', japanese.replace('::: details 参照実装と比べる', '::: details')],
    ['a link into the English site', japanese.replace('/ja/exercises/', '/exercises/')],
    [
      'a paragraph left in English',
      japanese.replace(
        'サーキットブレーカーは、失敗し続ける依存先の呼び出しを止め、後でもう一度試します。',
        'A circuit breaker stops calling a dependency that keeps failing.',
      ),
    ],
    ['a heading left in English', japanese.replace('講演のアイデア', "The talk's idea")],
  ])('finds %s', (_what, page) => {
    expect(problemsOf(page)).not.toEqual([]);
  });

  it('reads a <script setup> block as code, not prose', () => {
    const script = "<script setup>\nimport { data } from './stream-record.data'\nconst show = (record) => JSON.stringify(record, null, 2)\n</script>\n\n";
    expect(pairProblems(pageFacts(script + english), pageFacts(script + japanese))).toEqual([]);
  });

  it('lets technical names stand in Latin script inside Japanese prose', () => {
    const page = japanese.replace('後でもう一度試します。', 'DynamoDB Streams と AWS Lambda の event source mapping で後で試します。');
    expect(problemsOf(page)).toEqual([]);
  });
});

describe('the docs as a whole', () => {
  function site(pages: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'docs-parity-'));
    for (const [page, text] of Object.entries(pages)) {
      mkdirSync(path.dirname(path.join(dir, page)), { recursive: true });
      writeFileSync(path.join(dir, page), text);
    }
    return dir;
  }

  it('names an English page without its Japanese twin, and a Japanese page without an English one', () => {
    const dir = site({ 'exercises/03.md': english, 'ja/exercises/03.md': japanese, 'guide/new.md': '# New\n', 'ja/guide/old.md': '# 古い\n' });
    expect(docsParityProblems(dir)).toEqual([
      'docs/guide/new.md has no Japanese twin: write docs/ja/guide/new.md',
      'docs/ja/guide/old.md has no English twin docs/guide/old.md',
    ]);
  });

  it('the kit: every English page has a Japanese twin in step with it', () => {
    expect(docsParityProblems(docsDir)).toEqual([]);
  });
});

describe('the exercise pages', () => {
  it.each(languages)('in %s are titled as the exercise metadata titles them', (language) => {
    for (const exercise of readCatalog()) {
      const page = path.join(docsDir, language === 'en' ? '' : language, 'exercises', `${exercise.id}.md`);
      const h1 = pageFacts(readFileSync(page, 'utf8')).headings.find((heading) => heading.level === 1)?.text;
      expect(h1, page).toBe(`${exercise.id.slice(0, 2)} · ${exercise.title[language]}`);
    }
  });
});
