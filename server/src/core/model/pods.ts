import type { YMap, YNode, YPair } from './ynode';
import { isMap, isSeq } from './ynode';
import { getMap, getPair, getSeq, getValue, scalarString, type YamlDocModel } from './yaml';

/**
 * Every PodSpec in any workload and every container in it (init and ephemeral too), with the
 * *effective* security settings: a container's securityContext wins over the pod's for the fields
 * both define, the way the kubelet combines them.
 */

/** Path from the document root to the PodSpec, per workload kind. */
export const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
  // Kinds of other projects whose pod template sits where a Deployment's does.
  DeploymentConfig: ['spec', 'template', 'spec'], // OpenShift apps.openshift.io
  Rollout: ['spec', 'template', 'spec'], // Argo Rollouts argoproj.io
};

/** Where other kinds (CRDs) usually keep a pod template, tried before the search by shape. */
const TEMPLATE_PATHS: string[][] = [
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
];
/** Kinds that describe schemas or hold foreign objects as data, never a pod of their own. */
const NOT_POD_KINDS: ReadonlySet<string> = new Set(['CustomResourceDefinition', 'List', 'ConfigMap', 'Secret']);
const MAX_SHAPE_DEPTH = 12;

/**
 * A PodSpec by its shape: a `containers` list of objects that each have `name` and `image` (beside
 * optional `volumes`, `securityContext` …), as a CRD embeds one whether or not its schema is known.
 */
export function looksLikePodSpec(m: YMap): boolean {
  const c = getSeq(m, 'containers');
  if (!c || !c.items.length) return false;
  return c.items.every((i) => isMap(i) && getValue(i, 'name') !== undefined && getValue(i, 'image') !== undefined);
}

/** Every PodSpec-shaped map below the root (not inside metadata or status), outermost first. */
function podSpecsByShape(root: YMap): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (n: YNode | null | undefined, path: (string | number)[], depth: number): void => {
    if (!n || depth > MAX_SHAPE_DEPTH) return;
    if (isMap(n)) {
      if (path.length && looksLikePodSpec(n)) {
        out.push(path);
        return;
      }
      for (const p of n.items) {
        const k = scalarString(p.key);
        if (k === undefined || (depth === 0 && (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind'))) continue;
        walk(p.value as YNode | null, [...path, k], depth + 1);
      }
    } else if (isSeq(n)) n.items.forEach((it, i) => walk(it as YNode, [...path, i], depth + 1));
  };
  walk(root, [], 0);
  return out;
}

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_KINDS: ContainerKind[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface PodRef {
  doc: YamlDocModel;
  kind: string;
  /** Path of the PodSpec in the document value. */
  path: (string | number)[];
  spec: YMap;
  /** The `spec:` pair that holds the PodSpec (anchor of findings about missing pod-level fields). */
  specPair?: YPair;
  /** metadata of the pod (template metadata, or the Pod's own), for annotations. */
  metadata?: YMap;
  /** The map that holds `spec` (to insert a missing field next to existing ones). */
  securityContext?: YMap;
  containers: ContainerRef[];
  /** `podVolumes(pod)`, computed on first use and held by the PodRef (itself memoized per document). */
  volumes?: VolumeRef[];
}

export interface ContainerRef {
  pod: PodRef;
  node: YMap;
  group: ContainerKind;
  index: number;
  name?: string;
  securityContext?: YMap;
  /** Path of the container in the document value. */
  path: (string | number)[];
}

/** Fields of PodSecurityContext that a container's SecurityContext overrides. */
export const INHERITED_FIELDS = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'windowsOptions', 'appArmorProfile'] as const;
export type InheritedField = (typeof INHERITED_FIELDS)[number];

export interface Effective {
  /** Where the effective value comes from. */
  level: 'container' | 'pod' | 'none';
  pair?: YPair;
  node?: YNode | null;
}

export function podsOf(doc: YamlDocModel): PodRef[] {
  return doc.memoize('pods', () => computePods(doc));
}

function computePods(doc: YamlDocModel): PodRef[] {
  const id = doc.k8s;
  if (!id) return [];
  const known = POD_SPEC_PATHS[id.kind];
  if (known) {
    const pod = podAt(doc, id.kind, known);
    return pod ? [pod] : [];
  }
  if (NOT_POD_KINDS.has(id.kind) || id.kind.endsWith('List')) return [];
  // Any other kind (a CRD, known schema or not): the usual template places, else by shape.
  for (const path of TEMPLATE_PATHS) {
    const spec = doc.getIn(path);
    if (isMap(spec) && looksLikePodSpec(spec)) {
      const pod = podAt(doc, id.kind, path);
      return pod ? [pod] : [];
    }
  }
  const root = doc.contents;
  if (!isMap(root)) return [];
  const out: PodRef[] = [];
  for (const path of podSpecsByShape(root)) {
    const pod = podAt(doc, id.kind, path);
    if (pod) out.push(pod);
  }
  return out;
}

function podAt(doc: YamlDocModel, kind: string, path: (string | number)[]): PodRef | undefined {
  const spec = doc.getIn(path);
  if (!isMap(spec)) return undefined;
  const metaPath = [...path.slice(0, -1), 'metadata'];
  const metadata = path.length > 1 ? doc.getIn(metaPath) : doc.getIn(['metadata']);
  const holder = path.length > 1 ? doc.getIn(path.slice(0, -1)) : doc.contents;
  const last = path[path.length - 1];
  const pod: PodRef = {
    doc,
    kind,
    path,
    spec,
    specPair: isMap(holder) && typeof last === 'string' ? getPair(holder, last) : undefined,
    metadata: isMap(metadata) ? metadata : undefined,
    securityContext: getMap(spec, 'securityContext'),
    containers: [],
  };
  for (const group of CONTAINER_KINDS) {
    const seq = getSeq(spec, group);
    if (!seq) continue;
    seq.items.forEach((item, index) => {
      if (!isMap(item)) return;
      pod.containers.push({
        pod,
        node: item,
        group,
        index,
        name: scalarString(getValue(item, 'name')),
        securityContext: getMap(item, 'securityContext'),
        path: [...path, group, index],
      });
    });
  }
  return pod;
}

/** The effective value of a field both pod and container securityContext define. */
export function effective(c: ContainerRef, field: InheritedField): Effective {
  const cp = c.securityContext ? getPair(c.securityContext, field) : undefined;
  if (cp && cp.value !== null && !(isScalarNull(cp.value))) return { level: 'container', pair: cp, node: cp.value };
  const pp = c.pod.securityContext ? getPair(c.pod.securityContext, field) : undefined;
  if (pp && pp.value !== null && !isScalarNull(pp.value)) return { level: 'pod', pair: pp, node: pp.value };
  return { level: 'none' };
}

function isScalarNull(n: unknown): boolean {
  return !!n && typeof n === 'object' && 'value' in (n as object) && (n as { value: unknown }).value === null && !isMap(n) && !isSeq(n);
}

/** Every container of every PodSpec of the document (memoized: most security rules read it). */
export function allContainers(doc: YamlDocModel): ContainerRef[] {
  return doc.memoize('containers', () => podsOf(doc).flatMap((p) => p.containers));
}

/** Human label of a container for messages: `init container "setup"`. */
export function containerLabel(c: ContainerRef): string {
  return c.name ?? `${c.group}[${c.index}]`;
}

export interface VolumeRef {
  node: YMap;
  index: number;
  name?: string;
  /** The volume source key (`hostPath`, `configMap` …): the first key other than `name`. */
  source?: string;
  sourcePair?: YPair;
}

/** The pod's `volumes` entries, computed once per PodRef (which is itself memoized per document). */
export function podVolumes(pod: PodRef): VolumeRef[] {
  if (pod.volumes) return pod.volumes;
  const v: VolumeRef[] = [];
  const seq = getSeq(pod.spec, 'volumes');
  if (seq) {
    seq.items.forEach((item, index) => {
      if (!isMap(item)) return;
      const sourcePair = item.items.find((p) => scalarString(p.key) !== 'name') as YPair | undefined;
      v.push({ node: item, index, name: scalarString(getValue(item, 'name')), source: sourcePair ? scalarString(sourcePair.key) : undefined, sourcePair });
    });
  }
  pod.volumes = v;
  return v;
}

/** The volume a container's volumeMount names, if the pod defines it. */
export function volumeByName(pod: PodRef, name: string | undefined): VolumeRef | undefined {
  if (name === undefined) return undefined;
  return podVolumes(pod).find((v) => v.name === name);
}
