/**
 * A Vite plugin that makes vitest run the exercise tests against a target
 * (see ../targets.ts): relative imports inside an exercise are answered by the
 * target's layers. The tests themselves are never copied.
 */
import type { Plugin } from 'vite';
import { redirect, sourceFileOf, type Target } from '../targets.js';

export function targetPlugin(target: Target): Plugin {
  return {
    name: `workshop-target:${target.name}`,
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      return redirect(target, sourceFileOf(importer.split('?')[0]!, source)) ?? null;
    },
  };
}
