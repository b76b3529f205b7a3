import type { Range } from './types';

/**
 * The cross-resource index: a summary of every Kubernetes object in every file the analyzer has
 * seen (open documents and, after "Lint workspace" or a CLI run, the whole workspace). Updated per
 * file; cross-resource rules read it and never parse other files.
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

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedResource[]>();
  /** Bumped on every change, so file-level results that read the index can be cached per version. */
  generation = 0;

  set(path: string, resources: IndexedResource[]): void {
    const prev = this.files.get(path);
    if (prev && sameResources(prev, resources)) return;
    this.files.set(path, resources);
    this.generation++;
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.generation++;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get(path: string): IndexedResource[] {
    return this.files.get(path) ?? [];
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  *all(): Iterable<IndexedResource> {
    for (const list of this.files.values()) yield* list;
  }

  find(kind: string, name: string, namespace?: string): IndexedResource[] {
    const out: IndexedResource[] = [];
    for (const r of this.all()) {
      if (r.kind === kind && r.name === name && (namespace === undefined || r.namespace === undefined || r.namespace === namespace)) out.push(r);
    }
    return out;
  }
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
