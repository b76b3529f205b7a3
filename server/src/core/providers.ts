import type { BindepFile } from './loci/bindep';
import type { SchemaStore } from './schema';

/** The loci data of a checkout (see loci/provider.ts). */
export interface LociData {
  bindep: BindepFile;
  pydep: BindepFile;
  /** `bundled`, or the folder the files were read from. */
  source: 'bundled' | string;
}

/**
 * Where the loci data (bindep.txt / pydep.txt) comes from: a host (CLI, language server) installs one
 * that reads a loci checkout; without one, or when the checkout has no such files, the bundled
 * upstream copy is used.
 */
export interface LociDataProvider {
  /**
   * The bindep.txt / pydep.txt of the loci checkout in folder `dir` (absolute, or relative to the
   * configuration of `fromFile`, as the host decides), or undefined when that folder has neither. A
   * missing one of the two falls back to the bundled copy of that file.
   */
  get(dir: string, fromFile: string): LociData | undefined;
  /** An EXTRA_BINDEP / EXTRA_PYDEP file (a path in the build context `dir`), parsed; undefined when unreadable. */
  extra?(dir: string, relPath: string, fromFile: string): BindepFile | undefined;
  /**
   * A text file of the repository (loci CI vars files: `playbooks/vars_2025.2_noble.yaml`): `relPath`
   * is a plain file name in folder `dir`; undefined when unreadable. Optional: without it the core
   * reads through `extra` (the same bounded reader; the file's text is kept by the parse).
   */
  readText?(dir: string, relPath: string, fromFile: string): string | undefined;
  /** The names of the files in folder `dir` (sibling vars files are found by name); undefined when unknown. */
  listFiles?(dir: string, fromFile: string): string[] | undefined;
  /** Register a listener called when data the provider returned earlier changed (a file was edited on disk). */
  onChange?(listener: () => void): void;
}

/** Reads the schema files `kubernetes.crdSchemas` names (see kubernetes/crd.ts). */
export interface CrdSchemaSource {
  /**
   * The text of a configured schema file, or undefined when it cannot be read. `file` is the value
   * from the configuration (relative or absolute); `documentPath` is the file being analysed, so the
   * host can resolve relative paths against that file's configuration or workspace folder.
   */
  read(file: string, documentPath: string): string | undefined;
}

/**
 * Files of the repository for analyses that follow references between files (kustomize): the host
 * confines every path to the repository (a path outside it is `outside` and never read).
 */
export interface WorkspaceFiles {
  stat(path: string): 'file' | 'directory' | 'missing' | 'outside';
  /** The text of a file inside the repository, undefined when unreadable or outside. */
  read(path: string): string | undefined;
}

/**
 * The providers of one DockyardService (loci data, CRD schema files, the Kubernetes schema store) and
 * the caches derived from their data. The service creates them and hands them to its Analyzer, which
 * passes them to every rule in its context (`ctx.providers`) and to the editor features
 * (`FeatureContext.providers`); the modules that need a provider (kubernetes/crd.ts,
 * kubernetes/schema.ts, loci/provider.ts, the bindep and shell caches) take them as a parameter.
 * Nothing is reached through a module-level "current" scope, so two services in one process (tests,
 * a CLI inside a server) never share a provider or a derived cache.
 */
export interface Providers {
  loci?: LociDataProvider;
  crd?: CrdSchemaSource;
  schemaStore?: SchemaStore;
  files?: WorkspaceFiles;
  /** Bumped by `changed()`: part of the keys of data derived from the providers. */
  readonly revision: number;
  /** A cache derived from the providers' data, created on first use, dropped by `changed()`. */
  cache<T>(name: string, create: () => T): T;
  /** The providers' data changed (a file they read changed, one was replaced): drop derived caches. */
  changed(): void;
  /**
   * State that lives as long as these providers, whatever their data revision (what the schema
   * store has registered: kubernetes/schema.ts); created on first use, never dropped.
   */
  state<T>(name: string, create: () => T): T;
}

export function createProviders(init: { loci?: LociDataProvider; crd?: CrdSchemaSource; schemaStore?: SchemaStore; files?: WorkspaceFiles } = {}): Providers {
  let caches = new Map<string, unknown>();
  const states = new Map<string, unknown>();
  // Keys of derived data also hold the Providers object itself where data may outlive it (see
  // loci/facts.ts), so a per-object counter is enough.
  let revision = 0;
  const p: Providers = {
    ...init,
    get revision() {
      return revision;
    },
    cache<T>(name: string, create: () => T): T {
      let c = caches.get(name) as T | undefined;
      if (c === undefined) {
        c = create();
        caches.set(name, c);
      }
      return c;
    },
    changed() {
      revision++;
      caches = new Map();
    },
    state<T>(name: string, create: () => T): T {
      let s = states.get(name) as T | undefined;
      if (s === undefined) {
        s = create();
        states.set(name, s);
      }
      return s;
    },
  };
  // A provider that notices its data changed on disk (host/loci-data.ts) tells these providers.
  init.loci?.onChange?.(() => p.changed());
  return p;
}
