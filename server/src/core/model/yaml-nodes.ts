import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { isDocument, isMap } from './yaml-api';

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

/*
 * Constructor functions sharing the library classes' prototypes: `new` on a plain function gets V8's
 * fast allocation path and one stable object shape per kind (Object.create plus property stores
 * does not), and `instanceof` and the node methods (toJS, toString) keep working.
 */
interface FastCtor<T> {
  new (a?: unknown, b?: unknown): T;
}
function ctor<T>(proto: object, init: (self: Record<string | symbol, unknown>, a: unknown, b: unknown) => void): FastCtor<T> {
  const F = function (this: Record<string | symbol, unknown>, a: unknown, b: unknown) {
    init(this, a, b);
  } as unknown as FastCtor<T>;
  (F as unknown as { prototype: object }).prototype = proto;
  return F;
}
const FastScalar = ctor<Scalar>(Scalar.prototype, (o, value) => {
  o[NODE_TYPE] = TAG.scalar;
  o.value = value;
  o.range = undefined;
  o.type = undefined;
  o.source = undefined;
});
const FastMap = ctor<YAMLMap>(YAMLMap.prototype, (o) => {
  o[NODE_TYPE] = TAG.map;
  o.items = [];
  o.range = undefined;
  o.flow = undefined;
});
const FastSeq = ctor<YAMLSeq>(YAMLSeq.prototype, (o) => {
  o[NODE_TYPE] = TAG.seq;
  o.items = [];
  o.range = undefined;
  o.flow = undefined;
});
const FastPair = ctor<Pair>(Pair.prototype, (o, key, value) => {
  o[NODE_TYPE] = TAG.pair;
  o.key = key;
  o.value = value;
});

function fast(): boolean {
  if (fastNodes === undefined) fastNodes = checkFastNodes();
  return fastNodes;
}

export function newScalar(value: unknown): Scalar {
  return fast() ? new FastScalar(value) : new Scalar(value);
}

export function newMap(): YAMLMap {
  return fast() ? new FastMap() : new YAMLMap();
}

export function newSeq(): YAMLSeq {
  return fast() ? new FastSeq() : new YAMLSeq();
}

export function newPair(key: Node, value: Node | null): Pair {
  return fast() ? new FastPair(key, value) : new Pair(key, value);
}

/** Documents built by the model's parsers share one options/schema/directives set (never mutated). */
let templates: { plain: Document.Parsed; marked: Document.Parsed } | undefined;
const DOC_TAG = Symbol.for('yaml.document');

/** A parsed-looking Document holding `contents` (errors and warnings empty). */
export function newDocument(contents: Node, range: [number, number, number], docStart = false): Document.Parsed {
  if (!fast()) {
    const doc = new Document() as unknown as Document.Parsed;
    doc.contents = contents as Document.Parsed['contents'];
    doc.range = range;
    if (docStart) doc.directives.docStart = true;
    return doc;
  }
  if (!templates) {
    const plain = new Document() as unknown as Document.Parsed;
    const marked = new Document() as unknown as Document.Parsed;
    marked.directives.docStart = true;
    templates = { plain, marked };
  }
  const t = docStart ? templates.marked : templates.plain;
  const doc = Object.create(Document.prototype) as Document.Parsed;
  doc.commentBefore = null;
  doc.comment = null;
  doc.errors = [];
  doc.warnings = [];
  Object.defineProperty(doc, NODE_TYPE, { value: DOC_TAG });
  doc.options = t.options;
  doc.directives = t.directives;
  doc.schema = t.schema;
  doc.contents = contents as Document.Parsed['contents'];
  doc.range = range;
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
    return isMap(d.contents) && isDocument(d) && JSON.stringify(d.toJS()) === '{"a":[1,"x",true,null]}';
  } catch {
    return false;
  } finally {
    fastNodes = undefined;
  }
}
