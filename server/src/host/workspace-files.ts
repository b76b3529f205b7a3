import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceFiles } from '../core/providers';
import { readText } from './files';

/**
 * The repository's files for analyses that follow references between files (kustomize). Every path
 * is confined to the repository: the workspace folder holding it (the CLI's: the working folder),
 * else the nearest folder above with a `.git`. A path that leaves it — by `..` or through a symbolic
 * link (checked on the real path) — is `outside` and never read. Files over 20 MB are not read.
 */
export function createWorkspaceFiles(roots: () => string[]): WorkspaceFiles {
  const gitRoots = new Map<string, string | null>();
  const gitRootOf = (dir: string): string | null => {
    const hit = gitRoots.get(dir);
    if (hit !== undefined) return hit;
    let found: string | null = null;
    for (let d = dir, i = 0; i < 64; i++) {
      if (fs.existsSync(path.join(d, '.git'))) {
        found = d;
        break;
      }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    gitRoots.set(dir, found);
    return found;
  };
  const inside = (root: string, p: string) => {
    const rel = path.relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  const real = (p: string): string | undefined => {
    try {
      return fs.realpathSync(p);
    } catch {
      return undefined;
    }
  };
  /** The real path of `p` when it lies inside the repository, 'missing' or 'outside'. */
  const confine = (p: string): string | 'missing' | 'outside' => {
    const abs = path.resolve(p);
    const rootList = roots().map((r) => path.resolve(r));
    let root = rootList.filter((r) => inside(r, abs)).sort((a, b) => b.length - a.length)[0];
    if (!root) {
      const g = gitRootOf(path.dirname(abs));
      if (!g) return 'outside';
      root = g;
    }
    if (!inside(root, abs)) return 'outside';
    const r = real(abs);
    if (r === undefined) return 'missing';
    const realRoot = real(root) ?? root;
    return inside(realRoot, r) ? r : 'outside';
  };
  return {
    stat(p) {
      const c = confine(p);
      if (c === 'missing' || c === 'outside') return c;
      try {
        return fs.statSync(c).isDirectory() ? 'directory' : 'file';
      } catch {
        return 'missing';
      }
    },
    read(p) {
      const c = confine(p);
      if (c === 'missing' || c === 'outside') return undefined;
      try {
        const st = fs.statSync(c);
        if (!st.isFile() || st.size > 20 * 1024 * 1024) return undefined;
        return readText(c).text;
      } catch {
        return undefined;
      }
    },
  };
}
