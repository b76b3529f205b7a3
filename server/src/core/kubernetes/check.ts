import type { DockyardConfig } from '../config/config';
import { isMasked } from '../model/helm';
import type { K8sIdentity, YamlDocModel } from '../model/yaml';
import type { SchemaIssue, SchemaStore } from '../schema';
import { crdFileFor, crdSchemaFor, type CrdLookup } from './crd';
import { lifecycleOf, type LifecycleStatus } from './lifecycle';
import { locatePath } from '../model/locate';
import { objectBlockChanged } from '../model/helm-blocks';

/** Helm block checks live with the model (model/helm-blocks.ts); the rules import them from here. */
export { changedLines, objectBlockChanged } from '../model/helm-blocks';
import { ensureCustomSchema, isCustomSchema, schemaStore, schemaVersion, selectedVersion } from './schema';
import type { Providers } from '../providers';

/**
 * The schema verdict on one Kubernetes document, computed once per document and configuration and
 * shared by unknown-kind, schema-*, deprecated-api and removed-api.
 */
export type DocStatus =
  /** The selected version serves the kind: `issues` holds the schema violations. */
  | 'known'
  /** A core-group apiVersion/kind the selected version does not serve (and the lifecycle table does not list). */
  | 'unknown-kind'
  /** Not a Kubernetes group (a CRD) and no schema configured: skipped. */
  | 'unknown-group'
  /** Listed in the lifecycle table and not served by the schema version: lifecycle rules speak. */
  | 'lifecycle'
  /** A CRD schema is configured but cannot be used (see `crd`). */
  | 'crd-problem'
  /** apiVersion or kind is a Helm expression, or a client-side file (kubeconfig, kustomize): skipped. */
  | 'skipped';

export interface DocCheck {
  id: K8sIdentity;
  schemaVersion: string;
  selectedVersion: string;
  status: DocStatus;
  lifecycle?: LifecycleStatus;
  crd?: CrdLookup;
  issues: SchemaIssue[];
}

/**
 * The schema issues of one kind for a document the schema knows, with the check they came from
 * (empty when the document is not checked against a schema): what each schema-* rule reports.
 */
export function schemaIssuesOf(
  doc: YamlDocModel,
  config: DockyardConfig,
  path: string,
  code: SchemaIssue['code'],
  providers: Providers,
  workspaceCrd?: WorkspaceCrdLookup,
): { check: DocCheck; issues: SchemaIssue[] } | undefined {
  const check = checkDocument(doc, config, path, providers, workspaceCrd);
  if (!check || check.status !== 'known') return undefined;
  const issues = check.issues.filter((i) => i.code === code);
  return issues.length ? { check, issues } : undefined;
}

/** apiVersion/kind pairs that look like Kubernetes objects but are client-side files. */
const CLIENT_SIDE: ReadonlySet<string> = new Set(['v1\nConfig']);

/** The last result of a document (held by the document's memo), with what it was computed for. */
interface LastCheck {
  config: DockyardConfig;
  providers: Providers;
  store: SchemaStore;
  revision: number;
  result: DocCheck;
}

/**
 * The schema verdict of a document, memoised on the document. The last result is kept for a
 * configuration without a CRD schema for the document's kind (seven rules ask per document, and
 * building the memo key each time cost more than the lookup), keyed by the configuration object,
 * the providers, their schema store and their revision.
 */
/** The schema a CustomResourceDefinition found in the workspace gives an apiVersion/kind (kubernetes/crd.ts). */
export type WorkspaceCrdLookup = (apiVersion: string, kind: string) => CrdLookup | undefined;

export function checkDocument(doc: YamlDocModel, config: DockyardConfig, path: string, providers: Providers, workspaceCrd?: WorkspaceCrdLookup): DocCheck | undefined {
  const id = doc.k8s;
  if (!id) return undefined;
  const store = schemaStore(providers);
  // A custom resource whose schema may come from a workspace CRD: decided by the memo below, whose
  // key holds that CRD's revision (the last-result shortcut would keep a verdict from before it).
  const custom = !!workspaceCrd && id.apiVersion.slice(0, Math.max(0, id.apiVersion.lastIndexOf('/'))).includes('.');
  const last = custom ? undefined : (doc.memo.get('k8s.lastCheck') as LastCheck | undefined);
  if (last && last.config === config && last.providers === providers && last.store === store && last.revision === providers.revision) return last.result;
  const result = checkDocumentUncached(doc, id, config, path, providers, store, workspaceCrd);
  // Not kept when a CRD (a configured file, or one in the workspace) gave the schema: it can change.
  if (!custom && !crdFileFor(config, id.apiVersion, id.kind) && !result.crd) doc.memo.set('k8s.lastCheck', { config, providers, store, revision: providers.revision, result } satisfies LastCheck);
  return result;
}

function checkDocumentUncached(doc: YamlDocModel, id: K8sIdentity, config: DockyardConfig, path: string, providers: Providers, store: SchemaStore, workspaceCrd?: WorkspaceCrdLookup): DocCheck {
  const sv = schemaVersion(config, store);
  const sel = selectedVersion(config, store);
  const base = { id, schemaVersion: sv, selectedVersion: sel, issues: [] as SchemaIssue[] };
  if (isMasked(id.apiVersion) || isMasked(id.kind) || CLIENT_SIDE.has(`${id.apiVersion}\n${id.kind}`) || id.apiVersion === 'builtin') {
    return { ...base, status: 'skipped' };
  }
  // A configured CRD schema (read through the host) is part of the memo key: its file can change.
  // Else a CustomResourceDefinition found in the workspace (its index revision is in the key).
  const crd = crdFileFor(config, id.apiVersion, id.kind) ? crdSchemaFor(providers, config, path, id.apiVersion, id.kind) : workspaceCrd?.(id.apiVersion, id.kind);
  const key = `k8s.check|${sv}|${sel}|${crd?.key ?? ''}`;
  return doc.memoize(key, () => {
    const lifecycle = lifecycleOf(id.apiVersion, id.kind, sel);
    let known = store.knows(sv, id.apiVersion, id.kind);
    const custom = isCustomSchema(providers, id.apiVersion, id.kind);
    if (known === 'known' && custom && !crd) known = 'unknown-group'; // registered for another configuration
    if (crd && (known !== 'known' || custom)) {
      if (crd.status !== 'ok') return { ...base, status: 'crd-problem', crd, lifecycle };
      ensureCustomSchema(providers, id.apiVersion, id.kind, crd.schema);
      known = 'known';
    }
    if (lifecycle?.removed) return { ...base, status: 'lifecycle', lifecycle };
    if (known === 'unknown-group') return { ...base, status: 'unknown-group', lifecycle };
    if (known === 'unknown-kind') return { ...base, status: lifecycle ? 'lifecycle' : 'unknown-kind', lifecycle };
    const value = doc.value;
    const broken = doc.errors.length > 0;
    // A Helm template that does not parse once masked: its structure cannot be known.
    if (value === undefined || (broken && doc.masked)) return { ...base, status: 'known', lifecycle, crd, issues: [] };
    let issues = store.validate(sv, id.apiVersion, id.kind, value);
    // Where the parse broke off, fields are missing or land in the wrong object because of the
    // syntax error (yaml-syntax says so): keep only what lies above the first error.
    if (broken) {
      const firstErrorLine = Math.min(...doc.errors.map((e) => doc.lines.positionAt(e.pos[0]).line));
      issues = issues.filter((i) => i.code !== 'required' && issueLine(doc, i) < firstErrorLine);
    }
    if (doc.masked) issues = issues.filter((i) => !helmUnknowable(doc, i));
    // The objects of a List are checked as objects of their own (model/yaml.ts listItems).
    const items = doc.listItems;
    if (items.length) {
      const own = new Set(items.map((i) => i.listIndex));
      issues = issues.filter((i) => !(i.path[0] === 'items' && own.has(i.path[1] as number)));
    }
    return { ...base, status: 'known', lifecycle, crd, issues };
  });
}

/**
 * Helm templates: what a template expression produces cannot be known, so
 * - a type or enum issue whose value contains a masked expression is dropped;
 * - an unknown field whose key contains one is dropped;
 * - a missing required field is dropped when the object's block - the lines from its key (or its
 *   first line, for a sequence item; the whole document for the top level) down to the next
 *   non-blank line indented at or left of that key - holds any line that masking changed: a
 *   blanked `{{ include … | indent 8 }}` or `{{- if }}` line, or a line with a masked expression.
 *   The expression may render the missing field.
 */
export function helmUnknowable(doc: YamlDocModel, issue: SchemaIssue): boolean {
  switch (issue.code) {
    case 'type':
    case 'enum':
      return containsMask(valueAt(doc.value, issue.path));
    case 'unknown-field':
      return isMasked(issue.key);
    case 'required':
      return objectBlockChanged(doc, issue.path);
  }
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function issueLine(doc: YamlDocModel, issue: SchemaIssue): number {
  const loc = locatePath(doc, issue.path);
  for (let i = loc.steps.length - 1; i >= 0; i--) {
    const s = loc.steps[i];
    const node = (s.pair?.key as { range?: number[] } | null | undefined) ?? s.node;
    if (node?.range) return doc.lines.positionAt(node.range[0]).line;
  }
  return 0;
}

/** Whether a value holds a masked Helm expression anywhere (bounded walk). */
export function containsMask(value: unknown): boolean {
  const stack: unknown[] = [value];
  let budget = 10_000;
  while (stack.length && budget-- > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (isMasked(v)) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (isMasked(k)) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

