import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseBindep, type BindepFile } from '../core/loci/bindep';
import { bundledLociData, type LociData, type LociDataProvider } from '../core/loci/provider';
import { CONFIG_FILE_NAMES } from '../core/config/config';
import type { PathPolicy } from './repo-root';

/**
 * The loci data provider of the CLI and the language server: reads `bindep.txt` / `pydep.txt` of a loci
 * checkout (and EXTRA_BINDEP / EXTRA_PYDEP files) from disk. Parsed files are cached by path and
 * re-read when their size or modification time changes. Relative folders (`loci.path: ../loci` in a
 * `.dockyard.yaml`) are resolved against the folder of the nearest `.dockyard.yaml` above the analysed
 * file, else against the file's own folder.
 */
export class FsLociDataProvider implements LociDataProvider {
  private readonly files = new Map<string, { stamp: string; file: BindepFile }>();
  private readonly listeners: (() => void)[] = [];

  /** The providers of each service using this reader subscribe: a re-read file drops their derived caches. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** `policy`: where folders and files named by repository configuration may lead (issue #12); unset: anywhere. */
  constructor(private readonly policy?: PathPolicy) {}

  private permits(setting: string, abs: string, fromFile: string): boolean {
    return !this.policy || this.policy.permits(setting, abs, fromFile);
  }

  get(dir: string, fromFile: string): LociData | undefined {
    const abs = this.resolveDir(dir, fromFile);
    if (!abs || !this.permits('loci.path', abs, fromFile)) return undefined;
    const bindep = this.read(path.join(abs, 'bindep.txt'));
    const pydep = this.read(path.join(abs, 'pydep.txt'));
    if (!bindep && !pydep) return undefined;
    const bundled = bundledLociData();
    return { bindep: bindep ?? bundled.bindep, pydep: pydep ?? bundled.pydep, source: abs };
  }

  extra(dir: string, relPath: string, fromFile: string): BindepFile | undefined {
    const abs = this.resolveDir(dir, fromFile);
    if (!abs) return undefined;
    const file = path.resolve(abs, relPath);
    if (!this.permits(path.basename(relPath).startsWith('pydep') ? 'EXTRA_PYDEP' : 'EXTRA_BINDEP', file, fromFile)) return undefined;
    return this.read(file) ?? undefined;
  }

  /** A plain-named text file of folder `dir` (loci CI vars files), at most 4 MB; undefined when unreadable. */
  readText(dir: string, relPath: string, fromFile: string): string | undefined {
    const abs = this.resolveDir(dir, fromFile);
    if (!abs || path.basename(relPath) !== relPath) return undefined;
    const p = path.join(abs, relPath);
    if (!this.permits('loci.path', p, fromFile)) return undefined;
    try {
      const st = fs.statSync(p);
      if (!st.isFile() || st.size > 4 * 1024 * 1024) return undefined;
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The names of the files in folder `dir` (sibling vars files are found by name). */
  listFiles(dir: string, fromFile: string): string[] | undefined {
    const abs = this.resolveDir(dir, fromFile);
    if (!abs || !this.permits('loci.path', abs, fromFile)) return undefined;
    try {
      return fs
        .readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
    } catch {
      return undefined;
    }
  }

  private resolveDir(dir: string, fromFile: string): string | undefined {
    if (path.isAbsolute(dir)) return dir;
    if (!fromFile || !path.isAbsolute(fromFile)) return undefined;
    let d = path.dirname(fromFile);
    for (let i = 0; i < 64; i++) {
      if (CONFIG_FILE_NAMES.some((n) => fs.existsSync(path.join(d, n)))) return path.resolve(d, dir);
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    return path.resolve(path.dirname(fromFile), dir);
  }

  private read(p: string): BindepFile | undefined {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      if (this.files.delete(p)) this.changed();
      return undefined;
    }
    if (!st.isFile() || st.size > 4 * 1024 * 1024) return undefined;
    const stamp = `${st.size}:${st.mtimeMs}`;
    const hit = this.files.get(p);
    if (hit && hit.stamp === stamp) return hit.file;
    try {
      const file = parseBindep(fs.readFileSync(p, 'utf8'));
      if (hit) this.changed();
      this.files.set(p, { stamp, file });
      return file;
    } catch {
      return undefined;
    }
  }
}
