import type { YMap, YNode, YPair } from './ynode';
import { isAlias, isMap, isScalar, isSeq } from './ynode';
import type { YamlDocModel } from './yaml';
import type { Range } from '../types';

/**
 * Value path (as in `doc.value` / schema issues) → the YAML node it came from, so a finding lands
 * on the exact key or value. Iterative: deep documents cannot overflow the stack.
 */
export interface Step {
  /** The node reached (null for an empty value, an alias node when the path goes through one). */
  node: YNode | null;
  /** The pair whose value `node` is, for a map step. */
  pair?: YPair;
  /** The sequence index, for a sequence step. */
  index?: number;
}

export interface Located {
  steps: Step[];
  /** Every path element was found in the syntax tree. */
  complete: boolean;
  /** The merge key (`<<`) a missing key may come from. */
  merge?: YPair;
}

/** The pair with this key; the last one when a key repeats (toJS keeps the last value). */
export function lastPair(map: YMap, key: string): YPair | undefined {
  let found: YPair | undefined;
  for (const it of map.items) {
    const k = it.key;
    if (isScalar(k) && k.value !== null && String(k.value) === key) found = it;
  }
  return found;
}

export function locatePath(doc: YamlDocModel, path: readonly (string | number)[]): Located {
  const steps: Step[] = [];
  let cur: YNode | null = doc.contents;
  for (const seg of path) {
    if (!cur || isAlias(cur)) return { steps, complete: false };
    if (typeof seg === 'number') {
      if (!isSeq(cur)) return { steps, complete: false };
      const item = cur.items[seg] as YNode | null | undefined;
      if (item === undefined) return { steps, complete: false };
      steps.push({ node: item ?? null, index: seg });
      cur = item ?? null;
    } else {
      if (!isMap(cur)) return { steps, complete: false };
      const pair = lastPair(cur, seg);
      if (!pair) {
        const merge = lastPair(cur, '<<');
        return merge ? { steps, complete: false, merge } : { steps, complete: false };
      }
      const value = (pair.value as YNode | null) ?? null;
      steps.push({ node: value, pair });
      cur = value;
    }
  }
  return { steps, complete: true };
}

/** The `kind: X` pair of the document (where whole-document findings go). */
export function kindRange(doc: YamlDocModel): Range {
  const root = doc.contents;
  if (isMap(root)) {
    const p = lastPair(root, 'kind');
    if (p) return doc.pairRange(p);
  }
  return doc.lines.rangeOf(0, 0);
}

/** Where a located path failed: the deepest key found, the merge key, or the document's kind. */
function fallback(doc: YamlDocModel, loc: Located): Range {
  if (loc.merge) return doc.keyRange(loc.merge);
  for (let i = loc.steps.length - 1; i >= 0; i--) {
    const s = loc.steps[i];
    if (s.pair) return doc.keyRange(s.pair);
    if (s.node?.range) return firstLineOf(doc, s.node);
  }
  return kindRange(doc);
}

/** A sequence item: its first key, or its own range when it is not a block map. */
function firstLineOf(doc: YamlDocModel, node: YNode): Range {
  if (isMap(node) && node.items.length && node.items[0].key && (node.items[0].key as YNode).range) return doc.keyRange(node.items[0] as YPair);
  return doc.rangeOf(node);
}

/** Range of a value (type and enum issues): the value, or the key when the value is empty. */
export function valueRangeAt(doc: YamlDocModel, path: readonly (string | number)[]): Range {
  const loc = locatePath(doc, path);
  if (!loc.complete) return fallback(doc, loc);
  const last = loc.steps[loc.steps.length - 1];
  if (!last) return kindRange(doc);
  // A block collection spans many lines: point at its key (or an item's first key) instead.
  const block = (isMap(last.node) || isSeq(last.node)) && !(last.node as YMap).flow;
  if (block && last.pair) return doc.keyRange(last.pair);
  if (block && last.node) return firstLineOf(doc, last.node);
  if (last.node?.range && last.node.range[1] > last.node.range[0]) return doc.rangeOf(last.node);
  if (last.pair) return doc.keyRange(last.pair);
  return last.node ? doc.rangeOf(last.node) : fallback(doc, loc);
}

/** Range of a key (unknown fields). */
export function keyRangeAt(doc: YamlDocModel, path: readonly (string | number)[]): Range {
  const loc = locatePath(doc, path);
  const last = loc.steps[loc.steps.length - 1];
  if (loc.complete && last?.pair) return doc.keyRange(last.pair);
  return fallback(doc, loc);
}

/**
 * Range for "object at `path` lacks a required key": the key that holds the object (`spec:`), the
 * first key of a sequence item, or the `kind` pair for the document itself.
 */
export function objectRangeAt(doc: YamlDocModel, path: readonly (string | number)[]): Range {
  if (path.length === 0) return kindRange(doc);
  const loc = locatePath(doc, path);
  if (!loc.complete) return fallback(doc, loc);
  const last = loc.steps[loc.steps.length - 1];
  if (last.pair) return doc.keyRange(last.pair);
  if (last.node) return firstLineOf(doc, last.node);
  return fallback(doc, loc);
}

/** `spec.template.spec.containers[0].image` */
export function pathLabel(path: readonly (string | number)[]): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) s += s ? `.${seg}` : seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}
