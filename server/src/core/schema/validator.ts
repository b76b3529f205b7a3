/**
 * Validation engine: a hand-written walker over compiled `SchemaNode`s, not ajv.
 *
 * Why not ajv: the rules here are not plain JSON Schema. Null must count as absent everywhere
 * (ajv would need `nullable` on every node), unknown fields need a "did you mean" suggestion,
 * issues must come in document order (ajv reports per keyword, e.g. all `required` errors of an
 * object after its properties and `additionalProperties` errors in schema order), int-or-string and
 * Quantity are type unions, built-in enums accept "" as unset, and definitions live in lazily loaded
 * per-package files. Doing that with ajv means generating a second JSON Schema per kind, compiling
 * it with `new Function` and post-processing its errors. Measured on the build machine: ajv 8
 * (allErrors) needs ~570 ms to compile the Deployment closure (116 definitions) and ~490 ms for
 * StatefulSet, while a cold first pass of this walker over 300 documents (reading the package files
 * included) takes ~20 ms and a warm pass ~5 ms, against ~300 ms for yaml.parseAllDocuments of the
 * same 10,200 lines (now part of `npm run bench`: scripts/bench/k8s.mjs). The walker reuses compiled, cached nodes shared by
 * all kinds and visits every value once.
 */
import { resolveField, type SchemaNode } from './model';
import { nearestName } from './suggest';
import type { SchemaIssue } from './types';

export const MAX_ISSUES = 200;

const EXPECTED: Record<SchemaNode['type'], string[]> = {
  object: ['object'],
  array: ['array'],
  string: ['string'],
  integer: ['integer'],
  number: ['number'],
  boolean: ['boolean'],
  ios: ['integer', 'string'],
  qty: ['string', 'number'],
  any: [],
};

/** JSON type name of a value, as reported in `SchemaIssue.actual`. */
export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'bigint':
      return 'integer';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'object':
      return value instanceof Date ? 'string' : 'object';
    default:
      return typeof value;
  }
}

function isInteger(value: unknown): boolean {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
}

function isNumber(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint';
}

class Walker {
  readonly issues: SchemaIssue[] = [];
  private readonly path: (string | number)[] = [];

  private full(): boolean {
    return this.issues.length >= MAX_ISSUES;
  }

  private push(issue: SchemaIssue): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }

  private typeIssue(node: SchemaNode, value: unknown): void {
    this.push({ code: 'type', path: this.path.slice(), expected: EXPECTED[node.type].slice(), actual: jsonType(value) });
  }

  check(node: SchemaNode, value: unknown): void {
    switch (node.type) {
      case 'any':
        return;
      case 'object':
        if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
          this.typeIssue(node, value);
          return;
        }
        this.object(node, value as Record<string, unknown>);
        return;
      case 'array':
        if (!Array.isArray(value)) {
          this.typeIssue(node, value);
          return;
        }
        this.array(node, value);
        return;
      case 'string':
        if (typeof value !== 'string' && !(value instanceof Date && node.format === 'date-time')) {
          this.typeIssue(node, value);
          return;
        }
        break;
      case 'integer':
        if (!isInteger(value)) {
          this.typeIssue(node, value);
          return;
        }
        break;
      case 'number':
        if (!isNumber(value)) {
          this.typeIssue(node, value);
          return;
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') {
          this.typeIssue(node, value);
          return;
        }
        break;
      case 'ios':
        if (typeof value !== 'string' && !isInteger(value)) {
          this.typeIssue(node, value);
          return;
        }
        break;
      case 'qty':
        if (typeof value !== 'string' && !isNumber(value)) {
          this.typeIssue(node, value);
          return;
        }
        break;
    }
    const set = node.enumSet;
    if (set && !set.has(value) && !(value === '' && node.emptyIsUnset)) {
      this.push({
        code: 'enum',
        path: this.path.slice(),
        expected: node.enumValues!.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
        actual: typeof value === 'string' ? value : JSON.stringify(value),
      });
    }
  }

  private object(node: SchemaNode, value: Record<string, unknown>): void {
    const required = node.required;
    if (required) {
      for (const key of required) {
        const v = value[key];
        if (v === undefined || v === null) {
          this.push({ code: 'required', path: this.path.slice(), key });
        }
      }
    }
    const props = node.props;
    const additional = node.additional;
    const keys = Object.keys(value);
    for (let k = 0; k < keys.length; k++) {
      if (this.full()) return;
      const key = keys[k];
      const v = value[key];
      if (v === null || v === undefined) continue; // Kubernetes drops nulls: absent
      const field = props?.get(key) ?? additional;
      if (field) {
        this.path.push(key);
        this.check(resolveField(field), v);
        this.path.pop();
      } else if (!node.preserveUnknown) {
        const issue: SchemaIssue = { code: 'unknown-field', path: [...this.path, key], key };
        const suggestion = node.propNames ? nearestName(key, node.propNames) : undefined;
        if (suggestion !== undefined) issue.suggestion = suggestion;
        this.push(issue);
      }
    }
  }

  private array(node: SchemaNode, value: unknown[]): void {
    if (!node.items) return;
    const items = resolveField(node.items);
    if (items.type === 'any') return;
    for (let i = 0; i < value.length; i++) {
      if (this.full()) return;
      const v = value[i];
      if (v === null || v === undefined) continue;
      this.path.push(i);
      this.check(items, v);
      this.path.pop();
    }
  }
}

/** All issues of `value` against `root` (at most MAX_ISSUES), in document order. */
export function validateValue(root: SchemaNode, value: unknown): SchemaIssue[] {
  const walker = new Walker();
  if (value === null || value === undefined) return walker.issues;
  walker.check(root, value);
  return walker.issues;
}
