/**
 * Run-time schema model: compact nodes (from dist/schema or from a CRD) compiled into linked
 * `SchemaNode`s with property maps, enum sets and lazily resolved definition references.
 * Pure: package files are obtained through a callback.
 */
import type { CompactNode, CompactType, SchemaType } from './types';

/** The definition every object's `metadata` refers to. */
export const OBJECT_META = 'meta.v1.ObjectMeta';

/** A property / items / additionalProperties slot: the node is compiled on first use. */
export interface Field {
  readonly compact: CompactNode;
  /** Description of the slot itself (a property's own text), before the target's. */
  readonly description?: string;
  /** The scope that compiled the node owning this slot: compiles and resolves it. */
  readonly owner: Scope;
  node?: SchemaNode;
}

/** The node behind a slot, compiled on first use by the scope that owns the slot. */
export function resolveField(field: Field): SchemaNode {
  return field.node ?? field.owner.resolve(field);
}

export interface SchemaNode {
  readonly type: CompactType;
  readonly description?: string;
  readonly format?: string;
  /** Definition name without package ("PodSpec") for definitions. */
  readonly label?: string;
  readonly props?: ReadonlyMap<string, Field>;
  /** Property names in schema order (sorted), cached for suggestions and completion. */
  readonly propNames?: readonly string[];
  readonly required?: readonly string[];
  readonly items?: Field;
  readonly additional?: Field;
  readonly preserveUnknown: boolean;
  readonly embedded: boolean;
  readonly enumValues?: readonly unknown[];
  readonly enumSet?: ReadonlySet<unknown>;
  /** Built-in Kubernetes string enums treat "" as unset (Go zero value, defaulted by the server). */
  readonly emptyIsUnset: boolean;
}

/** Resolves definition references of one Kubernetes version and caches compiled definitions. */
export class Scope {
  private readonly defs = new Map<string, SchemaNode | null>();

  /**
   * @param lookup returns the compact definition for "<pkg>.<Name>" (loading its file on demand)
   * @param builtin true for the Kubernetes schema, false for CRD schemas (strict enums)
   */
  constructor(
    private readonly lookup: (name: string) => CompactNode | undefined,
    readonly builtin: boolean,
    private readonly parent?: Scope,
  ) {}

  /** A compiled definition, or undefined when the schema has no such definition. */
  def(name: string): SchemaNode | undefined {
    if (this.parent) return this.parent.def(name);
    let node = this.defs.get(name);
    if (node === undefined) {
      const compact = this.lookup(name);
      node = compact ? this.compile(compact, name.slice(name.lastIndexOf('.') + 1)) : null;
      this.defs.set(name, node);
    }
    return node ?? undefined;
  }

  /** The node behind a slot (use resolveField). Dangling references become `any`. */
  resolve(field: Field): SchemaNode {
    let node = field.node;
    if (!node) {
      const ref = field.compact.$;
      node = (ref ? this.def(ref) : undefined) ?? this.compile(ref ? { t: 'any' } : field.compact);
      field.node = node;
    }
    return node;
  }

  /**
   * A scope for CRD schemas: its own nodes use strict enums, definition references (ObjectMeta)
   * resolve to this scope's compiled definitions.
   */
  customChild(): Scope {
    return new Scope(this.lookup, false, this);
  }

  compile(compact: CompactNode, label?: string): SchemaNode {
    const type: CompactType = compact.t ?? (compact.p || compact.a ? 'object' : 'any');
    let props: Map<string, Field> | undefined;
    let required = compact.r;
    if (compact.p || compact.m) {
      props = new Map();
      for (const [name, child] of Object.entries(compact.p ?? {})) props.set(name, { compact: child, description: child.d, owner: this });
    }
    if (compact.m && props) {
      // x-kubernetes-embedded-resource: apiVersion, kind and metadata are implicit; apiVersion and
      // kind are required; metadata is always a full ObjectMeta.
      embedTypeMeta(props, this);
      required = [...new Set([...(required ?? []), 'apiVersion', 'kind'])].sort();
    }
    const propNames = props ? [...props.keys()].sort() : undefined;
    const enumValues = compact.e && compact.e.length ? compact.e : undefined;
    return {
      type,
      description: compact.d,
      format: compact.f,
      label,
      props,
      propNames,
      required: required && required.length ? required : undefined,
      items: compact.i ? { compact: compact.i, description: compact.i.d, owner: this } : undefined,
      additional: compact.a ? { compact: compact.a, description: compact.a.d, owner: this } : undefined,
      preserveUnknown: compact.x === 1,
      embedded: compact.m === 1,
      enumValues,
      enumSet: enumValues ? new Set(enumValues) : undefined,
      emptyIsUnset: this.builtin,
    };
  }
}

/** Add (or replace) apiVersion, kind and metadata as every Kubernetes object has them. */
export function embedTypeMeta(props: Map<string, Field>, owner: Scope): void {
  if (!props.has('apiVersion')) {
    props.set('apiVersion', {
      owner,
      compact: { t: 'string' },
      description: 'APIVersion defines the versioned schema of this representation of an object.',
    });
  }
  if (!props.has('kind')) {
    props.set('kind', {
      owner,
      compact: { t: 'string' },
      description: 'Kind is a string value representing the REST resource this object represents.',
    });
  }
  const own = props.get('metadata');
  props.set('metadata', {
    owner,
    compact: { $: OBJECT_META },
    description: own?.description ?? "Standard object's metadata.",
  });
}

// ---------------------------------------------------------------------------------------------
// CRD schemas

const PRIMITIVES: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'boolean']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Compact form of a CRD `openAPIV3Schema` (a structural schema). Only the structure is kept:
 * type, properties, required, items, additionalProperties, enum, description, format and the
 * x-kubernetes int-or-string / preserve-unknown-fields / embedded-resource extensions. Value
 * validations (pattern, minimum, CEL ...) are not checked. The root gets apiVersion, kind and an
 * ObjectMeta `metadata`, as the API server does.
 */
export function compactFromOpenAPIV3(schema: unknown, root = true): CompactNode {
  if (!isRecord(schema)) return { t: 'any' };
  const out: CompactNode = {};
  const type = schema.type;
  if (schema['x-kubernetes-int-or-string'] === true) {
    out.t = 'ios';
  } else if (type === 'array') {
    out.t = 'array';
    out.i = compactFromOpenAPIV3(schema.items, false);
  } else if (type === 'object' || (type === undefined && (isRecord(schema.properties) || root))) {
    out.t = 'object';
    if (isRecord(schema.properties)) {
      out.p = {};
      for (const key of Object.keys(schema.properties).sort()) {
        out.p[key] = compactFromOpenAPIV3(schema.properties[key], false);
      }
    }
    const additional = schema.additionalProperties;
    if (additional === true) out.a = { t: 'any' };
    else if (isRecord(additional)) out.a = compactFromOpenAPIV3(additional, false);
    if (!out.p && !out.a && schema['x-kubernetes-preserve-unknown-fields'] !== true) out.p = {};
    if (Array.isArray(schema.required)) {
      const required = schema.required.filter((k): k is string => typeof k === 'string');
      if (required.length) out.r = [...new Set(required)].sort();
    }
  } else if (typeof type === 'string' && PRIMITIVES.has(type)) {
    out.t = type as CompactType;
    if (typeof schema.format === 'string') out.f = schema.format;
  } else {
    out.t = 'any';
  }
  if (typeof schema.description === 'string' && schema.description) out.d = schema.description;
  if (Array.isArray(schema.enum) && schema.enum.length) out.e = [...schema.enum];
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) out.x = 1;
  if (schema['x-kubernetes-embedded-resource'] === true && out.t === 'object') out.m = 1;
  if (root && out.t === 'object') {
    out.p ??= {};
    out.p = { ...out.p };
    out.p.apiVersion ??= { t: 'string', d: 'APIVersion defines the versioned schema of this representation of an object.' };
    out.p.kind ??= { t: 'string', d: 'Kind is a string value representing the REST resource this object represents.' };
    // Only name/generateName may be restricted in a CRD; metadata is always a full ObjectMeta.
    out.p.metadata = { $: OBJECT_META, ...(out.p.metadata?.d ? { d: out.p.metadata.d } : {}) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Presentation helpers

export function schemaType(node: SchemaNode): SchemaType {
  switch (node.type) {
    case 'ios':
      return 'int-or-string';
    case 'qty':
      return 'quantity';
    default:
      return node.type;
  }
}

/** kubectl-explain style type label. */
export function typeLabel(node: SchemaNode): string {
  switch (node.type) {
    case 'object':
      if (node.label) return node.label;
      if (node.additional && !node.props) return `map[string]${typeLabel(resolveField(node.additional))}`;
      return 'Object';
    case 'array':
      return `[]${node.items ? typeLabel(resolveField(node.items)) : 'Object'}`;
    case 'ios':
      return 'IntOrString';
    case 'qty':
      return 'Quantity';
    case 'string':
      return node.format === 'date-time' ? 'Time' : 'string';
    case 'any':
      return 'JSON';
    default:
      return node.type;
  }
}
