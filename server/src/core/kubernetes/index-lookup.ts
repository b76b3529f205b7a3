import { POD_SPEC_PATHS } from '../model/pods';
import type { Range } from '../types';
import type { IndexedResource, WorkspaceIndex } from '../workspace';

/**
 * Lookup tables over the workspace index, rebuilt only when the index changes (its generation), so
 * cross-resource rules stay linear in the size of the file being checked. The index holds them.
 */
export interface IndexLookup {
  /** `kind\nname` → resources. */
  byKindName: Map<string, IndexedResource[]>;
  /** `group\nkind\nnamespace\nname` → resources. */
  byIdentity: Map<string, IndexedResource[]>;
  /** Resources that carry a pod template (or are Pods). */
  podTemplates: IndexedResource[];
  /** `key\0value` → positions in podTemplates of the templates carrying that label. */
  podTemplatesByLabel: Map<string, number[]>;
  /** Positions in podTemplates of the templates whose labels cannot be known (Helm). */
  podTemplatesUnknownLabels: number[];
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function identityKey(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  return `${groupOf(apiVersion)}\n${kind}\n${namespace ?? ''}\n${name}`;
}

/**
 * The lookup tables of an index, held by the index until it changes (`WorkspaceIndex.memo`). On a
 * `TrackedWorkspace` view: the base tables, wrapped once per view and generation to record what is read.
 */
export function lookup(ws: WorkspaceIndex): IndexLookup {
  if (ws.base !== ws) return ws.memo('index-lookup:tracked', () => tracked(lookup(ws.base), ws));
  return ws.memo('index-lookup', () => build(ws));
}

function build(ws: WorkspaceIndex): IndexLookup {
  const l: IndexLookup = { byKindName: new Map(), byIdentity: new Map(), podTemplates: [], podTemplatesByLabel: new Map(), podTemplatesUnknownLabels: [] };
  for (const r of ws.all()) {
    if (r.name !== undefined) {
      push(l.byKindName, `${r.kind}\n${r.name}`, r);
      push(l.byIdentity, identityKey(r.apiVersion, r.kind, r.namespace, r.name), r);
    }
    if (POD_SPEC_PATHS[r.kind]) {
      const at = l.podTemplates.length;
      l.podTemplates.push(r);
      if (r.data?.podLabelsUnknown) l.podTemplatesUnknownLabels.push(at);
      for (const [k, v] of Object.entries(r.podLabels ?? {})) push(l.podTemplatesByLabel, `${k}\0${v}`, at);
    }
  }
  return l;
}

/** The tables of the whole index, recording each lookup as a fact key read (see workspace.ts). */
function tracked(l: IndexLookup, ws: WorkspaceIndex): IndexLookup {
  const map = <T>(m: Map<string, T>, prefix: string) =>
    ({ get: (k: string) => (ws.read(prefix + k), m.get(k)), has: (k: string) => (ws.read(prefix + k), m.has(k)) }) as unknown as Map<string, T>;
  const pods = <T>(v: T): T => (ws.read('pods'), v);
  return {
    byKindName: map(l.byKindName, 'kn:'),
    byIdentity: map(l.byIdentity, 'id:'),
    get podTemplates() {
      return pods(l.podTemplates);
    },
    get podTemplatesByLabel() {
      return pods(l.podTemplatesByLabel);
    },
    get podTemplatesUnknownLabels() {
      return pods(l.podTemplatesUnknownLabels);
    },
  };
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Namespaces are compatible when equal or when either is unset (it is decided at apply time). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function shift(r: Range, lines: number): Range {
  return lines === 0 ? r : { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/**
 * A per-document result that depends on the workspace index: computed once per index generation
 * (one memo slot per key, replaced, so old generations do not pile up).
 */
export function perGeneration<T>(doc: { memo: Map<string, unknown> }, key: string, ws: WorkspaceIndex, compute: () => T): T {
  // Keyed by the index itself (not the per-check view); the fact keys read are replayed on a hit.
  const base = ws.base;
  const slot = doc.memo.get(key) as { ws: WorkspaceIndex; gen: number; value: T; keys: string[] } | undefined;
  if (slot && slot.ws === base && slot.gen === base.generation) {
    for (const k of slot.keys) ws.read(k);
    return slot.value;
  }
  const { value, keys } = ws.capture(compute);
  doc.memo.set(key, { ws: base, gen: base.generation, value, keys: [...new Set(keys)] });
  return value;
}
