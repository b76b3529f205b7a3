import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { isMap } from './yaml-api';

/*
 * Node factories for the model's own parsers (the JSON fast path in guards.ts, the block-YAML fast
 * path in yaml-fast.ts). The `yaml` node constructors define their type tag with
 * Object.defineProperty, which dominates the cost for hundreds of thousands of nodes; these create
 * the same objects (same prototypes, same `Symbol.for('yaml.node.type')` tag that isMap/isSeq/
 * isScalar/isPair read). A self-check at first use falls back to the constructors if the library
 * ever changes its tags.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');
const TAG = { map: Symbol.for('yaml.map'), seq: Symbol.for('yaml.seq'), scalar: Symbol.for('yaml.scalar'), pair: Symbol.for('yaml.pair') };
let fastNodes: boolean | undefined;

function tagged<T extends object>(proto: object, tag: symbol): T {
  const o = Object.create(proto) as Record<symbol, unknown>;
  o[NODE_TYPE] = tag;
  return o as T;
}

function fast(): boolean {
  if (fastNodes === undefined) fastNodes = checkFastNodes();
  return fastNodes;
}

export function newScalar(value: unknown): Scalar {
  if (!fast()) return new Scalar(value);
  const s = tagged<Scalar>(Scalar.prototype, TAG.scalar);
  s.value = value;
  return s;
}

export function newMap(): YAMLMap {
  if (!fast()) return new YAMLMap();
  const m = tagged<YAMLMap>(YAMLMap.prototype, TAG.map);
  m.items = [];
  return m;
}

export function newSeq(): YAMLSeq {
  if (!fast()) return new YAMLSeq();
  const q = tagged<YAMLSeq>(YAMLSeq.prototype, TAG.seq);
  q.items = [];
  return q;
}

export function newPair(key: Node, value: Node | null): Pair {
  if (!fast()) return new Pair(key, value);
  const p = tagged<Pair>(Pair.prototype, TAG.pair);
  p.key = key;
  p.value = value;
  return p;
}

/** A parsed-looking Document holding `contents` (errors and warnings empty). */
export function newDocument(contents: Node, range: [number, number, number], docStart = false): Document.Parsed {
  const doc = new Document() as unknown as Document.Parsed;
  doc.contents = contents as Document.Parsed['contents'];
  doc.range = range;
  if (docStart) doc.directives.docStart = true;
  return doc;
}

function checkFastNodes(): boolean {
  fastNodes = true;
  try {
    const m = newMap();
    const s = newSeq();
    s.items.push(newScalar(1), newScalar('x'), newScalar(true), newScalar(null));
    m.items.push(newPair(newScalar('a'), s));
    const d = newDocument(m, [0, 0, 0]);
    return isMap(d.contents) && JSON.stringify(d.toJS()) === '{"a":[1,"x",true,null]}';
  } catch {
    return false;
  } finally {
    fastNodes = undefined;
  }
}
