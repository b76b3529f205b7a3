/**
 * Public and file-format types of the offline Kubernetes schema layer. Pure data, no imports.
 *
 * The compact file format is produced by `scripts/build-schema.mjs` (see the header comment there).
 */

/** One schema violation found in a document value. */
export interface SchemaIssue {
  code: 'required' | 'type' | 'enum' | 'unknown-field';
  /**
   * Path to the offending node in the document value (property names and array indexes).
   * For 'required' it is the path of the object that misses the key; for 'unknown-field' it ends
   * with the unknown key.
   */
  path: (string | number)[];
  /** The missing key ('required') or the unknown key ('unknown-field'). */
  key?: string;
  /** Accepted JSON types ('type') or allowed values ('enum'). */
  expected?: string[];
  /** The JSON type found ('type') or the value found ('enum'). */
  actual?: string;
  /** Nearest known field name ('unknown-field'), only when it is close. */
  suggestion?: string;
}

/** Value type of a schema node as reported by describe()/children(). */
export type SchemaType =
  | 'object'
  | 'array'
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'int-or-string'
  | 'quantity'
  | 'any';

export interface SchemaDescription {
  description?: string;
  type?: SchemaType;
  /** kubectl-explain style label: `[]Container`, `map[string]string`, `PodSpec`, `Quantity`, `Time` ... */
  typeLabel?: string;
  format?: string;
  /** True when the last path element is a required property of its parent object. */
  required?: boolean;
  enum?: string[];
}

export interface SchemaChild {
  name: string;
  type?: SchemaType;
  typeLabel?: string;
  required: boolean;
  description?: string;
  enum?: string[];
}

export type KindStatus = 'known' | 'unknown-kind' | 'unknown-group';

export interface SchemaStore {
  /** Kubernetes versions with a schema, ascending ("1.35", "1.36"). */
  versions(): string[];
  /**
   * The schema version used for a requested version: "v1.35.2" and "1.35" give "1.35"; a version
   * without a schema gives the highest known version below it (or the lowest known one).
   */
  resolveVersion(version: string): string;
  /** 'unknown-group': the API group is not part of Kubernetes (a CRD) and no custom schema is known. */
  knows(version: string, apiVersion: string, kind: string): KindStatus;
  /** All issues (at most 200) in document order; [] when the kind is not known. */
  validate(version: string, apiVersion: string, kind: string, value: unknown): SchemaIssue[];
  describe(version: string, apiVersion: string, kind: string, path: (string | number)[]): SchemaDescription | undefined;
  children(version: string, apiVersion: string, kind: string, path: (string | number)[]): SchemaChild[];
  /** Resource kinds served by a version (without the *List kinds), sorted by apiVersion then kind. */
  kinds(version: string): { apiVersion: string; kind: string }[];
  /**
   * Register the `spec.versions[].schema.openAPIV3Schema` of a CRD. Applies to every Kubernetes
   * version; a built-in kind with the same apiVersion/kind takes precedence.
   */
  addCustomSchema(apiVersion: string, kind: string, openAPIV3Schema: unknown): void;
  removeCustomSchema(apiVersion: string, kind: string): boolean;
}

// ---------------------------------------------------------------------------------------------
// Compact file format (dist/schema)

export type CompactType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'ios' | 'qty' | 'any';

export interface CompactNode {
  t?: CompactType;
  /** Reference "<package>.<Definition>", e.g. "core.v1.PodSpec". */
  $?: string;
  d?: string;
  f?: string;
  p?: Record<string, CompactNode>;
  r?: string[];
  i?: CompactNode;
  a?: CompactNode;
  e?: unknown[];
  x?: 1;
  m?: 1;
}

export interface CompactIndexVersion {
  source: string;
  /** package ("core.v1") -> file path relative to the schema directory */
  files: Record<string, string>;
  /** apiVersion -> kind -> definition ("apps.v1.Deployment") */
  kinds: Record<string, Record<string, string>>;
}

export interface CompactIndex {
  format: number;
  /** API groups that belong to Kubernetes itself, current or removed ("" is the core group). */
  coreGroups: string[];
  versions: Record<string, CompactIndexVersion>;
}

export interface CompactPackage {
  defs: Record<string, CompactNode>;
}
