import type { YMap, YNode, YPair, YScalar } from './ynode';
import { isMap, isScalar, isSeq } from './ynode';
import { isMasked } from './helm';
import { CONTAINER_KINDS, podsOf } from './pods';
import { getMap, getPair, getSeq, getValue, type YamlDocModel } from './yaml';

/**
 * What a pod spec refers to by name: ConfigMaps, Secrets, PersistentVolumeClaims and the
 * ServiceAccount, with the scalar node that names each (for exact ranges). Computed once per
 * document version (memoized on the model).
 */
export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount';

export interface Reference {
  kind: ReferencedKind;
  name: string;
  node: YScalar;
  /** `optional: true` on the reference: a missing object is fine. */
  optional: boolean;
  /** Where it comes from, for messages: `env`, `envFrom`, `volume "etc"`, `imagePullSecrets`, `serviceAccountName` … */
  via: string;
}

function nameNode(map: YMap | undefined, key: string): YScalar | undefined {
  if (!map) return undefined;
  const v = getValue(map, key);
  if (!isScalar(v) || v.value === null || v.value === undefined || !v.range) return undefined;
  const s = String(v.value);
  if (s === '' || isMasked(s)) return undefined;
  return v;
}

function optionalFlag(map: YMap | undefined): boolean {
  const v = map ? getValue(map, 'optional') : undefined;
  return isScalar(v) && v.value === true;
}

export function podReferences(doc: YamlDocModel): Reference[] {
  return doc.memoize('k8s.references', () => compute(doc));
}

function compute(doc: YamlDocModel): Reference[] {
  const out: Reference[] = [];
  const add = (kind: ReferencedKind, node: YScalar | undefined, optional: boolean, via: string) => {
    if (node) out.push({ kind, name: String(node.value), node, optional, via });
  };
  for (const pod of podsOf(doc)) {
    const spec = pod.spec;
    for (const key of ['serviceAccountName', 'serviceAccount']) {
      const n = nameNode(spec, key);
      if (n) {
        add('ServiceAccount', n, false, key);
        break;
      }
    }
    for (const item of getSeq(spec, 'imagePullSecrets')?.items ?? []) {
      if (isMap(item)) add('Secret', nameNode(item, 'name'), false, 'imagePullSecrets');
    }
    for (const group of CONTAINER_KINDS) {
      for (const c of getSeq(spec, group)?.items ?? []) {
        if (!isMap(c)) continue;
        for (const e of getSeq(c, 'env')?.items ?? []) {
          if (!isMap(e)) continue;
          const vf = getMap(e, 'valueFrom');
          const cm = getMap(vf, 'configMapKeyRef');
          add('ConfigMap', nameNode(cm, 'name'), optionalFlag(cm), 'env');
          const sk = getMap(vf, 'secretKeyRef');
          add('Secret', nameNode(sk, 'name'), optionalFlag(sk), 'env');
        }
        for (const e of getSeq(c, 'envFrom')?.items ?? []) {
          if (!isMap(e)) continue;
          const cm = getMap(e, 'configMapRef');
          add('ConfigMap', nameNode(cm, 'name'), optionalFlag(cm), 'envFrom');
          const s = getMap(e, 'secretRef');
          add('Secret', nameNode(s, 'name'), optionalFlag(s), 'envFrom');
        }
      }
    }
    for (const v of getSeq(spec, 'volumes')?.items ?? []) {
      if (!isMap(v)) continue;
      const volName = isScalar(getValue(v, 'name')) ? String((getValue(v, 'name') as YScalar).value) : '?';
      const via = `volume "${volName}"`;
      const cm = getMap(v, 'configMap');
      add('ConfigMap', nameNode(cm, 'name'), optionalFlag(cm), via);
      const sec = getMap(v, 'secret');
      add('Secret', nameNode(sec, 'secretName'), optionalFlag(sec), via);
      add('PersistentVolumeClaim', nameNode(getMap(v, 'persistentVolumeClaim'), 'claimName'), false, via);
      for (const src of ['rbd', 'cephfs', 'iscsi', 'flexVolume', 'scaleIO', 'storageos']) {
        add('Secret', nameNode(getMap(getMap(v, src), 'secretRef'), 'name'), false, via);
      }
      add('Secret', nameNode(getMap(getMap(v, 'csi'), 'nodePublishSecretRef'), 'name'), false, via);
      for (const s of getSeq(getMap(v, 'projected'), 'sources')?.items ?? []) {
        if (!isMap(s)) continue;
        const pcm = getMap(s, 'configMap');
        add('ConfigMap', nameNode(pcm, 'name'), optionalFlag(pcm), via);
        const ps = getMap(s, 'secret');
        add('Secret', nameNode(ps, 'name'), optionalFlag(ps), via);
      }
    }
  }
  return out;
}

/** A label selector as written: `matchLabels` pairs and `matchExpressions` items (or a plain map for Services). */
export interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals';
  values: string[];
  /** The node to report on: the `key: value` pair (matchLabels, Service selector) or the expression item. */
  node: YNode | YPair;
}

export interface Selector {
  /** The `selector:` pair's key node. */
  keyNode: YNode;
  requirements: SelectorRequirement[];
  /** Something in it cannot be read (a Helm expression, a non-scalar value, an unknown operator). */
  unknown: boolean;
  /** `selector: {}` or only empty parts. */
  empty: boolean;
}

/** Parse a selector map: LabelSelector (matchLabels / matchExpressions) or a Service's plain map. */
export function parseSelector(keyNode: YNode, value: unknown, plain: boolean): Selector {
  const sel: Selector = { keyNode, requirements: [], unknown: false, empty: true };
  if (!isMap(value)) {
    sel.unknown = value !== null && !(isScalar(value) && value.value === null);
    return sel;
  }
  const labels = plain ? value : getMap(value, 'matchLabels');
  if (!plain) {
    const ml = getValue(value, 'matchLabels');
    if (ml && !isMap(ml) && !(isScalar(ml) && ml.value === null)) sel.unknown = true;
  }
  for (const it of labels?.items ?? []) {
    const k = it.key;
    const v = it.value;
    if (!isScalar(k)) {
      sel.unknown = true;
      continue;
    }
    const key = String(k.value);
    if (!isScalar(v) || isMasked(key) || isMasked(v.value)) {
      sel.unknown = true;
      continue;
    }
    sel.empty = false;
    sel.requirements.push({ key, operator: 'Equals', values: [v.value === null ? '' : String(v.value)], node: it as YPair });
  }
  if (!plain) {
    const exprs = getValue(value, 'matchExpressions');
    if (exprs && !isSeq(exprs) && !(isScalar(exprs) && exprs.value === null)) sel.unknown = true;
    for (const e of isSeq(exprs) ? exprs.items : []) {
      if (!isMap(e)) {
        sel.unknown = true;
        continue;
      }
      const key = getValue(e, 'key');
      const op = getValue(e, 'operator');
      const vals = getValue(e, 'values');
      const opS = isScalar(op) ? String(op.value) : '';
      if (!isScalar(key) || isMasked(key.value) || !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(opS)) {
        sel.unknown = true;
        continue;
      }
      const values: string[] = [];
      if (isSeq(vals)) {
        for (const x of vals.items) {
          if (!isScalar(x) || isMasked(x.value)) sel.unknown = true;
          else values.push(String(x.value));
        }
      }
      sel.empty = false;
      sel.requirements.push({ key: String(key.value), operator: opS as SelectorRequirement['operator'], values, node: e as YNode });
    }
  }
  return sel;
}

/** kubectl label-selector syntax of one requirement: `app=web`, `tier in (a,b)`, `!canary`. */
export function requirementText(r: SelectorRequirement): string {
  switch (r.operator) {
    case 'Equals':
      return `${r.key}=${r.values[0]}`;
    case 'In':
      return `${r.key} in (${r.values.join(',')})`;
    case 'NotIn':
      return `${r.key} notin (${r.values.join(',')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
  }
}

export function labelsText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Whether labels satisfy one requirement (Kubernetes label selector semantics). */
export function satisfies(req: SelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'Equals':
      return has && labels[req.key] === req.values[0];
    case 'In':
      return has && req.values.includes(labels[req.key]);
    case 'NotIn':
      return !has || !req.values.includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Labels of a map node as plain strings; undefined when any key or value cannot be read (Helm). */
export function readLabels(map: YMap | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (!map) return out;
  for (const it of map.items) {
    if (!isScalar(it.key) || !(isScalar(it.value) || it.value === null)) return undefined;
    const k = String(it.key.value);
    const v = isScalar(it.value) ? it.value.value : null;
    if (isMasked(k) || isMasked(v)) return undefined;
    out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export { getPair };
