/**
 * Where `reset` finds the original starter of a file: in git, as the kit was
 * cloned. It asks the branch the clone tracks (origin/main, untouched by the
 * learner's own commits) and then HEAD.
 */
import { execFileSync } from 'node:child_process';
import { kitRoot } from '../paths.js';
import { EnvironmentError } from './errors.js';
import type { Messages } from './messages/index.js';

function git(args: readonly string[]): Buffer {
  return execFileSync('git', ['-C', kitRoot, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
}

/** The content of a kit file (`exercises/03-…/circuit-breaker.ts`) as the kit shipped it. */
export function originalStarter(kitRelative: string, t: Messages): Buffer {
  try {
    git(['rev-parse', '--is-inside-work-tree']);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t.starter.gitNotInstalled : t.starter.notAClone;
    throw new EnvironmentError(t.starter.fromGit(kitRelative, reason));
  }
  // `<ref>:./<path>` is read relative to the folder git runs in: the kit.
  for (const ref of ['@{upstream}', 'HEAD']) {
    try {
      return git(['show', `${ref}:./${kitRelative}`]);
    } catch {
      // no upstream, or the file is not in that commit: try the next one
    }
  }
  throw new EnvironmentError(t.starter.notCommitted(kitRelative));
}
