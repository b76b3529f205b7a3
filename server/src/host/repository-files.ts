import * as fs from 'node:fs';
import * as path from 'node:path';

/** Other tools' configuration files are small; a larger one is not read. */
const MAX_BYTES = 1024 * 1024;

/**
 * Other tools' configuration files of a repository (hadolint's `.hadolint.yaml`), for migrated
 * suppressions. A file is looked for from the analysed file's folder upward, never above the
 * repository it is in: the nearest folder holding `.git`, else the workspace folder containing the
 * file, else the file's own folder. A file that resolves (through a link) outside that root is
 * refused — repositories come from strangers. Where a file was found is cached per folder until
 * `invalidate()`; texts are re-read when their size or modification time changes.
 */
export class RepositoryFiles {
  private readonly located = new Map<string, string | null>();
  private readonly texts = new Map<string, { mtimeMs: number; size: number; text: string }>();

  constructor(private readonly roots: () => string[] = () => []) {}

  invalidate(): void {
    this.located.clear();
  }

  find(fromPath: string, names: readonly string[]): { path: string; text: string } | undefined {
    if (!path.isAbsolute(fromPath)) return undefined;
    const dir = path.dirname(fromPath);
    const key = `${dir}\0${names.join('\0')}`;
    let p = this.located.get(key);
    if (p === undefined) {
      p = this.locate(dir, names) ?? null;
      this.located.set(key, p);
    }
    return p ? this.read(p) : undefined;
  }

  /** The repository root of a folder (see the class comment). */
  repositoryRoot(dir: string): string {
    let d = dir;
    for (let i = 0; i < 64; i++) {
      if (fs.existsSync(path.join(d, '.git'))) return d;
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    const root = this.roots()
      .filter((r) => dir === r || dir.startsWith(r.endsWith(path.sep) ? r : r + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    return root ?? dir;
  }

  private locate(dir: string, names: readonly string[]): string | undefined {
    const root = this.repositoryRoot(dir);
    let realRoot: string;
    try {
      realRoot = fs.realpathSync(root);
    } catch {
      return undefined;
    }
    let d = dir;
    for (let i = 0; i < 64; i++) {
      for (const name of names) {
        const p = path.join(d, name);
        let real: string;
        try {
          real = fs.realpathSync(p);
        } catch {
          continue;
        }
        if (real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) return p;
      }
      if (d === root) break;
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    return undefined;
  }

  private read(p: string): { path: string; text: string } | undefined {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      this.texts.delete(p);
      return undefined;
    }
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    const hit = this.texts.get(p);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return { path: p, text: hit.text };
    try {
      const text = fs.readFileSync(p, 'utf8');
      this.texts.set(p, { mtimeMs: st.mtimeMs, size: st.size, text });
      return { path: p, text };
    } catch {
      return undefined;
    }
  }
}
