import type { Range } from './types';
import { POD_SPEC_PATHS } from './model/pods';

/**
 * The cross-resource index: a summary of every Kubernetes object in every file the analyzer has
 * seen (open documents and, after "Lint workspace" or a CLI run, the whole workspace). Updated per
 * file; cross-resource rules read it and never parse other files.
 *
 * Facts and reads. Every file contributes facts under keys (see `factKeys`): `kn:<kind>\n<name>`,
 * `id:<identity>`, `pods` (pod templates and their labels), `file:<path>`, `ranges:<path>` (where
 * its objects sit), `*` (everything). Each key has a revision, bumped only when the facts under it
 * change: a comment line or a range shift changes no fact key but `ranges:<path>`. A cross-file
 * rule reads the index through a `TrackedWorkspace`, which records the revision of every key it
 * looked up; its result stays valid while those revisions do (`WorkspaceIndex.current`).
 */
export interface IndexedResource {
  path: string;
  docIndex: number;
  /** For an object inside a List document: its index in the List's `items`. */
  item?: number;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** Range of the document's `metadata.name` value (or `kind`), absolute in its file. */
  range: Range;
  /** Labels of the pod template (workloads) or of the Pod itself. */
  podLabels?: Record<string, string>;
  /** Extra data that cross-resource rules derive (selectors, references …). */
  data?: Record<string, unknown>;
}

/** Keys read by one computation and the revision each had then. */
export type FactReads = Map<string, number>;

interface FileEntry {
  resources: IndexedResource[];
  /** Signature of this file's facts per key (computed on first need). */
  sigs?: Map<string, string>;
  /** Each resource serialized without its range (what the signatures are made of). */
  json?: string[];
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly revs = new Map<string, number>();
  private counter = 0;
  private gen = 0;

  /** Bumped on every change of any fact (caches of whole-index lookups are keyed by it). */
  get generation(): number {
    return this.gen;
  }

  /** The index the facts live in (a tracked view answers its base). */
  get base(): WorkspaceIndex {
    return this;
  }

  /** The revision of a fact key (0: never changed since the index was created). */
  revision(key: string): number {
    return this.revs.get(key) ?? 0;
  }

  /** Whether every key of `reads` still has the revision recorded there. */
  current(reads: FactReads): boolean {
    for (const [k, r] of reads) if ((this.revs.get(k) ?? 0) !== r) return false;
    return true;
  }

  private memos?: { generation: number; values: Map<string, unknown> };

  /**
   * Data derived from the whole index (lookup tables, a cross-file rule's per-view results), held by
   * this index (or view) until its generation changes.
   */
  memo<T>(key: string, create: () => T): T {
    const g = this.generation;
    if (!this.memos || this.memos.generation !== g) this.memos = { generation: g, values: new Map() };
    const values = this.memos.values;
    if (values.has(key)) return values.get(key) as T;
    const v = create();
    values.set(key, v);
    return v;
  }

  private kept?: Map<string, unknown>;

  /** Data held by this index across generations (what `memo` derives incrementally from). */
  keep<T>(key: string, create: () => T): T {
    this.kept ??= new Map();
    if (this.kept.has(key)) return this.kept.get(key) as T;
    const v = create();
    this.kept.set(key, v);
    return v;
  }

  /** Record a read (no-op on the index itself; a `TrackedWorkspace` records). */
  read(_key: string): void {}

  /** Run `fn` and return the keys it read (none on the index itself), so a memo can replay them. */
  capture<T>(fn: () => T): { value: T; keys: string[] } {
    return { value: fn(), keys: [] };
  }

  set(path: string, resources: IndexedResource[]): void {
    const prev = this.files.get(path);
    if (prev && sameResources(prev.resources, resources)) return;
    const next: FileEntry = { resources };
    this.files.set(path, next);
    this.changed(path, prev, next);
  }

  /**
   * Put the files in this order (those not named keep theirs, after): what the index iterates, and
   * so the order of lookup results, is then that of an index filled in this order. Facts do not
   * change (no revision is bumped); whole-index memos are rebuilt (the generation changes).
   */
  reorder(paths: readonly string[]): void {
    const old = new Map(this.files);
    this.files.clear();
    for (const p of paths) {
      const e = old.get(p);
      if (e) {
        this.files.set(p, e);
        old.delete(p);
      }
    }
    for (const [p, e] of old) this.files.set(p, e);
    this.gen++;
    this.reorders++;
  }

  private reorders = 0;

  /** Changes when `reorder` put the files in another order (facts do not change then). */
  get orderRevision(): number {
    return this.reorders;
  }

  delete(path: string): void {
    const prev = this.files.get(path);
    if (!prev) return;
    this.files.delete(path);
    this.changed(path, prev, undefined);
  }

  private changed(path: string, prev: FileEntry | undefined, next: FileEntry | undefined): void {
    const a = prev ? sigsOf(path, prev) : EMPTY;
    const b = next ? sigsOf(path, next, prev) : EMPTY;
    let any = false;
    let crds = false;
    const bump = (k: string) => {
      this.bump(k);
      any = true;
      if (k.startsWith('crd:')) crds = true;
    };
    for (const [k, s] of a) if (b.get(k) !== s) bump(k);
    for (const k of b.keys()) if (!a.has(k)) bump(k);
    if (crds) this.bump(CRDS_FACT_KEY);
    if (any) {
      this.bump('*');
      this.gen++;
    }
  }

  private bump(key: string): void {
    this.revs.set(key, ++this.counter);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get(path: string): IndexedResource[] {
    return this.files.get(path)?.resources ?? [];
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  *all(): Iterable<IndexedResource> {
    for (const f of this.files.values()) yield* f.resources;
  }

  find(kind: string, name: string, namespace?: string): IndexedResource[] {
    const out: IndexedResource[] = [];
    for (const r of this.all()) {
      if (r.kind === kind && r.name === name && (namespace === undefined || r.namespace === undefined || r.namespace === namespace)) out.push(r);
    }
    return out;
  }
}

/**
 * A read-only view of an index that records which fact keys a computation looked up (with their
 * revision at that moment). Cross-file rules get one per check; `kubernetes/index-lookup.ts` wraps
 * its lookup tables so that reading them records `kn:`, `id:` and `pods` keys.
 */
export class TrackedWorkspace extends WorkspaceIndex {
  constructor(
    private readonly of: WorkspaceIndex,
    readonly reads: FactReads = new Map(),
  ) {
    super();
  }
  override get base(): WorkspaceIndex {
    return this.of;
  }
  override get generation(): number {
    return this.of.generation;
  }
  override revision(key: string): number {
    return this.of.revision(key);
  }
  override current(reads: FactReads): boolean {
    return this.of.current(reads);
  }
  private readonly recorders: string[][] = [];
  override read(key: string): void {
    if (!this.reads.has(key)) this.reads.set(key, this.of.revision(key));
    for (const r of this.recorders) r.push(key);
  }
  override capture<T>(fn: () => T): { value: T; keys: string[] } {
    const keys: string[] = [];
    this.recorders.push(keys);
    try {
      return { value: fn(), keys };
    } finally {
      this.recorders.pop();
    }
  }
  override set(): void {
    throw new Error('a tracked workspace view is read-only');
  }
  override delete(): void {
    throw new Error('a tracked workspace view is read-only');
  }
  override has(path: string): boolean {
    this.read(`file:${path}`);
    return this.of.has(path);
  }
  override get(path: string): IndexedResource[] {
    this.read(`file:${path}`);
    return this.of.get(path);
  }
  override paths(): string[] {
    this.read('*');
    return this.of.paths();
  }
  override all(): Iterable<IndexedResource> {
    this.read('*');
    return this.of.all();
  }
  override find(kind: string, name: string, namespace?: string): IndexedResource[] {
    this.read(`kn:${kind}\n${name}`);
    return this.of.find(kind, name, namespace);
  }
}

const EMPTY: ReadonlyMap<string, string> = new Map<string, string>();

/** `group\nkind\nnamespace\nname`, as `kubernetes/index-lookup.ts` keys `byIdentity`. */
export function identityOf(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return `${slash < 0 ? '' : apiVersion.slice(0, slash)}\n${kind}\n${namespace ?? ''}\n${name}`;
}

/** What the index keeps of a CustomResourceDefinition: its group, kind and the schema per version. */
export interface CrdSummary {
  group: string;
  kind: string;
  versions: Record<string, unknown>;
}

/** Bumped whenever the CustomResourceDefinitions of any group and kind change. */
export const CRDS_FACT_KEY = 'crds';

/** The fact key of the workspace CustomResourceDefinitions of a group and kind. */
export function crdFactKey(group: string, kind: string): string {
  return `crd:${group}/${kind}`;
}

/**
 * The object makes pods: a workload kind (or a Pod), or a custom resource whose operator makes them
 * (`data.operatorPods`: a pod template found by shape or `spec.podMetadata`; labels partly known).
 */
export function carriesPods(r: IndexedResource): boolean {
  return POD_SPEC_PATHS[r.kind] !== undefined || r.data?.operatorPods === true;
}

/** The fact keys an entry contributes to (besides `file:`, `ranges:` and `*`). */
export function factKeys(r: IndexedResource): string[] {
  const keys: string[] = [];
  if (r.name !== undefined) keys.push(`kn:${r.kind}\n${r.name}`, `id:${identityOf(r.apiVersion, r.kind, r.namespace, r.name)}`);
  if (carriesPods(r)) keys.push('pods');
  const crd = r.data?.crd as { group: string; kind: string } | undefined;
  if (crd) keys.push(crdFactKey(crd.group, crd.kind));
  return keys;
}

/** Per key, the file's facts under it: entries without their range; ranges under `ranges:<path>`. */
function sigsOf(path: string, f: FileEntry, prev?: FileEntry): Map<string, string> {
  if (f.sigs) return f.sigs;
  // A resource that only moved (a line added above it, the common edit) keeps its serialization:
  // the engine's placed entries are copies of one summary per document, so their fields are the
  // same objects; only the documents that changed are serialized again.
  const old = prev?.json && prev.resources.length === f.resources.length ? prev : undefined;
  const json = f.resources.map((r, i) => (old && movedOnly(old.resources[i], r) ? old.json![i] : JSON.stringify({ ...r, range: undefined })));
  f.json = json;
  if (old?.sigs && json.every((s, i) => s === old.json![i])) {
    // Nothing but positions changed: the other signatures are the previous ones.
    const sigs = new Map(old.sigs);
    sigs.set(`ranges:${path}`, rangesSig(f.resources));
    f.sigs = sigs;
    return sigs;
  }
  const sigs = new Map<string, string>();
  const add = (k: string, s: string) => sigs.set(k, (sigs.get(k) ?? '') + s + '\u0001');
  f.resources.forEach((r, i) => {
    for (const k of factKeys(r)) add(k, json[i]);
    add(`file:${path}`, json[i]);
  });
  sigs.set(`ranges:${path}`, rangesSig(f.resources));
  f.sigs = sigs;
  return sigs;
}

function rangesSig(resources: readonly IndexedResource[]): string {
  let ranges = '';
  for (const r of resources) ranges += `${r.range.start.line},${r.range.start.character},${r.range.end.line},${r.range.end.character};`;
  return ranges;
}

/** Every field but `range` is the same value (the same object for nested data). */
function movedOnly(a: IndexedResource, b: IndexedResource): boolean {
  if (a === b) return true;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (k !== 'range' && (x[k] !== y[k] || !Object.prototype.hasOwnProperty.call(y, k))) return false;
  return true;
}

/** Entry by entry: identical objects (the engine reuses them) are equal without serializing. */
function sameResources(a: IndexedResource[], b: IndexedResource[]): boolean {
  if (a.length !== b.length) return false;
  // The engine hands back the same entry objects for documents that did not change.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameResource(a[i], b[i])) return false;
  return true;
}

/** Field by field (any field, so new ones count too); JSON only for nested data such as labels. */
function sameResource(a: IndexedResource, b: IndexedResource): boolean {
  const ka = Object.keys(a) as (keyof IndexedResource)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (k === 'range') {
      const ra = x as IndexedResource['range'];
      const rb = y as IndexedResource['range'];
      if (ra.start.line !== rb.start.line || ra.start.character !== rb.start.character || ra.end.line !== rb.end.line || ra.end.character !== rb.end.character) return false;
    } else if (!sameJson(x, y)) return false;
  }
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
