import { hashText } from '../util/strings';
import { splitDocuments, YamlDocModel } from '../model/yaml';
import type { DockyardConfig } from '../config/config';
import type { CrdSchemaSource, Providers } from '../providers';
import { BoundedCache } from '../util/bounded-cache';
import { crdFactKey, CRDS_FACT_KEY, type CrdSummary, type IndexedResource, type WorkspaceIndex } from '../workspace';

/**
 * Custom resource schemas (`kubernetes.crdSchemas`): a kind (`Kind` or `group/version/Kind`) maps to
 * a workspace file holding a CustomResourceDefinition (its `spec.versions[].schema.openAPIV3Schema`
 * for the document's version is used) or a plain JSON schema. The core never touches the file
 * system: the service's providers hold a `CrdSchemaSource` that reads files (the host's).
 */
export type { CrdSchemaSource } from '../providers';

/**
 * Texts read through the source, by `file\ndocumentPath`, until the providers' data changes (the
 * service's `invalidate()`); bounded by bytes. Held by the service's providers.
 */
const readCache = (p: Providers) => p.cache('crd:read', () => new BoundedCache<string, string | undefined>({ maxBytes: 32 * 1024 * 1024, maxEntries: 1000 }));

/**
 * What each schema text offers, by text (several configured kinds usually share one file); bounded
 * by bytes (the text plus an estimate of the extracted schemas, ~8 bytes per character).
 */
const extractedCache = (p: Providers) => p.cache('crd:extracted', () => new BoundedCache<string, Extracted>({ maxBytes: 32 * 1024 * 1024, maxEntries: 64 }));

/** Forget every text read so far (then `Analyzer.invalidateFindings()` checks documents again). */
export function invalidateCrdSchemas(p: Providers): void {
  readCache(p).clear();
  extractedCache(p).clear();
}

function readSchemaText(p: Providers, file: string, documentPath: string): string | undefined {
  const k = `${file}\n${documentPath}`;
  const cache = readCache(p);
  if (cache.has(k)) return cache.get(k);
  let text: string | undefined;
  try {
    text = p.crd?.read(file, documentPath);
  } catch {
    text = undefined;
  }
  cache.set(k, text, (text?.length ?? 0) * 2 + k.length * 2 + 64);
  return text;
}

/** The configured file for a document's kind: `group/version/Kind` wins over `Kind`. */
export function crdFileFor(config: DockyardConfig, apiVersion: string, kind: string): string | undefined {
  const map = config.kubernetes.crdSchemas;
  if (!map) return undefined;
  const exact = map[`${apiVersion}/${kind}`];
  if (typeof exact === 'string' && exact) return exact;
  const byKind = map[kind];
  return typeof byKind === 'string' && byKind ? byKind : undefined;
}

export type CrdLookup =
  | { status: 'ok'; file: string; schema: unknown; key: string }
  | { status: 'unreadable'; file: string; key: string }
  | { status: 'no-version'; file: string; versions: string[]; key: string }
  | { status: 'no-kind'; file: string; key: string };

interface Extracted {
  /** CRDs in the file: group/kind → version → schema */
  crds: Map<string, Map<string, unknown>>;
  /** A plain JSON schema (not a CRD). */
  plain?: unknown;
}

/** What a schema file offers (cached by text). */
function extract(p: Providers, text: string): Extracted {
  const cache = extractedCache(p);
  const hit = cache.get(text);
  if (hit) return hit;
  const out: Extracted = { crds: new Map() };
  // Read as kubectl reads the file (the owned model; YAML 1.1 for Kubernetes objects).
  for (const chunk of splitDocuments(text)) {
    const v = new YamlDocModel(chunk.text).value;
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const o = v as Record<string, unknown>;
    if (o.kind === 'CustomResourceDefinition' && o.spec && typeof o.spec === 'object') {
      const spec = o.spec as Record<string, unknown>;
      const group = typeof spec.group === 'string' ? spec.group : '';
      const names = spec.names as Record<string, unknown> | undefined;
      const kind = typeof names?.kind === 'string' ? names.kind : '';
      if (!kind) continue;
      const versions = new Map<string, unknown>();
      // apiextensions.k8s.io/v1beta1: one spec.validation for every version.
      const shared = (spec.validation as Record<string, unknown> | undefined)?.openAPIV3Schema;
      const list = Array.isArray(spec.versions) ? (spec.versions as Record<string, unknown>[]) : [];
      for (const ver of list) {
        if (!ver || typeof ver.name !== 'string') continue;
        const s = (ver.schema as Record<string, unknown> | undefined)?.openAPIV3Schema ?? shared;
        if (s && typeof s === 'object') versions.set(ver.name, s);
      }
      if (typeof spec.version === 'string' && shared && !versions.has(spec.version)) versions.set(spec.version, shared);
      out.crds.set(`${group}/${kind}`, versions);
    } else if (!out.plain && (o.properties || o.type || o.$schema)) {
      out.plain = o;
    }
  }
  cache.set(text, out, text.length * 10);
  return out;
}

/**
 * The custom schema for a document, when the configuration maps its kind to a file. `key` identifies
 * the file's content (to cache results on it).
 */
export function crdSchemaFor(p: Providers, config: DockyardConfig, documentPath: string, apiVersion: string, kind: string): CrdLookup | undefined {
  const file = crdFileFor(config, apiVersion, kind);
  if (!file) return undefined;
  const text = readSchemaText(p, file, documentPath);
  if (text === undefined) return { status: 'unreadable', file, key: `${file}\n-` };
  const key = `${file}\n${text.length}\n${hashText(text)}`;
  const ex = extract(p, text);
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const versions = ex.crds.get(`${group}/${kind}`);
  if (versions) {
    const schema = versions.get(version);
    if (schema) return { status: 'ok', file, schema, key };
    return { status: 'no-version', file, versions: [...versions.keys()], key };
  }
  if (ex.plain) return { status: 'ok', file, schema: ex.plain, key };
  return { status: 'no-kind', file, key };
}

// ---- CustomResourceDefinitions found in the workspace ------------------------------------------

/**
 * The workspace CRD entries of a group/kind. On the index itself the table is rebuilt only when a
 * CRD fact changed or the files were put in another order (the table holds the CRD entries in index
 * order, which neither other files nor a shift of a CRD's lines change): rebuilding it whenever any
 * file changed made pass 1 of a lint, where every file is added, quadratic in custom resources.
 */
function workspaceCrds(ws: WorkspaceIndex, group: string, kind: string): IndexedResource[] {
  let byKey: Map<string, IndexedResource[]>;
  if (ws.base === ws) {
    const slot = ws.keep('crd:byGroupKind', () => ({ stamp: '', table: new Map<string, IndexedResource[]>() }));
    const stamp = `${ws.revision(CRDS_FACT_KEY)}|${ws.orderRevision}`;
    if (slot.stamp !== stamp) {
      slot.table = crdTable(ws);
      slot.stamp = stamp;
    }
    byKey = slot.table;
  } else byKey = ws.memo('crd:byGroupKind', () => crdTable(ws));
  return byKey.get(`${group}/${kind}`) ?? [];
}

function crdTable(ws: WorkspaceIndex): Map<string, IndexedResource[]> {
  const t = new Map<string, IndexedResource[]>();
  for (const r of ws.all()) {
    const c = r.data?.crd as CrdSummary | undefined;
    if (!c) continue;
    const k = `${c.group}/${c.kind}`;
    const list = t.get(k);
    if (list) list.push(r);
    else t.set(k, [r]);
  }
  return t;
}

/** The fact key and its revision when a workspace CRD serves this apiVersion/kind (part of cache keys). */
export function workspaceCrdRevision(ws: WorkspaceIndex, apiVersion: string, kind: string): { key: string; revision: number } | undefined {
  const slash = apiVersion.lastIndexOf('/');
  if (slash < 0) return undefined;
  const group = apiVersion.slice(0, slash);
  // Read even while no CRD defines the kind: one that appears later makes the document stale.
  if (!group.includes('.')) return undefined;
  const key = crdFactKey(group, kind);
  return { key, revision: ws.revision(key) };
}

/** The schema a CustomResourceDefinition in the workspace gives this apiVersion/kind, if any. */
export function workspaceCrdSchemaFor(ws: WorkspaceIndex, apiVersion: string, kind: string): CrdLookup | undefined {
  const slash = apiVersion.lastIndexOf('/');
  if (slash < 0) return undefined;
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const defs = workspaceCrds(ws, group, kind);
  if (!defs.length) return undefined;
  const d = defs[0];
  const c = d.data!.crd as CrdSummary;
  const key = `workspace\n${d.path}\n${ws.revision(crdFactKey(group, kind))}`;
  const schema = c.versions[version];
  if (schema) return { status: 'ok', file: d.path, schema, key };
  return { status: 'no-version', file: d.path, versions: Object.keys(c.versions), key };
}
