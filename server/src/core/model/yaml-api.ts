/* eslint-disable @typescript-eslint/no-explicit-any */
import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * The `yaml` node predicates, as prototype checks. The library's own read a symbol-keyed property
 * (`node[NODE_TYPE]`), which V8 cannot cache across the many node shapes a rule walks over (the
 * profile showed ~6% of a Kubernetes analysis in them, plus a bundler getter per call of a named
 * import). `instanceof` answers the same for every node the library or the model's own parsers
 * create (they share the library's prototypes; subclasses such as YAMLSet count as their base, as
 * with the library's predicates); a test checks the two agree on parsed documents.
 * Import the predicates from here; types may still come from 'yaml'.
 */
export const isMap = <K = unknown, V = unknown>(node: any): node is YAMLMap<K, V> => node instanceof YAMLMap;
export const isSeq = <T = unknown>(node: any): node is YAMLSeq<T> => node instanceof YAMLSeq;
export const isScalar = <T = unknown>(node: any): node is Scalar<T> => node instanceof Scalar;
export const isPair = <K = unknown, V = unknown>(node: any): node is Pair<K, V> => node instanceof Pair;
export const isAlias = (node: any): node is Alias => node instanceof Alias;
export const isDocument = <T extends Node = Node>(node: any): node is Document<T> => node instanceof Document;
export function isCollection<K = unknown, V = unknown>(node: any): node is YAMLMap<K, V> | YAMLSeq<V> {
  return node instanceof YAMLMap || node instanceof YAMLSeq;
}
export function isNode<T = unknown>(node: any): node is Node<T> {
  return node instanceof Scalar || node instanceof YAMLMap || node instanceof YAMLSeq || node instanceof Alias;
}
