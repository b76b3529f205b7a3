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

/** A path a repository supplied that was not followed: which setting named it, and the root it must stay in. */
export interface RefusedPath {
  setting: string;
  path: string;
  root: string;
}

/**
 * Decides whether a path named by repository configuration may be read. `rootOf(fromFile)` is the
 * folder a path must stay in (the CLI: the repository root; the editor in Restricted Mode: the
 * workspace folder); `allow` are extra folders (`--allow-path`). A refused path is reported once.
 */
export class PathPolicy {
  private readonly reported = new Set<string>();

  constructor(
    private readonly rootOf: (fromFile: string) => string | undefined,
    private readonly allow: readonly string[] = [],
    private readonly report: (r: RefusedPath) => void = () => undefined,
  ) {}

  /** Whether `abs`, named by `setting` for the analysis of `fromFile`, may be read. */
  permits(setting: string, abs: string, fromFile: string): boolean {
    const root = path.isAbsolute(fromFile) ? this.rootOf(fromFile) : undefined;
    if (root === undefined) return true;
    if (confined(abs, [root, ...this.allow])) return true;
    const key = `${setting}\0${abs}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.report({ setting, path: abs, root });
    }
    return false;
  }
}

/** The CLI's policy: inside the repository root of the analysed file (git root, else its `.dockyard.yaml`'s folder) or an allowed folder. */
export function repositoryPathPolicy(configFileFor: (file: string) => string | undefined, allow: readonly string[], report: (r: RefusedPath) => void): PathPolicy {
  return new PathPolicy((file) => repositoryRoot(path.dirname(file), configFileFor(file)), allow, report);
}
