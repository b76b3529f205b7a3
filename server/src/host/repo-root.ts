import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside, realPathOf } from './safe-write';

/**
 * The repository a file belongs to, and confinement of paths a repository supplies (issue #12): a
 * cloned repository's `.dockyard.yaml` or build definitions are untrusted input, so paths they name
 * (CRD schemas, loci.path, EXTRA_BINDEP) are followed only inside the repository root — the git root,
 * else the folder of the `.dockyard.yaml` — or inside a folder the user allowed (`--allow-path`).
 * Symbolic links are resolved before the check (a link inside the repository to /etc is outside).
 */

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file in worktrees), or undefined. */
export function gitRoot(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(cur, '.git'))) return cur;
    const up = path.dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

/** The repository root for a file in `dir` configured by `configFile`: the git root, else the config's folder, else `dir`. */
export function repositoryRoot(dir: string, configFile?: string): string {
  return gitRoot(dir) ?? (configFile ? path.dirname(path.resolve(configFile)) : path.resolve(dir));
}

/** Whether `p` (symbolic links resolved) lies inside one of `roots` (their links resolved too). */
export function confined(p: string, roots: readonly string[]): boolean {
  const real = realPathOf(p);
  return roots.some((r) => isInside(realPathOf(r), real));
}
