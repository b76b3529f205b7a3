import type { LociDataProvider } from './loci/provider';
import type { CrdSchemaSource } from './kubernetes/crd';
import type { SchemaStore } from './schema';

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
  /** Bumped by `changed()`: part of the keys of data derived from the providers. */
  readonly revision: number;
  /** A cache derived from the providers' data, created on first use, dropped by `changed()`. */
  cache<T>(name: string, create: () => T): T;
  /** The providers' data changed (a file they read changed, one was replaced): drop derived caches. */
  changed(): void;
}

let revisions = 0;

export function createProviders(init: { loci?: LociDataProvider; crd?: CrdSchemaSource; schemaStore?: SchemaStore } = {}): Providers {
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

/**
 * A map bounded by the bytes of its values (UTF-16 length × 2 for strings), least recently used
 * evicted first. A minimal stand-in until `core/util/bounded-cache.ts` (being added in parallel)
 * is merged; then this becomes that.
 */
export class BytesBoundedMap<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (v: V) => number = (v) => (typeof v === 'string' ? v.length * 2 : 64),
  ) {}

  get size(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.total;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key); // most recently used last
    this.map.set(key, e);
    return e.value;
  }

  set(key: string, value: V): this {
    this.delete(key);
    const bytes = this.sizeOf(value) + key.length * 2;
    if (bytes > this.maxBytes) return this;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.map) {
      if (this.total <= this.maxBytes) break;
      this.map.delete(k);
      this.total -= e.bytes;
    }
    return this;
  }

  delete(key: string): boolean {
    const e = this.map.get(key);
    if (!e) return false;
    this.map.delete(key);
    this.total -= e.bytes;
    return true;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}
