/** `vitepress build docs`, in its own process, timed. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { docsDir, kitRoot } from '../paths.js';

export const defaultDistDir = path.join(docsDir, '.vitepress', 'dist');

export interface BuildResult {
  readonly ok: boolean;
  readonly ms: number;
  /** The build's own output (stdout and stderr, interleaved). */
  readonly output: string;
}

/** Builds the docs into `outDir` (VitePress's own dist folder unless told otherwise). */
export function buildSite(outDir = defaultDistDir): Promise<BuildResult> {
  const vitepress = path.join(kitRoot, 'node_modules', 'vitepress', 'bin', 'vitepress.js');
  const args = [vitepress, 'build', 'docs', ...(path.resolve(outDir) === defaultDistDir ? [] : ['--outDir', outDir])];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: kitRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, ms: performance.now() - started, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, ms: performance.now() - started, output }));
  });
}

/**
 * The lines of a failed build's output that say what went wrong: the errors
 * and dead links, without colours, stack frames, repeats, or VitePress's own
 * "Build failed" and "build error:" headings.
 */
export function buildErrors(output: string): string[] {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const lines = plain
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /error|not found|failed|could not|cannot|dead link/i.test(line))
    .filter((line) => !line.startsWith('at ') && !/^(x|✖) |^build error:$/i.test(line));
  return lines.length > 0 ? [...new Set(lines)].slice(0, 8) : [plain.trim().slice(-500)];
}
