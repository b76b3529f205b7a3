/* eslint-disable @typescript-eslint/no-explicit-any */
import * as Y from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

// The classes, read once: the bundle reaches named imports of the CommonJS `yaml` through a getter
// per access, which would run on every predicate call.
const MAP = Y.YAMLMap;
const SEQ = Y.YAMLSeq;
const SCALAR = Y.Scalar;
const PAIR = Y.Pair;
const ALIAS = Y.Alias;
const DOCUMENT = Y.Document;

/**
 * The `yaml` node predicates, as prototype checks. The library's own read a symbol-keyed property
 * (`node[NODE_TYPE]`), which V8 cannot cache across the many node shapes a rule walks over (the
 * profile showed ~6% of a Kubernetes analysis in them, plus a bundler getter per call of a named
 * import). `instanceof` answers the same for every node the library or the model's own parsers
 * create (they share the library's prototypes; subclasses such as YAMLSet count as their base, as
 * with the library's predicates); a test checks the two agree on parsed documents.
 * Import the predicates from here; types may still come from 'yaml'.
 */
export const isMap = <K = unknown, V = unknown>(node: any): node is YAMLMap<K, V> => node instanceof MAP;
export const isSeq = <T = unknown>(node: any): node is YAMLSeq<T> => node instanceof SEQ;
export const isScalar = <T = unknown>(node: any): node is Scalar<T> => node instanceof SCALAR;
export const isPair = <K = unknown, V = unknown>(node: any): node is Pair<K, V> => node instanceof PAIR;
export const isAlias = (node: any): node is Alias => node instanceof ALIAS;
export const isDocument = <T extends Node = Node>(node: any): node is Document<T> => node instanceof DOCUMENT;
export function isCollection<K = unknown, V = unknown>(node: any): node is YAMLMap<K, V> | YAMLSeq<V> {
  return node instanceof MAP || node instanceof SEQ;
}
export function isNode<T = unknown>(node: any): node is Node<T> {
  return node instanceof SCALAR || node instanceof MAP || node instanceof SEQ || node instanceof ALIAS;
}
