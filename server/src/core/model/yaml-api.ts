import * as Y from 'yaml';

/**
 * The `yaml` node predicates, read once. The bundler wraps the CommonJS `yaml` package in an object
 * of getters, so each call of a named import (`isMap(x)`) pays a getter call; the rules make
 * hundreds of thousands of these per large file (~5% of a Kubernetes analysis). Import the
 * predicates from here; types may still come from 'yaml'.
 */
export const isMap = Y.isMap;
export const isSeq = Y.isSeq;
export const isScalar = Y.isScalar;
export const isPair = Y.isPair;
export const isAlias = Y.isAlias;
export const isCollection = Y.isCollection;
export const isNode = Y.isNode;
export const isDocument = Y.isDocument;
