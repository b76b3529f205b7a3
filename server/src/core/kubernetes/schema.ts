import type { DockyardConfig } from '../config/config';
import { createSchemaStore, type SchemaStore } from '../schema';
import { minorVersion } from './lifecycle';
import type { Providers } from '../providers';

/**
 * The schema store of a service (its providers; created on first use, one per service: the store
 * reads nothing until asked, then each package file once). Rules, hover and completion share it;
 * nothing is loaded per keystroke. A host may install another store (`ServiceHost.schemaStore`).
 */
export function schemaStore(p: Providers): SchemaStore {
  if (!p.schemaStore) p.schemaStore = createSchemaStore();
  return p.schemaStore;
}

/**
 * What a store has registered and derived: the CRD schemas given to it, by `apiVersion\nkind` (the
 * schema object, so that the same object is not compiled twice), and the kind indexes per version.
 * Held by the providers for the store's lifetime (a new store starts empty).
 */
interface StoreState {
  store: SchemaStore;
  custom: Map<string, unknown>;
  kindIndex: Map<string, KindIndex>;
}

function storeState(p: Providers, s: SchemaStore = schemaStore(p)): StoreState {
  const slot = p.state('k8s:schemaStore', () => ({ current: undefined as StoreState | undefined }));
  if (slot.current?.store !== s) slot.current = { store: s, custom: new Map(), kindIndex: new Map() };
  return slot.current;
}

/** Register a CRD schema in the service's store unless this very schema object is already registered. */
export function ensureCustomSchema(p: Providers, apiVersion: string, kind: string, schema: unknown): void {
  const st = storeState(p);
  const key = `${apiVersion}\n${kind}`;
  if (st.custom.get(key) === schema) return;
  st.store.addCustomSchema(apiVersion, kind, schema);
  st.custom.set(key, schema);
  st.kindIndex.clear();
}

/** Whether the store knows this apiVersion/kind only through a registered CRD schema. */
export function isCustomSchema(p: Providers, apiVersion: string, kind: string): boolean {
  return storeState(p).custom.has(`${apiVersion}\n${kind}`);
}

/** The schema version used for validation (the newest bundled when the setting is empty). */
export function schemaVersion(config: DockyardConfig, s: SchemaStore): string {
  return s.resolveVersion(config.kubernetes.version || '');
}

/** The version API lifecycle is judged against: the setting as given ("1.22" stays 1.22), else the newest bundled. */
export function selectedVersion(config: DockyardConfig, s: SchemaStore): string {
  const v = minorVersion(config.kubernetes.version || '');
  if (v) return v;
  const all = s.versions();
  return all[all.length - 1];
}

export interface KindIndex {
  byApiVersion: Map<string, string[]>;
  byKind: Map<string, string[]>;
}

/** Built-in kinds of a version by apiVersion and apiVersions by kind (custom kinds excluded). */
export function kindIndex(p: Providers, version: string): KindIndex {
  const st = storeState(p);
  let idx = st.kindIndex.get(version);
  if (!idx) {
    idx = { byApiVersion: new Map(), byKind: new Map() };
    for (const { apiVersion, kind } of st.store.kinds(version)) {
      if (st.custom.has(`${apiVersion}\n${kind}`)) continue;
      push(idx.byApiVersion, apiVersion, kind);
      push(idx.byKind, kind, apiVersion);
    }
    for (const list of idx.byKind.values()) list.sort(compareApiVersions);
    st.kindIndex.set(version, idx);
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
