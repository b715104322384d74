/**
 * For writers of the Japanese pages: `npx tsx workshop/i18n/check-docs.ts [page…]`
 * prints what the parity check (part of `npm test`) finds, for all pages or the
 * ones named (`guide/setup.md`, `docs/ja/guide/setup.md`, `setup`).
 */
import { docsParityProblems } from './docs-parity.js';
import { docsDir } from '../paths.js';

/** `docs/ja/guide/setup.md`, `guide/setup.md`, `guide/setup`, `setup` → `guide/setup` or `setup`; a folder (`reference/`) names its pages. */
const wanted = process.argv.slice(2).map((arg) => arg.replace(/^(\.\/)?docs\//, '').replace(/^ja\//, '').replace(/\.md$/, ''));
const only =
  wanted.length === 0
    ? undefined
    : (page: string) => {
        const name = page.replace(/^ja\//, '').replace(/\.md$/, '');
        return wanted.some((w) => (w.endsWith('/') ? name.startsWith(w) : name === w || name.endsWith(`/${w}`)));
      };
const problems = docsParityProblems(docsDir, only);
for (const problem of problems) console.log(problem);
console.log(problems.length === 0 ? 'The Japanese pages are in step with the English ones.' : `${problems.length} problems.`);
process.exitCode = problems.length === 0 ? 0 : 1;
