import type { Range } from '../types';
import { carriesPods, type IndexedResource, type WorkspaceIndex } from '../workspace';

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
  /** Positions in podTemplates of custom resources whose operator makes the pods: their labels include `podLabels`, and maybe others. */
  podTemplatesOpenLabels: number[];
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
  return ws.memo('index-lookup', () => {
    // Held across generations: an edit that only moved a file's objects (a comment line, a range
    // shift: same kinds, names, namespaces, pod labels) swaps their entries in place instead of
    // rebuilding the tables of the whole index. The tables of a superseded generation are never
    // read again (every reader goes through this memo, keyed by the generation).
    const slot = ws.keep('index-lookup', () => ({ built: undefined as Built | undefined }));
    if (!slot.built || !patch(ws, slot.built)) slot.built = build(ws);
    return slot.built.lookup;
  });
}

/** The tables, the file entry arrays they were built from, and where each entry sits in them. */
interface Built {
  lookup: IndexLookup;
  files: Map<string, IndexedResource[]>;
  /** entry → [its byKindName list, position, its byIdentity list, position, position in podTemplates (-1: none)] */
  places: Map<IndexedResource, [IndexedResource[] | undefined, number, IndexedResource[] | undefined, number, number]>;
}

function build(ws: WorkspaceIndex): Built {
  const l: IndexLookup = { byKindName: new Map(), byIdentity: new Map(), podTemplates: [], podTemplatesByLabel: new Map(), podTemplatesUnknownLabels: [], podTemplatesOpenLabels: [] };
  const files = new Map<string, IndexedResource[]>();
  const places: Built['places'] = new Map();
  for (const p of ws.paths()) {
    const list = ws.get(p);
    files.set(p, list);
    for (const r of list) {
      let kn: IndexedResource[] | undefined;
      let id: IndexedResource[] | undefined;
      if (r.name !== undefined) {
        kn = push(l.byKindName, `${r.kind}\n${r.name}`, r);
        id = push(l.byIdentity, identityKey(r.apiVersion, r.kind, r.namespace, r.name), r);
      }
      let at = -1;
      if (carriesPods(r)) {
        at = l.podTemplates.length;
        l.podTemplates.push(r);
        if (r.data?.podLabelsUnknown) l.podTemplatesUnknownLabels.push(at);
        else if (r.data?.operatorPods) l.podTemplatesOpenLabels.push(at);
        for (const [k, v] of Object.entries(r.podLabels ?? {})) push(l.podTemplatesByLabel, `${k}\0${v}`, at);
      }
      places.set(r, [kn, kn ? kn.length - 1 : -1, id, id ? id.length - 1 : -1, at]);
    }
  }
  return { lookup: l, files, places };
}

/** Entries that sit in the same places of the tables (only their ranges or extra data may differ). */
function sameKeys(a: IndexedResource, b: IndexedResource): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.name !== b.name || a.apiVersion !== b.apiVersion || a.namespace !== b.namespace) return false;
  if (!!a.data?.podLabelsUnknown !== !!b.data?.podLabelsUnknown || !!a.data?.operatorPods !== !!b.data?.operatorPods) return false;
  const la = a.podLabels ?? {};
  const lb = b.podLabels ?? {};
  const ka = Object.keys(la);
  if (ka.length !== Object.keys(lb).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(lb, k) && la[k] === lb[k]);
}

/** Update `b` to the index in place when only entries with the same keys changed; false: rebuild. */
function patch(ws: WorkspaceIndex, b: Built): boolean {
  const paths = ws.paths();
  if (paths.length !== b.files.size) return false;
  let i = 0;
  for (const p of b.files.keys()) if (paths[i++] !== p) return false;
  const changed: string[] = [];
  for (const p of paths) {
    const now = ws.get(p);
    const was = b.files.get(p)!;
    if (now === was) continue;
    if (now.length !== was.length) return false;
    for (let k = 0; k < now.length; k++) if (!sameKeys(was[k], now[k])) return false;
    changed.push(p);
  }
  const pt = b.lookup.podTemplates;
  for (const p of changed) {
    const was = b.files.get(p)!;
    const now = ws.get(p);
    for (let k = 0; k < now.length; k++) {
      const place = b.places.get(was[k])!;
      b.places.delete(was[k]);
      if (place[0]) place[0][place[1]] = now[k];
      if (place[2]) place[2][place[3]] = now[k];
      if (place[4] >= 0) pt[place[4]] = now[k];
      b.places.set(now[k], place);
    }
    b.files.set(p, now);
  }
  return true;
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
    get podTemplatesOpenLabels() {
      return pods(l.podTemplatesOpenLabels);
    },
  };
}

function push<T>(m: Map<string, T[]>, k: string, v: T): T[] {
  const list = m.get(k);
  if (list) {
    list.push(v);
    return list;
  }
  const fresh = [v];
  m.set(k, fresh);
  return fresh;
}

/** Namespaces are compatible when equal or when either is unset (it is decided at apply time). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function shift(r: Range, lines: number): Range {
  return lines === 0 ? r : { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/**
 * A per-document result that depends on the workspace index: kept while the index facts it read
 * keep their revisions (a comment line or a range shift in some file changes none of them), so an
 * edit elsewhere reuses it; one memo slot per key, replaced, so old results do not pile up. A
 * result whose items carry related locations (absolute ranges from the index) also depends on where
 * those files' objects sit: `ranges:<path>` of each (`path`: the file being checked, for related
 * locations without one).
 */
export function perGeneration<T>(doc: { memo: Map<string, unknown> }, key: string, ws: WorkspaceIndex, compute: () => T, path?: string): T {
  // Keyed by the index itself (not the per-check view); the fact keys read are replayed on a hit.
  const base = ws.base;
  const slot = doc.memo.get(key) as { ws: WorkspaceIndex; gen: number; value: T; keys: string[]; revs: number[] } | undefined;
  if (slot && slot.ws === base && (slot.gen === base.generation || slot.keys.every((k, i) => base.revision(k) === slot.revs[i]))) {
    slot.gen = base.generation;
    for (const k of slot.keys) ws.read(k);
    return slot.value;
  }
  const { value, keys } = ws.capture(compute);
  const all = new Set(keys);
  if (Array.isArray(value)) {
    for (const item of value as { related?: readonly { path?: string }[] }[]) {
      for (const r of item?.related ?? []) {
        const p = r.path ?? path;
        all.add(p === undefined ? '*' : `ranges:${p}`);
      }
    }
  }
  const kept = [...all];
  doc.memo.set(key, { ws: base, gen: base.generation, value, keys: kept, revs: kept.map((k) => base.revision(k)) });
  return value;
}
