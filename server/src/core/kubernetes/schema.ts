import type { DockyardConfig } from '../config/config';
import { createSchemaStore, type SchemaStore } from '../schema';
import { minorVersion } from './lifecycle';

/**
 * One schema store per process, created on first use (the store itself reads nothing until asked,
 * then reads each package file once). Rules, hover and completion share it; nothing is loaded per
 * keystroke. Tests and hosts may install another store.
 */
let store: SchemaStore | undefined;

export function schemaStore(): SchemaStore {
  if (!store) store = createSchemaStore();
  return store;
}

export function setSchemaStore(s: SchemaStore | undefined): void {
  store = s;
  kindIndexCache.clear();
  customSchemas.clear();
}

/** Custom (CRD) schemas registered in the store, by `apiVersion\nkind`, with the schema object given. */
const customSchemas = new Map<string, unknown>();

/** Register a CRD schema in the shared store unless this very schema object is already registered. */
export function ensureCustomSchema(apiVersion: string, kind: string, schema: unknown, s: SchemaStore = schemaStore()): void {
  const key = `${apiVersion}\n${kind}`;
  if (customSchemas.get(key) === schema) return;
  s.addCustomSchema(apiVersion, kind, schema);
  customSchemas.set(key, schema);
}

/** Whether the store knows this apiVersion/kind only through a registered CRD schema. */
export function isCustomSchema(apiVersion: string, kind: string): boolean {
  return customSchemas.has(`${apiVersion}\n${kind}`);
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

const kindIndexCache = new Map<string, KindIndex>();

/** Built-in kinds of a version by apiVersion and apiVersions by kind (custom kinds excluded). */
export function kindIndex(version: string, s: SchemaStore = schemaStore()): KindIndex {
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
