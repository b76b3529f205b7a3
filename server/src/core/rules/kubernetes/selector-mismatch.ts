import { isMap, isScalar } from '../../model/ynode';
import { objectBlockChanged } from '../../kubernetes/check';
import { lookup, perGeneration, sameNamespace, shift, type IndexLookup } from '../../kubernetes/index-lookup';
import { lastPair } from '../../kubernetes/locate';
import { labelsText, parseSelector, readLabels, requirementText, satisfies, type Selector } from '../../model/references';
import { getMap, type YamlDocModel, type YNode, type YPair } from '../../model/yaml';
import type { Message, Range, RelatedInformation } from '../../types';
import type { IndexedResource } from '../../workspace';
import { defineRule, type MessageOf } from '../define';

type SelectorKey = 'template' | 'empty' | 'service' | 'closest';

/**
 * Kinds whose `spec.selector` must select their own `spec.template` (a plain map for
 * ReplicationController and OpenShift's DeploymentConfig, `apps.openshift.io` or the legacy `v1`).
 */
const WORKLOADS: Record<string, 'labelSelector' | 'plain'> = {
  Deployment: 'labelSelector',
  StatefulSet: 'labelSelector',
  DaemonSet: 'labelSelector',
  ReplicaSet: 'labelSelector',
  Job: 'labelSelector',
  ReplicationController: 'plain',
  DeploymentConfig: 'plain',
};
const DEPLOYMENT_CONFIG_GROUPS: readonly string[] = ['apps.openshift.io', ''];

/** apps/v1 rejects an empty selector for these. */
const EMPTY_NOT_ALLOWED: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * - error: a workload's selector does not select its own pod template (the API server rejects it);
 * - warning: a Service's selector matches no pod template in the workspace index (traffic goes
 *   nowhere). Only when the index knows pod templates at all. Helm expressions make it unknowable.
 */
export const selectorMismatch = defineRule({
  id: 'selector-mismatch',
  category: 'kubernetes',
  target: 'yaml-file',
  defaultSeverity: 'error',
  equivalents: ['kube-linter:mismatching-selector', 'kube-linter:dangling-service'],
  references: [
    { title: 'Deployments: selector', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector' },
    { title: 'Labels and selectors', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors' },
  ],
  docs: {
    summary: 'A Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, ReplicationController or OpenShift DeploymentConfig whose selector does not select its own pod template (error), or a Service whose selector matches no pod template in the files Dockyard has indexed (warning). Pods an operator makes from a custom resource (one with a pod template, or prometheus-operator\'s `spec.podMetadata`) may carry labels of the operator\'s own: they match unless a label written there contradicts the selector.',
    risk: 'The API server rejects a workload whose selector misses its template; a Service that selects nothing has no endpoints and its traffic goes nowhere.',
    fix: 'Make the selector and the pod template labels agree (selectors of workloads are immutable: change the template labels, or recreate the object). For a Service, check the labels of the pods it should reach.',
  },
  messages: {
    template: 'The {kind} selector requires {requirement}, but the pod template labels are {labels}.',
    empty: 'A {kind} needs a non-empty selector that matches its pod template labels.',
    service: 'The Service selector {selector} matches no pod template in the workspace.',
    closest: 'Closest: {kind} "{name}" with pod labels {labels}.',
  },
  check(ctx, m) {
    for (const { chunk, doc } of ctx.docs) {
      const id = doc.k8s;
      if (!id) continue;
      const mode = id.kind !== 'DeploymentConfig' || DEPLOYMENT_CONFIG_GROUPS.includes(id.group) ? WORKLOADS[id.kind] : undefined;
      let found: Pending[] = [];
      if (mode) {
        found = doc.memoize('selector-mismatch.workload', () => {
          const out: Pending[] = [];
          checkWorkload(doc, id.kind, mode, (range, message) => out.push({ range, message }), m);
          return out;
        });
      } else if (id.kind === 'Service' && id.apiVersion === 'v1') {
        found = perGeneration(doc, 'selector-mismatch.service', ctx.workspace, () => {
          const out: Pending[] = [];
          checkService(doc, ctx.path, lookup(ctx.workspace), (range, message, related) => out.push({ range, message, severity: 'warning', related }), m);
          return out;
        }, ctx.path);
      }
      for (const f of found) ctx.report({ ...f, range: shift(f.range, chunk.startLine) });
    }
  },
});

interface Pending {
  range: Range;
  message: Message;
  severity?: 'warning';
  related?: RelatedInformation[];
}

/**
 * The pod template the selector selects ('matched'; also when a template whose labels cannot be
 * known may), else the first of those matching the most requirements (undefined: none matches any).
 * Selectors of plain `key: value` pairs (a Service's) are answered from the label index, without a
 * scan of every template in the workspace (custom resources whose operator makes the pods are scanned).
 */
function closestTemplate(index: IndexLookup, sel: Selector, ns: string | undefined): 'matched' | { r: IndexedResource; score: number } | undefined {
  const templates = index.podTemplates;
  const n = sel.requirements.length;
  let best: { r: IndexedResource; score: number } | undefined;
  // Pods an operator makes from a custom resource carry the labels written there and its own: they
  // may match unless a label written there contradicts a requirement.
  for (const i of index.podTemplatesOpenLabels) {
    const t = templates[i];
    if (!sameNamespace(t.namespace, ns)) continue;
    const labels = t.podLabels ?? {};
    if (sel.requirements.every((req) => !Object.prototype.hasOwnProperty.call(labels, req.key) || satisfies(req, labels))) return 'matched';
  }
  if (!sel.requirements.every((req) => req.operator === 'Equals')) {
    for (const t of templates) {
      if (!sameNamespace(t.namespace, ns)) continue;
      if (t.data?.podLabelsUnknown) return 'matched'; // a template whose labels cannot be known may match
      const labels = t.podLabels ?? {};
      let score = 0;
      for (const req of sel.requirements) if (satisfies(req, labels)) score++;
      if (score === n) return 'matched';
      if (score > 0 && (!best || score > best.score)) best = { r: t, score };
    }
    return best;
  }
  for (const i of index.podTemplatesUnknownLabels) if (sameNamespace(templates[i].namespace, ns)) return 'matched';
  const scores = new Map<number, number>();
  for (const req of sel.requirements) for (const i of index.podTemplatesByLabel.get(`${req.key}\0${req.values[0]}`) ?? []) scores.set(i, (scores.get(i) ?? 0) + 1);
  for (const i of [...scores.keys()].sort((a, b) => a - b)) {
    const t = templates[i];
    if (!sameNamespace(t.namespace, ns)) continue;
    const score = scores.get(i)!;
    if (score === n) return 'matched';
    if (!best || score > best.score) best = { r: t, score };
  }
  return best;
}

function selectorOf(doc: YamlDocModel, plain: boolean): { pair: YPair; sel: Selector } | undefined {
  const root = doc.contents;
  const spec = isMap(root) ? getMap(root, 'spec') : undefined;
  const pair = spec ? lastPair(spec, 'selector') : undefined;
  if (!pair || !pair.key) return undefined;
  const v = pair.value as YNode | null;
  if (v === null || (isScalar(v) && v.value === null)) return undefined;
  if (doc.masked && objectBlockChanged(doc, ['spec', 'selector'])) return undefined;
  return { pair, sel: parseSelector(pair.key as YNode, v, plain) };
}

function checkWorkload(doc: YamlDocModel, kind: string, mode: 'labelSelector' | 'plain', report: (range: ReturnType<YamlDocModel['rangeOf']>, message: Message) => void, m: MessageOf<SelectorKey>): void {
  const found = selectorOf(doc, mode === 'plain');
  if (!found || found.sel.unknown) return;
  const { pair, sel } = found;
  if (sel.empty) {
    if (EMPTY_NOT_ALLOWED.has(kind)) report(doc.keyRange(pair), m('empty', { kind }));
    return;
  }
  const labelsPath = ['spec', 'template', 'metadata', 'labels'];
  if (doc.masked && objectBlockChanged(doc, labelsPath)) return;
  const tmpl = doc.getIn(['spec', 'template', 'metadata']);
  const labelsNode = isMap(tmpl) ? getMap(tmpl, 'labels') : undefined;
  const labels = readLabels(labelsNode);
  if (!labels) return;
  for (const req of sel.requirements) {
    if (satisfies(req, labels)) continue;
    report(doc.rangeOf(req.node), m('template', { kind, requirement: requirementText(req), labels: labelsText(labels) || '-' }));
  }
}

function checkService(
  doc: YamlDocModel,
  path: string,
  index: IndexLookup,
  report: (range: ReturnType<YamlDocModel['rangeOf']>, message: Message, related?: RelatedInformation[]) => void,
  m: MessageOf<SelectorKey>,
): void {
  const templates = index.podTemplates;
  if (!templates.length) return; // nothing indexed that could match: the workloads are elsewhere
  const root = doc.contents;
  const spec = isMap(root) ? getMap(root, 'spec') : undefined;
  const type = spec ? lastPair(spec, 'type')?.value : undefined;
  if (isScalar(type) && type.value === 'ExternalName') return;
  const found = selectorOf(doc, true);
  if (!found || found.sel.unknown || found.sel.empty) return;
  const { pair, sel } = found;
  const ns = doc.k8s?.namespace;
  const best = closestTemplate(index, sel, ns);
  if (best === 'matched') return;
  const selector = sel.requirements.map(requirementText).join(',');
  const related: RelatedInformation[] | undefined = best
    ? [
        {
          range: best.r.range,
          message: m('closest', { kind: best.r.kind, name: best.r.name ?? '', labels: labelsText(best.r.podLabels ?? {}) || '-' }),
          ...(best.r.path !== path ? { path: best.r.path } : {}),
        },
      ]
    : undefined;
  report(doc.keyRange(pair), m('service', { selector }), related);
}
