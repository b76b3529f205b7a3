import { isMap, isScalar, isSeq, type YMap, type YSeq } from './ynode';
import type { CrdSummary, IndexedResource } from '../workspace';
import { POD_SPEC_PATHS, podsOf } from './pods';
import { readLabels } from './references';
import { objectBlockChanged } from './helm-blocks';
import { getMap, getPair, getValue, scalarString, type YamlDocModel } from './yaml';

/** The index entry of one Kubernetes document (chunk-relative range), or null for other documents. */
export function summarizeResource(doc: YamlDocModel, path: string, docIndex: number): IndexedResource | null {
  const id = doc.k8s;
  if (!id) return null;
  const root = doc.contents;
  if (!isMap(root)) return null;
  const meta = getMap(root, 'metadata');
  const namePair = meta ? getPair(meta, 'name') : undefined;
  const kindPair = getPair(root, 'kind');
  const range = namePair ? doc.valueRange(namePair) : kindPair ? doc.valueRange(kindPair) : doc.lines.rangeOf(0, 0);
  const entry: IndexedResource = { path, docIndex, apiVersion: id.apiVersion, kind: id.kind, range };
  if (id.name !== undefined) entry.name = id.name;
  if (id.namespace !== undefined) entry.namespace = id.namespace;
  const pod = podsOf(doc)[0];
  if (doc.masked) {
    entry.data = { helm: true };
    // In a Helm template the pod labels often come from an include: they cannot be known.
    if (pod) {
      const labelsPath = [...pod.path.slice(0, -1), 'metadata', 'labels'];
      const labels = pod.metadata ? getMap(pod.metadata, 'labels') : undefined;
      if (objectBlockChanged(doc, labelsPath) || (labels && !readLabels(labels))) entry.data.podLabelsUnknown = true;
    }
  }
  // The pod template's labels, also when the template has no spec yet (a Service still selects them).
  // A custom resource that carries a pod template (found by shape) or an operator's `spec.podMetadata`
  // (prometheus-operator's Prometheus and Alertmanager, …): its operator makes the pods and adds labels
  // of its own, so the labels written here are some of the pods' labels, not all of them.
  const known = POD_SPEC_PATHS[id.kind];
  const templateMeta = pod ? pod.metadata : known ? doc.getIn([...known.slice(0, -1), 'metadata']) : undefined;
  const rootSpec = known ? undefined : getMap(root, 'spec');
  const podMetadata = rootSpec ? getMap(rootSpec, 'podMetadata') : undefined;
  const operatorPods = !known && (pod !== undefined || podMetadata !== undefined);
  const metaMap = isMap(templateMeta) ? templateMeta : operatorPods ? podMetadata : undefined;
  const labelsMap = metaMap ? getMap(metaMap, 'labels') : undefined;
  if (labelsMap) {
    const out: Record<string, string> = {};
    for (const it of labelsMap.items) {
      const k = scalarString(it.key);
      const v = scalarString(it.value);
      if (k !== undefined) out[k] = v ?? '';
    }
    entry.podLabels = out;
  }
  if (operatorPods) entry.data = { ...(entry.data ?? {}), operatorPods: true };
  if (id.group === 'rbac.authorization.k8s.io' && (id.kind === 'ClusterRole' || id.kind === 'Role')) {
    const rbac = rbacSummary(root);
    if (rbac) entry.data = { ...(entry.data ?? {}), rbac };
  }
  if (id.group === 'apiextensions.k8s.io' && id.kind === 'CustomResourceDefinition') {
    // Its schemas, so that custom resources in the workspace are validated without a setting (kubernetes/crd.ts).
    const crd = crdSummary(doc.value);
    if (crd) entry.data = { ...(entry.data ?? {}), crd };
  }
  if (id.group === '' && id.kind === 'ServiceAccount') {
    const auto = getPair(root, 'automountServiceAccountToken');
    const v = auto && isScalar(auto.value) ? auto.value.value : undefined;
    if (v === false || v === true) entry.data = { ...(entry.data ?? {}), automountToken: v };
  }
  return entry;
}

/** What the RBAC rules need of a role in the index (kept small: compared on every index update). */
export interface RbacSummary {
  /**
   * A rule grants every verb (`all`: `*`), or every read and write verb (`readWrite`: get, list,
   * watch, create, update, patch and delete), on every resource in every API group (without
   * resourceNames).
   */
  adminEquivalent?: 'all' | 'readWrite';
  /**
   * `rbac.authorization.kubernetes.io/autoupdate: "false"`: the API server leaves the role as written
   * instead of restoring a bootstrap role's permissions (cluster-admin) when it starts.
   */
  autoupdateOff?: true;
  /** The role's own labels (aggregation selects by them). */
  labels?: Record<string, string>;
  /** aggregationRule.clusterRoleSelectors[].matchLabels (a selector with matchExpressions is left out). */
  aggregates?: Record<string, string>[];
}

/** Every verb that reads or writes objects: with all of them on everything, a subject can read every Secret and run any pod. */
export const READ_WRITE_VERBS: readonly string[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
/** The annotation that stops the API server from reconciling a bootstrap role (its permissions come back on start otherwise). */
export const AUTOUPDATE_ANNOTATION = 'rbac.authorization.kubernetes.io/autoupdate';

function stringList(n: unknown): string[] | undefined {
  if (!isSeq(n)) return undefined;
  return n.items.map((i) => (isScalar(i) && typeof i.value === 'string' ? i.value : '\u0000'));
}

function rbacSummary(root: YMap): RbacSummary | undefined {
  const out: RbacSummary = {};
  for (const r of isSeq(getValue(root, 'rules')) ? (getValue(root, 'rules') as YSeq).items : []) {
    if (!isMap(r)) continue;
    const all = (k: string) => stringList(getValue(r, k))?.includes('*') ?? false;
    if (!all('apiGroups') || !all('resources') || stringList(getValue(r, 'resourceNames'))?.length) continue;
    const verbs = stringList(getValue(r, 'verbs')) ?? [];
    if (verbs.includes('*')) out.adminEquivalent = 'all';
    else if (!out.adminEquivalent && READ_WRITE_VERBS.every((v) => verbs.includes(v))) out.adminEquivalent = 'readWrite';
  }
  const meta = getMap(root, 'metadata');
  const annotations = meta ? getMap(meta, 'annotations') : undefined;
  if (annotations && scalarString(getValue(annotations, AUTOUPDATE_ANNOTATION)) === 'false') out.autoupdateOff = true;
  const labels = meta ? getMap(meta, 'labels') : undefined;
  if (labels) {
    const l = readLabels(labels);
    if (l && Object.keys(l).length) out.labels = l;
  }
  const agg = getMap(root, 'aggregationRule');
  const sels = agg ? getValue(agg, 'clusterRoleSelectors') : undefined;
  if (isSeq(sels)) {
    const list: Record<string, string>[] = [];
    for (const s of sels.items) {
      if (!isMap(s) || getValue(s, 'matchExpressions') !== undefined) continue;
      const ml = getMap(s, 'matchLabels');
      const l = ml ? readLabels(ml) : undefined;
      if (l && Object.keys(l).length) list.push(l);
    }
    if (list.length) out.aggregates = list;
  }
  return out.adminEquivalent || out.labels || out.aggregates || out.autoupdateOff ? out : undefined;
}


function crdSummary(value: unknown): CrdSummary | undefined {
  const spec = (value as { spec?: Record<string, unknown> } | undefined)?.spec;
  if (!spec || typeof spec !== 'object') return undefined;
  const group = typeof spec.group === 'string' ? spec.group : '';
  const kind = (spec.names as { kind?: unknown } | undefined)?.kind;
  if (!group || typeof kind !== 'string' || !kind) return undefined;
  const versions: Record<string, unknown> = {};
  const shared = (spec.validation as { openAPIV3Schema?: unknown } | undefined)?.openAPIV3Schema;
  for (const v of Array.isArray(spec.versions) ? (spec.versions as Record<string, unknown>[]) : []) {
    if (!v || typeof v.name !== 'string') continue;
    const s = (v.schema as { openAPIV3Schema?: unknown } | undefined)?.openAPIV3Schema ?? shared;
    if (s && typeof s === 'object') versions[v.name] = s;
  }
  if (typeof spec.version === 'string' && shared && typeof shared === 'object' && !(spec.version in versions)) versions[spec.version] = shared;
  return { group, kind, versions };
}
