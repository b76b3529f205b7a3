import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceHost } from '../core/service';
import { ConfigResolver } from './config-resolver';
import { FileCrdSource } from './crd-source';
import { isUnderChartTemplates, readText, walk } from './files';
import { FsLociDataProvider } from './loci-data';

/**
 * The file-system host of a DockyardService (the CLI, the language server, the golden test): reads
 * files, walks folders, finds `.dockyard.yaml` upward, reads loci checkouts and CRD schema files.
 */
export interface NodeHostOptions {
  knownRules: Set<string>;
  /** `--config FILE`: one configuration file for every path. */
  configFile?: string;
  /** Workspace folders (relative CRD schema paths resolve against the one containing a file). */
  roots?: () => string[];
  /** The editor's text of an open file, which wins over the disk for CRD schema files. */
  openText?: (absolutePath: string) => string | undefined;
}

export interface NodeHost extends ServiceHost {
  readonly resolver: ConfigResolver;
  readonly crdSchemas: FileCrdSource;
}

export function createNodeHost(o: NodeHostOptions): NodeHost {
  const resolver = new ConfigResolver(o.knownRules, o.configFile);
  return {
    resolver,
    readFile: (p) => readText(p),
    stat: (p) => {
      try {
        return { type: fs.statSync(p).isDirectory() ? 'directory' : 'file' };
      } catch (e) {
        return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
      }
    },
    realPath: (p) => fs.realpathSync.native(p),
    listFolder: (folder, onFile) => walk(folder, onFile),
    isUnderChartTemplates: (p) => (path.isAbsolute(p) ? isUnderChartTemplates(p) : false),
    findConfig: (p, overrides) => resolver.resolve(p, overrides),
    invalidateConfig: () => resolver.invalidate(),
    lociData: new FsLociDataProvider(),
    crdSchemas: new FileCrdSource(resolver, o.roots ?? (() => []), o.openText),
  };
}
