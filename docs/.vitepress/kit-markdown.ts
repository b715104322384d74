/**
 * Two markdown additions that keep the docs honest:
 *
 * 1. `<!-- hints: 03-circuit-breaker -->` becomes the exercise's hints, folded,
 *    read from its exercise.json in the page's language (pages under docs/ja/
 *    get the Japanese ones) — hints are written once and the CLI shows the
 *    very same text.
 * 2. Code included with `<<< @/../solutions/…/file.ts#region` must exist.
 *    VitePress only prints "Code snippet path not found" into the page; here a
 *    missing file or region stops the build with the page and the path named.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MarkdownRenderer } from 'vitepress';
import { readExercise } from '../../workshop/catalog.js';
import type { Language } from '../../workshop/language.js';

export class SnippetError extends Error {
  override name = 'SnippetError';
}

const hintsLine = /^<!--\s*hints:\s*([\w-]+)\s*-->$/gm;

const hintTitle: Record<Language, (number: number) => string> = {
  en: (number) => `Hint ${number}`,
  ja: (number) => `ヒント ${number}`,
};

export function hintsMarkdown(exerciseId: string, language: Language = 'en'): string {
  const { hints } = readExercise(exerciseId);
  return hints.map((hint, index) => `::: details ${hintTitle[language](index + 1)}\n${hint[language]}\n:::`).join('\n\n');
}

/** The language of a page, from where it sits: `ja/…` is Japanese, everything else English. */
export function pageLanguage(relativePath: string | undefined): Language {
  return relativePath?.replace(/\\/g, '/').startsWith('ja/') ? 'ja' : 'en';
}

/** True when `lines` hold `// #region name` and, after it, `// #endregion name`. */
export function hasRegion(source: string, name: string): boolean {
  const lines = source.split(/\r?\n/).map((line) => line.trim());
  const start = lines.findIndex((line) => new RegExp(`^//\\s?#?region ${name}$`).test(line));
  return start >= 0 && lines.slice(start + 1).some((line) => new RegExp(`^//\\s?#?endregion ${name}$`).test(line));
}

export function kitMarkdown(md: MarkdownRenderer): void {
  md.core.ruler.before('normalize', 'kit-hints', (state) => {
    const language = pageLanguage((state.env as { relativePath?: string } | undefined)?.relativePath);
    state.src = state.src.replace(hintsLine, (_line, id: string) => hintsMarkdown(id, language));
  });

  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const [file, region] = ((tokens[index] as { src?: [string, string] }).src ?? []) as [string?, string?];
    if (file) {
      const page = path.relative(process.cwd(), String(env.realPath ?? env.path ?? 'a page'));
      if (!existsSync(file) || !statSync(file).isFile())
        throw new SnippetError(`${page}: code snippet file not found: ${path.relative(process.cwd(), file)}`);
      if (region && !hasRegion(readFileSync(file, 'utf8'), region))
        throw new SnippetError(`${page}: region "${region}" not found in ${path.relative(process.cwd(), file)}`);
    }
    return fence(tokens, index, options, env, self);
  };
}
