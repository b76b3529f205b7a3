import type { InsertAt } from '../../fixes/yaml-edit';
import { objectBlockChanged } from '../../kubernetes/check';
import { isMasked } from '../../model/helm';
import type { ContainerRef, PodRef } from '../../model/pods';
import { getMap, getPair, getValue, isScalar, scalarString, type YNode, type YPair, type YMap, type YamlDocModel } from '../../model/yaml';
import type { Range } from '../../types';

/**
 * Shared helpers of the security rules. Range conventions (documented in every rule's docs):
 * - a field that is set to a bad value → the `key: value` pair;
 * - a sequence entry (volume, volumeMount, env var, sysctl, capability) → the entry itself;
 * - a field that is missing → the key of the map it belongs in when that map exists (the
 *   container's `securityContext:` / `resources:` key), otherwise the container's `name:` pair
 *   (the first pair when it has no name); for pod-level fields, the `spec:` key of the PodSpec.
 */

/** Range of a node without trailing whitespace/line breaks (block collections end after a newline). */
export function nodeRange(doc: YamlDocModel, node: YNode): Range {
  const r = node.range;
  if (!r) return doc.lines.rangeOf(0, 0);
  let end = r[1];
  const text = doc.text;
  while (end > r[0] && /\s/.test(text[end - 1])) end--;
  return doc.lines.rangeOf(r[0], end);
}

/** Where a finding about a missing container field points (see the conventions above). */
export function containerAnchor(doc: YamlDocModel, c: ContainerRef, parentKey?: string): Range {
  if (parentKey) {
    const p = getPair(c.node, parentKey);
    if (p) return doc.keyRange(p);
  }
  const name = getPair(c.node, 'name');
  if (name) return doc.pairRange(name);
  const first = c.node.items[0];
  return first ? doc.pairRange(first) : nodeRange(doc, c.node);
}

/** Where a finding about a missing pod-level field points: the `spec:` key holding the PodSpec. */
export function podAnchor(doc: YamlDocModel, pod: PodRef): Range {
  if (pod.specPair) return doc.keyRange(pod.specPair);
  return nodeRange(doc, pod.spec);
}

/** `spec.os.name: windows`: the restricted checks that do not apply to Windows pods skip them (PSA 1.25+). */
/**
 * In a Helm template, whether a container's or pod's block holds lines that masking changed
 * (an included snippet, a templated value): a field that is absent there may come from the
 * template, so "missing" findings are skipped; explicit values are still checked.
 */
export function helmUnknown(doc: YamlDocModel, path: readonly (string | number)[]): boolean {
  return doc.masked && objectBlockChanged(doc, path);
}

export function isWindowsPod(pod: PodRef): boolean {
  return scalarString(getValue(getMap(pod.spec, 'os') ?? emptyMap, 'name')) === 'windows';
}

/** `spec.hostUsers: false` — the pod runs in its own user namespace (KEP-127). */
export function hostUsersFalse(pod: PodRef): boolean {
  const v = getValue(pod.spec, 'hostUsers');
  return isScalar(v) && v.value === false;
}

const emptyMap = { items: [] } as unknown as YMap;

/** A scalar's string value, undefined for non-scalars and for Helm expressions (cannot be known). */
export function known(n: unknown): string | undefined {
  const s = scalarString(n);
  return s === undefined || isMasked(s) ? undefined : s;
}

export function pairAt(map: YMap | undefined, key: string): YPair | undefined {
  return map ? getPair(map, key) : undefined;
}

/** The effective boolean of a scalar (`true`/`false`), undefined when unset, not boolean or templated. */
export function boolOf(n: unknown): boolean | undefined {
  return isScalar(n) && typeof n.value === 'boolean' ? n.value : undefined;
}

/**
 * Where fixes insert a key a container lacks (`securityContext`, `resources`): right after its
 * `image` (else `name`) pair, never at the container's end, where a nested collection (the last
 * volumeMount) may end at the same offset and another fix may insert too.
 */
export function containerInsert(c: ContainerRef): InsertAt {
  const after = getPair(c.node, 'image') ?? getPair(c.node, 'name');
  return after ? { after } : {};
}

/** Where fixes insert a key a PodSpec lacks: before its first pair (the containers may end at its end). */
export function podInsert(pod: PodRef): InsertAt {
  const first = pod.spec.items[0];
  return first ? { before: first } : {};
}
