import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceHost } from '../core/service';
import { ConfigResolver } from './config-resolver';
import { FileCrdSource } from './crd-source';
import { isUnderChartTemplates, readText, walk } from './files';
import { FsLociDataProvider } from './loci-data';
import { createWorkspaceFiles } from './workspace-files';
import { RepositoryFiles } from './repository-files';
import type { PathPolicy } from './repo-root';

/**
 * The file-system host of a DockyardService (the CLI, the language server, the golden test): reads
 * files, walks folders, finds `.dockyard.yaml` upward, reads loci checkouts, CRD schema files and
 * other tools' configuration in the repository (`.hadolint.yaml`).
 */
export interface NodeHostOptions {
  knownRules: Set<string>;
  /** `--config FILE`: one configuration file for every path. */
  configFile?: string;
  /** Workspace folders (relative CRD schema paths resolve against the one containing a file). */
  roots?: () => string[];
  /** The editor's text of an open file, which wins over the disk for CRD schema files. */
  openText?: (absolutePath: string) => string | undefined;
  /** Where paths named by repository configuration (CRD schemas, loci.path, EXTRA_BINDEP) may lead; unset: anywhere. */
  pathPolicy?: (resolver: ConfigResolver) => PathPolicy;
}

export interface NodeHost extends ServiceHost {
  readonly resolver: ConfigResolver;
  readonly crdSchemas: FileCrdSource;
}

export function createNodeHost(o: NodeHostOptions): NodeHost {
  const resolver = new ConfigResolver(o.knownRules, o.configFile);
  const policy = o.pathPolicy?.(resolver);
  const crdSchemas = new FileCrdSource(resolver, o.roots ?? (() => []), o.openText, policy);
  const repoFiles = new RepositoryFiles(o.roots);
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
    configProblems: () => resolver.loaded(),
    invalidateConfig: () => {
      resolver.invalidate();
      repoFiles.invalidate();
    },
    repositoryFile: (p, names) => repoFiles.find(p, names),
    lociData: new FsLociDataProvider(policy),
    files: createWorkspaceFiles(o.roots ?? (() => [])),
    crdSchemas,
    // Paths named by configuration resolve as CRD schema paths do (the .dockyard.yaml's folder, else the workspace folder).
    resolvePath: (file, documentPath) => crdSchemas.resolve(file, documentPath),
  };
}
