import * as fs from 'node:fs';
import * as path from 'node:path';
import { findConfigFile, mergeConfig, parseConfigFile, type DockyardConfig, type PartialConfig } from '../core/config/config';
import type { Message } from '../core/types';

/**
 * Resolves the configuration of a file: defaults < `.dockyard.yaml` found upward < editor settings
 * (or CLI flags). Config files are read once and cached until `invalidate()`.
 */
export class ConfigResolver {
  private readonly fileCache = new Map<string, { config: PartialConfig; problems: Message[] }>();
  private readonly dirCache = new Map<string, string | null>();
  /** The merged configuration per config file (`''`: none) for the last overrides object seen (one object per service settings). */
  private readonly merged = new Map<string, { overrides: PartialConfig | undefined; config: DockyardConfig }>();

  constructor(
    private readonly knownRules: Set<string>,
    private readonly explicitFile?: string,
  ) {}

  invalidate(): void {
    this.fileCache.clear();
    this.dirCache.clear();
    this.merged.clear();
  }

  configFileFor(filePath: string): string | undefined {
    if (this.explicitFile) return this.explicitFile;
    if (!path.isAbsolute(filePath)) return undefined;
    const dir = path.dirname(filePath);
    const cached = this.dirCache.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    const found = findConfigFile(filePath, (p) => fs.existsSync(p), path.join, path.dirname);
    this.dirCache.set(dir, found ?? null);
    return found;
  }

  loadFile(p: string): { config: PartialConfig; problems: Message[] } {
    let c = this.fileCache.get(p);
    if (!c) {
      try {
        c = parseConfigFile(fs.readFileSync(p, 'utf8'), this.knownRules);
      } catch (e) {
        c = { config: {}, problems: [{ id: 'core.config.invalid', args: { detail: (e as Error).message } }] };
      }
      this.fileCache.set(p, c);
    }
    return c;
  }

  /** The config files read so far and their problems (the CLI prints them). */
  loaded(): { file: string; problems: Message[] }[] {
    return [...this.fileCache].map(([file, c]) => ({ file, problems: c.problems }));
  }

  resolve(filePath: string, overrides?: PartialConfig): { config: DockyardConfig; file?: string; problems: Message[] } {
    const file = this.configFileFor(filePath);
    const loaded = file ? this.loadFile(file) : undefined;
    // Every file under one config file shares one merged object (configurations are never
    // modified): no clone per analysis, and the analyzer's per-configuration caches hit.
    let m = this.merged.get(file ?? '');
    if (!m || m.overrides !== overrides) this.merged.set(file ?? '', (m = { overrides, config: mergeConfig(loaded?.config, overrides) }));
    return { config: m.config, file, problems: loaded?.problems ?? [] };
  }
}
