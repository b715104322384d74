/**
 * Where `reset` finds the original starter of a file: in git, as the kit was
 * cloned. It asks the branch the clone tracks (origin/main, untouched by the
 * learner's own commits) and then HEAD.
 */
import { execFileSync } from 'node:child_process';
import { kitRoot } from '../paths.js';
import { EnvironmentError } from './errors.js';

function git(args: readonly string[]): Buffer {
  return execFileSync('git', ['-C', kitRoot, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
}

/** The content of a kit file (`exercises/03-…/circuit-breaker.ts`) as the kit shipped it. */
export function originalStarter(kitRelative: string): Buffer {
  try {
    git(['rev-parse', '--is-inside-work-tree']);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : 'this folder is not a git clone of the kit';
    throw new EnvironmentError(
      `The starter of ${kitRelative} comes from git, and ${reason}: copy that file from the kit's repository instead.`,
    );
  }
  // `<ref>:./<path>` is read relative to the folder git runs in: the kit.
  for (const ref of ['@{upstream}', 'HEAD']) {
    try {
      return git(['show', `${ref}:./${kitRelative}`]);
    } catch {
      // no upstream, or the file is not in that commit: try the next one
    }
  }
  throw new EnvironmentError(`git has no committed version of ${kitRelative}, so there is no starter to go back to.`);
}
