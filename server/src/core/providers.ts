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
 * the caches derived from their data. The service owns them and installs them for the duration of
 * each of its calls (`withProviders`); the modules that need a provider deep in an analysis
 * (kubernetes/crd.ts, kubernetes/schema.ts, loci/provider.ts) read `providers()` instead of a
 * module-level setting, so two services in one process (tests, a CLI inside a server) never share
 * a provider or a derived cache. Analyses are synchronous: the scope cannot leak across an await.
 *
 * Outside any service call (unit tests of single modules) a process default scope answers; the old
 * setters (`setLociDataProvider`, `setCrdSchemaSource`, `setSchemaStore`) write that default only.
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
}

let revisions = 0;

export function createProviders(init: { loci?: LociDataProvider; crd?: CrdSchemaSource; schemaStore?: SchemaStore; files?: WorkspaceFiles } = {}): Providers {
  let caches = new Map<string, unknown>();
  // Unique across services: caches keyed by a revision elsewhere (loci/facts.ts) never mix two services.
  let revision = ++revisions;
  return {
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
      revision = ++revisions;
      caches = new Map();
    },
  };
}

const processDefault = createProviders();
let active: Providers = processDefault;

/** The providers of the service whose call is running (else the process default). */
export function providers(): Providers {
  return active;
}

/** The process default scope (what the legacy setters write). */
export function defaultProviders(): Providers {
  return processDefault;
}

export function withProviders<T>(p: Providers, fn: () => T): T {
  const prev = active;
  active = p;
  try {
    return fn();
  } finally {
    active = prev;
  }
}
