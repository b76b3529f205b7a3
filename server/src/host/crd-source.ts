import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CrdSchemaSource } from '../core/kubernetes/crd';
import type { ConfigResolver } from './config-resolver';
import { readText } from './files';
import type { PathPolicy } from './repo-root';

/**
 * Reads the schema files named by `kubernetes.crdSchemas` for the core. A relative path is resolved
 * against the folder of the `.dockyard.yaml` that applies to the analysed file, else the workspace
 * folder that contains it, else the file's own folder. Open editor buffers win over the disk; disk
 * reads are cached until the file's size or modification time changes.
 */
export class FileCrdSource implements CrdSchemaSource {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; text: string }>();
  /** Absolute paths read so far (the server re-validates when one of them changes). */
  readonly readPaths = new Set<string>();

  constructor(
    private readonly resolver: ConfigResolver,
    private readonly roots: () => string[] = () => [],
    private readonly openText: (absolutePath: string) => string | undefined = () => undefined,
    /** Where schema paths named by repository configuration may lead (issue #12); unset: anywhere. */
    private readonly policy?: PathPolicy,
  ) {}

  resolve(file: string, documentPath: string): string {
    if (path.isAbsolute(file)) return path.normalize(file);
    const config = path.isAbsolute(documentPath) ? this.resolver.configFileFor(documentPath) : undefined;
    if (config) return path.resolve(path.dirname(config), file);
    const root = this.roots()
      .filter((r) => documentPath === r || documentPath.startsWith(r.endsWith(path.sep) ? r : r + path.sep))
      .sort((a, b) => b.length - a.length)[0];
    if (root) return path.resolve(root, file);
    return path.resolve(path.isAbsolute(documentPath) ? path.dirname(documentPath) : process.cwd(), file);
  }

  read(file: string, documentPath: string): string | undefined {
    const abs = this.resolve(file, documentPath);
    if (this.policy && !this.policy.permits('kubernetes.crdSchemas', abs, documentPath)) return undefined;
    this.readPaths.add(abs);
    const open = this.openText(abs);
    if (open !== undefined) return open;
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      this.cache.delete(abs);
      return undefined;
    }
    if (!st.isFile() || st.size > 20 * 1024 * 1024) return undefined;
    const hit = this.cache.get(abs);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
    try {
      const text = readText(abs).text;
      this.cache.set(abs, { mtimeMs: st.mtimeMs, size: st.size, text });
      return text;
    } catch {
      return undefined;
    }
  }
}
