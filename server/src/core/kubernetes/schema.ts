import type { DockyardConfig } from '../config/config';
import { createSchemaStore, type SchemaStore } from '../schema';
import { minorVersion } from './lifecycle';
import { defaultProviders, providers } from '../providers';

/**
 * One schema store per process, created on first use (the store itself reads nothing until asked,
 * then reads each package file once). Rules, hover and completion share it; nothing is loaded per
 * keystroke. Tests and hosts may install another store.
 */
/** The store of the running service (providers.ts; created on first use, one per service). */
export function schemaStore(): SchemaStore {
  const p = providers();
  if (!p.schemaStore) p.schemaStore = createSchemaStore();
  return p.schemaStore;
}

export function setSchemaStore(s: SchemaStore | undefined): void {
  defaultProviders().schemaStore = s;
  defaultProviders().changed();
}

/** Custom (CRD) schemas registered in the store, by `apiVersion\nkind`, with the schema object given (per service). */
const customByStore = new WeakMap<SchemaStore, Map<string, unknown>>();
const customSchemasOf = (s: SchemaStore = schemaStore()) => {
  let m = customByStore.get(s);
  if (!m) customByStore.set(s, (m = new Map()));
  return m;
};

/** Register a CRD schema in the shared store unless this very schema object is already registered. */
export function ensureCustomSchema(apiVersion: string, kind: string, schema: unknown, s: SchemaStore = schemaStore()): void {
  const key = `${apiVersion}\n${kind}`;
  const customSchemas = customSchemasOf(s);
  if (customSchemas.get(key) === schema) return;
  s.addCustomSchema(apiVersion, kind, schema);
  customSchemas.set(key, schema);
}

/** Whether the store knows this apiVersion/kind only through a registered CRD schema. */
export function isCustomSchema(apiVersion: string, kind: string): boolean {
  return customSchemasOf().has(`${apiVersion}\n${kind}`);
}

/** The schema version used for validation (the newest bundled when the setting is empty). */
export function schemaVersion(config: DockyardConfig, s: SchemaStore = schemaStore()): string {
  return s.resolveVersion(config.kubernetes.version || '');
}

/** The version API lifecycle is judged against: the setting as given ("1.22" stays 1.22), else the newest bundled. */
export function selectedVersion(config: DockyardConfig, s: SchemaStore = schemaStore()): string {
  const v = minorVersion(config.kubernetes.version || '');
  if (v) return v;
  const all = s.versions();
  return all[all.length - 1];
}

export interface KindIndex {
  byApiVersion: Map<string, string[]>;
  byKind: Map<string, string[]>;
}

const kindIndexByStore = new WeakMap<SchemaStore, Map<string, KindIndex>>();
const kindIndexCacheOf = (s: SchemaStore) => {
  let m = kindIndexByStore.get(s);
  if (!m) kindIndexByStore.set(s, (m = new Map()));
  return m;
};

/** Built-in kinds of a version by apiVersion and apiVersions by kind (custom kinds excluded). */
export function kindIndex(version: string, s: SchemaStore = schemaStore()): KindIndex {
  const kindIndexCache = kindIndexCacheOf(s);
  let idx = kindIndexCache.get(version);
  if (!idx) {
    idx = { byApiVersion: new Map(), byKind: new Map() };
    for (const { apiVersion, kind } of s.kinds(version)) {
      if (isCustomSchema(apiVersion, kind)) continue;
      push(idx.byApiVersion, apiVersion, kind);
      push(idx.byKind, kind, apiVersion);
    }
    for (const list of idx.byKind.values()) list.sort(compareApiVersions);
    kindIndexCache.set(version, idx);
  }
  return idx;
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Stable before beta before alpha, newer before older: `apps/v1` < `apps/v1beta2`. */
export function compareApiVersions(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function rank(apiVersion: string): number {
  const v = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
  if (!m) return 1_000_000;
  const major = Number(m[1]);
  const stage = m[2] === 'alpha' ? 2 : m[2] === 'beta' ? 1 : 0;
  const n = Number(m[3] ?? 0);
  return stage * 100_000 - major * 100 - n;
}
