import { t, type Lang } from '../messages/catalog';
import { YamlEditor } from '../fixes/yaml-edit';
import { crdFileFor, crdSchemaFor } from '../kubernetes/crd';
import { compareApiVersions, ensureCustomSchema, isCustomSchema, kindIndex, schemaStore, schemaVersion } from '../kubernetes/schema';
import { astPathAt, indentPath, lineShape, siblingKeys, topLevelIdentity, type PathSeg } from '../kubernetes/yaml-path';
import { pathLabel } from '../kubernetes/locate';
import type { SchemaChild, SchemaDescription, SchemaStore } from '../schema';
import type { YamlChunk, YamlDocModel } from '../model/yaml';
import type { Position, Range } from '../types';
import { codeSpan, escapeMarkdown } from '../util/markdown';
import type { CompletionResult, FeatureContext, FeatureProvider, HoverResult } from './types';

/**
 * Hover and completion for Kubernetes manifests, from the bundled schema (and configured CRD
 * schemas). Hover resolves the position through the syntax tree, falling back to indentation when
 * the document being typed does not parse; completion works from indentation, so a half-typed
 * document still completes.
 */
interface ChunkAt {
  chunk: YamlChunk;
  doc: YamlDocModel;
  /** Lines of the parsed (Helm-masked) chunk text. */
  lines: string[];
  /** The position's line, relative to the chunk. */
  line: number;
}

function chunkAt(ctx: FeatureContext, position: Position): ChunkAt | undefined {
  const y = ctx.analyzer.yamlFor(ctx.path, ctx.text);
  let i = y.chunks.length - 1;
  while (i > 0 && y.chunks[i].startLine > position.line) i--;
  const chunk = y.chunks[i];
  if (!chunk) return undefined;
  let doc = y.states[i].model;
  // Inside an object of a List: that object is the document (its kind, its paths).
  if (doc.listItems.length) {
    const offset = doc.lines.offsetAt({ line: position.line - chunk.startLine, character: position.character });
    doc = doc.listItems.find((it) => it.contents!.range[0] <= offset && offset <= it.contents!.range[1]) ?? doc;
  }
  return { chunk, doc, lines: chunk.text.split(/\r?\n/), line: position.line - chunk.startLine };
}

interface Target {
  store: SchemaStore;
  version: string;
  apiVersion: string;
  kind: string;
}

/** apiVersion/kind of the chunk (parsed, or read from the text of a document being typed). */
function targetOf(ctx: FeatureContext, at: ChunkAt): Target | undefined {
  const id = at.doc.k8s ?? topLevelIdentity(at.lines);
  if (!id.apiVersion || !id.kind) return undefined;
  const p = ctx.analyzer.providers;
  const store = schemaStore(p);
  const version = schemaVersion(ctx.config, store);
  // A configured CRD schema makes its kind describable too.
  if (crdFileFor(ctx.config, id.apiVersion, id.kind) && (store.knows(version, id.apiVersion, id.kind) !== 'known' || isCustomSchema(p, id.apiVersion, id.kind))) {
    const crd = crdSchemaFor(p, ctx.config, ctx.path, id.apiVersion, id.kind);
    if (crd?.status === 'ok') ensureCustomSchema(p, id.apiVersion, id.kind, crd.schema);
  } else if (isCustomSchema(p, id.apiVersion, id.kind)) return undefined;
  if (store.knows(version, id.apiVersion, id.kind) !== 'known') return undefined;
  return { store, version, apiVersion: id.apiVersion, kind: id.kind };
}

function fieldMarkdown(name: string, d: SchemaDescription, lang: Lang, where?: string): string {
  const parts: string[] = [];
  const head = d.typeLabel ? t('kubernetes.hover.field', { name: escapeMarkdown(name), type: d.typeLabel }, lang) : t('kubernetes.hover.fieldUntyped', { name: escapeMarkdown(name) }, lang);
  parts.push(d.required ? `${head} — ${t('kubernetes.hover.required', undefined, lang)}` : head);
  if (where) parts.push(where);
  // Descriptions of custom resources come from the workspace's CRD files: escaped like all workspace text.
  if (d.description) parts.push(escapeMarkdown(d.description));
  if (d.enum?.length) parts.push(t('kubernetes.hover.enum', { values: d.enum.map((v) => codeSpan(String(v))).join(', ') }, lang));
  return parts.join('\n\n');
}

function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

export function kubernetesHover(ctx: FeatureContext, position: Position): HoverResult | undefined {
  const at = chunkAt(ctx, position);
  if (!at) return undefined;
  const target = targetOf(ctx, at);
  if (!target) return undefined;
  const { store, version, apiVersion, kind } = target;
  const offset = at.doc.lines.offsetAt({ line: at.line, character: position.character });
  let path: PathSeg[] | undefined;
  let range: Range | undefined;
  const hit = at.doc.errors.length === 0 || !lineBroken(at) ? astPathAt(at.doc, offset) : undefined;
  if (hit && (hit.on === 'key' || hit.on === 'value') && hit.path.length) {
    path = hit.path;
    const node = hit.on === 'key' ? hit.pair?.key : (hit.node ?? hit.pair?.key);
    if (node && (node as { range?: number[] }).range) range = shiftRange(at.doc.rangeOf(node as never), at.chunk.startLine);
  } else {
    // The line does not parse (or the tree has nothing there): read the key from the text.
    const shape = lineShape(at.lines[at.line] ?? '');
    if (shape.key === undefined || position.character < shape.contentCol) return undefined;
    const parent = indentPath(at.lines, at.line, shape.contentCol, shape.dashes);
    if (!parent) return undefined;
    path = [...parent, shape.key];
    range = { start: { line: position.line, character: shape.contentCol }, end: { line: position.line, character: shape.contentCol + shape.key.length } };
  }
  // apiVersion / kind: describe the kind itself.
  if (path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind')) {
    const d = store.describe(version, apiVersion, kind, []);
    if (!d) return undefined;
    const parts = [t('kubernetes.hover.kind', { kind: escapeMarkdown(kind), apiVersion: escapeMarkdown(apiVersion), version }, ctx.lang)];
    if (d.description) parts.push(escapeMarkdown(d.description));
    return { markdown: parts.join('\n\n'), range };
  }
  const d = store.describe(version, apiVersion, kind, path);
  if (!d) return undefined;
  const name = String([...path].reverse().find((p) => typeof p === 'string') ?? kind);
  const where = t('kubernetes.hover.path', { path: codeSpan(pathLabel(path.map((p) => (typeof p === 'number' ? 0 : p))).replace(/\[0\]/g, '[]')), kind: escapeMarkdown(kind), apiVersion: escapeMarkdown(apiVersion) }, ctx.lang);
  return { markdown: fieldMarkdown(name, d, ctx.lang, where), range };
}

/** The position's line holds a syntax error (the tree may not reflect what is written there). */
function lineBroken(at: ChunkAt): boolean {
  for (const e of at.doc.errors) {
    const p = at.doc.lines.positionAt(e.pos[0]);
    if (p.line === at.line) return true;
  }
  return false;
}

// ------------------------------------------------------------------------------------------
// Completion

export function kubernetesCompletion(ctx: FeatureContext, position: Position): CompletionResult[] {
  const at = chunkAt(ctx, position);
  if (!at) return [];
  const full = at.lines[at.line] ?? '';
  const before = full.slice(0, position.character);
  if (/^\s*#/.test(before) || before.includes('{') || before.includes('[')) return [];
  const shape = lineShape(before);
  // `key: partial` → values
  if (shape.key !== undefined && shape.valueCol !== undefined && position.character >= shape.valueCol) {
    return valueCompletion(ctx, at, position, shape.key, shape.contentCol, shape.dashes, before.slice(shape.valueCol));
  }
  // `  partial` or `- partial` → keys
  const partial = before.slice(shape.contentCol);
  if (!/^[\w.\-/]*$/.test(partial)) return [];
  return keyCompletion(ctx, at, position, shape.contentCol, shape.dashes, partial);
}

function keyCompletion(ctx: FeatureContext, at: ChunkAt, position: Position, keyCol: number, dashes: number[], partial: string): CompletionResult[] {
  const parent = indentPath(at.lines, at.line, keyCol, dashes);
  if (!parent) return [];
  const present = siblingKeys(at.lines, at.line, keyCol, dashes.length > 0);
  const range: Range = { start: { line: position.line, character: keyCol }, end: { line: position.line, character: keyCol + partial.length } };
  const target = targetOf(ctx, at);
  const unit = indentUnit(at.doc);
  if (!target) {
    if (parent.length) return [];
    // A new document: offer apiVersion and kind first.
    return ['apiVersion', 'kind']
      .filter((k) => !present.has(k))
      .map((k, i) => ({ label: k, kind: 'property' as const, insertText: `${k}: `, sortText: `0${i}`, range, retrigger: true }));
  }
  const children = target.store.children(target.version, target.apiVersion, target.kind, parent);
  return children
    .filter((c) => !present.has(c.name))
    .map((c) => keyItem(c, range, unit, ctx.lang));
}

function keyItem(c: SchemaChild, range: Range, unit: number, lang: Lang): CompletionResult {
  const pad = ' '.repeat(unit);
  const label = c.typeLabel ?? '';
  let insertText: string;
  let retrigger = false;
  if (c.enum?.length) insertText = `${c.name}: \${1|${c.enum.map(escapeChoice).join(',')}|}`;
  else if (c.type === 'boolean') insertText = `${c.name}: \${1|true,false|}`;
  else if (c.type === 'array') insertText = `${c.name}:\n${pad}- $0`;
  else if (c.type === 'object' || label.startsWith('map[')) insertText = `${c.name}:\n${pad}$0`;
  else {
    insertText = `${c.name}: $0`;
    retrigger = c.name === 'apiVersion' || c.name === 'kind';
  }
  const item: CompletionResult = {
    label: c.name,
    kind: 'property',
    detail: c.required ? t('kubernetes.completion.detailRequired', { type: label }, lang) : label,
    insertText,
    snippet: true,
    sortText: `${c.required ? '0' : '1'}${c.name}`,
    range,
  };
  if (c.description) item.documentation = c.description;
  if (retrigger) item.retrigger = true;
  return item;
}

function escapeChoice(v: string): string {
  return v.replace(/[,|\\$}]/g, (m) => `\\${m}`);
}

function indentUnit(doc: YamlDocModel): number {
  return doc.memoize('editor.indentUnit', () => new YamlEditor(doc).indentUnit());
}

function valueCompletion(ctx: FeatureContext, at: ChunkAt, position: Position, key: string, keyCol: number, dashes: number[], typed: string): CompletionResult[] {
  const parent = indentPath(at.lines, at.line, keyCol, dashes);
  if (!parent) return [];
  const valueStart = position.character - typed.length;
  const range: Range = { start: { line: position.line, character: valueStart }, end: { line: position.line, character: position.character } };
  if (parent.length === 0 && (key === 'apiVersion' || key === 'kind')) return identityCompletion(ctx, at, key, range);
  const target = targetOf(ctx, at);
  if (!target) return [];
  const d = target.store.describe(target.version, target.apiVersion, target.kind, [...parent, key]);
  if (!d) return [];
  const values = d.enum?.length ? d.enum : d.type === 'boolean' ? ['true', 'false'] : [];
  return values.map((v, i) => ({
    label: v,
    kind: d.enum?.length ? ('enum' as const) : ('value' as const),
    sortText: String(i).padStart(3, '0'),
    range,
    ...(d.description ? { documentation: d.description } : {}),
  }));
}

/** apiVersion values for the typed kind, kind values for the typed apiVersion (or all of them). */
function identityCompletion(ctx: FeatureContext, at: ChunkAt, key: 'apiVersion' | 'kind', range: Range): CompletionResult[] {
  const store = schemaStore(ctx.analyzer.providers);
  const version = schemaVersion(ctx.config, store);
  const idx = kindIndex(ctx.analyzer.providers, version);
  const id = topLevelIdentity(at.lines.filter((_, i) => i !== at.line));
  if (key === 'apiVersion') {
    const forKind = id.kind ? idx.byKind.get(id.kind) : undefined;
    const list = forKind ?? [...idx.byApiVersion.keys()].sort(byGroupThenVersion);
    return list.map((apiVersion, i) => ({
      label: apiVersion,
      kind: 'value' as const,
      detail: forKind ? id.kind : (idx.byApiVersion.get(apiVersion) ?? []).slice(0, 6).join(', '),
      sortText: String(i).padStart(4, '0'),
      range,
    }));
  }
  const forApi = id.apiVersion ? idx.byApiVersion.get(id.apiVersion) : undefined;
  if (forApi) {
    return [...forApi].sort().map((kind) => ({ label: kind, kind: 'value' as const, detail: id.apiVersion, range, ...(descriptionOf(store, version, id.apiVersion!, kind)) }));
  }
  return [...idx.byKind.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([kind, apiVersions]) => ({ label: kind, kind: 'value' as const, detail: apiVersions[0], range }));
}

/** Core `v1` first, then groups alphabetically, stable before beta before alpha within a group. */
function byGroupThenVersion(a: string, b: string): number {
  const ga = a.includes('/') ? a.slice(0, a.lastIndexOf('/')) : '';
  const gb = b.includes('/') ? b.slice(0, b.lastIndexOf('/')) : '';
  return ga === gb ? compareApiVersions(a, b) : ga < gb ? -1 : 1;
}

function descriptionOf(store: SchemaStore, version: string, apiVersion: string, kind: string): { documentation?: string } {
  const d = store.describe(version, apiVersion, kind, []);
  return d?.description ? { documentation: d.description } : {};
}

export const kubernetesFeatures: FeatureProvider = {
  kinds: ['kubernetes'],
  hover(ctx, position) {
    return kubernetesHover(ctx, position);
  },
  completion(ctx, position) {
    return kubernetesCompletion(ctx, position);
  },
};
