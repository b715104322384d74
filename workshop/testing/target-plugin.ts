/**
 * A Vite plugin that makes vitest run the exercise tests against a target
 * (see ../targets.ts): relative imports inside an exercise are answered by the
 * target's layers. The tests themselves are never copied. A query such as
 * `?raw` (a test reading a file's source) is kept, so it reads the target's file.
 */
import type { Plugin } from 'vite';
import { redirect, sourceFileOf, type Target } from '../targets.js';

export function targetPlugin(target: Target): Plugin {
  return {
    name: `workshop-target:${target.name}`,
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const [specifier = source, query] = source.split('?');
      const file = redirect(target, sourceFileOf(importer.split('?')[0]!, specifier));
      if (!file) return null;
      return query === undefined ? file : `${file}?${query}`;
    },
  };
}
