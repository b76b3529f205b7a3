/** Offline Kubernetes schema layer: public API. */
export type {
  KindStatus,
  SchemaChild,
  SchemaDescription,
  SchemaIssue,
  SchemaStore,
  SchemaType,
} from './types';
export { createSchemaStore, createSchemaStoreFromSource, compareVersions } from './store';
export { defaultSchemaDir, type SchemaSource } from './loader';
export { MAX_ISSUES } from './validator';
export { nearestName, damerauLevenshtein } from './suggest';
