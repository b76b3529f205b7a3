import { Alias, isDocument, Pair, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';

/**
 * Dockyard's own YAML node model. Rules, fixes and features read these nodes, never the `yaml`
 * library's classes: the library is the parser (its public `parseDocument`), this module turns its
 * tree into plain nodes once per `---` document, and resolves every plain scalar the way the
 * consumer of the file reads it (the **reader**):
 *
 * - `kubernetes`: kubectl / the API server (sigs.k8s.io/yaml over go-yaml v2's resolver): YAML 1.1
 *   booleans (`y`, `yes`, `on`, `off`, `NO` …), 1.1 integers (`0644` is octal 420, `0x1F`, `+12`,
 *   `1_000`, `0b101`), floats (`1e3`, `.inf`, `.nan`), null (`~`, `null`, empty), merge keys `<<`;
 *   timestamps and base-60 forms (`1:20`) stay strings; boolean and number *keys* become strings
 *   (as in the JSON kubectl sends);
 * - `ansible`: PyYAML's YAML 1.1 (booleans without `y`/`n`, base-60 integers, merge keys);
 * - `yaml12`: the YAML 1.2 core schema (docker compose);
 * - `actions`: GitHub workflows (YAML 1.2 core: `on:` is the key "on", not `true`).
 *
 * Offsets: `range` is `[start, valueEnd, end]` as in the parser (end includes a trailing comment on
 * the node's line when the parser counts it).
 */

export type Reader = 'kubernetes' | 'yaml12' | 'actions' | 'ansible';
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';
export type YRange = [start: number, valueEnd: number, end: number];

export class YScalar {
  constructor(
    /** The value as the reader reads it (string, number, boolean or null). */
    public value: unknown,
    /** The scalar's string content (quotes and block indicators processed, not resolved). */
    public source: string,
    /** Plain, quoted or block. */
    public type: ScalarStyle,
    public range: YRange,
    public tag?: string,
    public anchor?: string,
  ) {}
}

export class YMap {
  items: YPair[] = [];
  constructor(
    public range: YRange,
    public flow = false,
    public tag?: string,
    public anchor?: string,
  ) {}
}

export class YSeq {
  items: (YNode | null)[] = [];
  constructor(
    public range: YRange,
    public flow = false,
    public tag?: string,
    public anchor?: string,
  ) {}
}

export class YAlias {
  /** The anchored node (the last anchor of that name before the alias), when there is one. */
  target: YNode | undefined;
  constructor(
    /** The anchor's name. */
    public source: string,
    public range: YRange,
  ) {}
}

export class YPair {
  constructor(
    public key: YNode | null,
    public value: YNode | null,
  ) {}
}

export type YNode = YMap | YSeq | YScalar | YAlias;
export type YCollection = YMap | YSeq;

/** A parser error or warning, as plain data (offsets into the document). */
export interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

export const isMap = (n: unknown): n is YMap => n instanceof YMap;
export const isSeq = (n: unknown): n is YSeq => n instanceof YSeq;
export const isScalar = (n: unknown): n is YScalar => n instanceof YScalar;
export const isAlias = (n: unknown): n is YAlias => n instanceof YAlias;
export const isPair = (n: unknown): n is YPair => n instanceof YPair;
export const isCollection = (n: unknown): n is YCollection => n instanceof YMap || n instanceof YSeq;
export const isNode = (n: unknown): n is YNode => n instanceof YScalar || n instanceof YMap || n instanceof YSeq || n instanceof YAlias;

// ---------------------------------------------------------------------------------------------
// Resolvers: plain scalar text → value, per reader.

const NULLS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOL12: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);
/** go-yaml v2 resolve.go's map (the `!!bool` rows). */
const BOOL_GO: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ...BOOL12,
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((s) => [s, true] as [string, boolean]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((s) => [s, false] as [string, boolean]),
]);
/** PyYAML's bool resolver (YAML 1.1 without y/n). */
const BOOL_PY: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ...BOOL12,
  ...['yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((s) => [s, true] as [string, boolean]),
  ...['no', 'No', 'NO', 'off', 'Off', 'OFF'].map((s) => [s, false] as [string, boolean]),
]);
const SPECIAL_FLOATS: ReadonlyMap<string, number> = new Map<string, number>([
  ['.nan', NaN],
  ['.NaN', NaN],
  ['.NAN', NaN],
  ['.inf', Infinity],
  ['.Inf', Infinity],
  ['.INF', Infinity],
  ['+.inf', Infinity],
  ['+.Inf', Infinity],
  ['+.INF', Infinity],
  ['-.inf', -Infinity],
  ['-.Inf', -Infinity],
  ['-.INF', -Infinity],
]);

const FLOAT_STYLE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_DEC = /^[-+]?[0-9]+$/;
const GO_PREFIXED = /^([-+]?)0([xXoObB])([0-9a-fA-F]+)$/;
const GO_OCTAL = /^([-+]?)0([0-7]+)$/;

/** A plain scalar as go-yaml v2 resolves it (sigs.k8s.io/yaml, kubectl, the API server). */
export function resolveKubernetes(s: string): unknown {
  if (NULLS.has(s)) return null;
  const c = s.charCodeAt(0);
  // The hint table: only these first characters can resolve to anything but a string.
  const digit = c >= 48 && c <= 57;
  const sign = c === 43 || c === 45;
  if (!digit && !sign && c !== 46 && !'yYnNtTfFoO~'.includes(s[0])) return s;
  const b = BOOL_GO.get(s);
  if (b !== undefined) return b;
  const f = SPECIAL_FLOATS.get(s);
  if (f !== undefined) return f;
  if (c === 46) {
    // Go's ParseFloat: `.5`, `.5e3`.
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) ? Number(s) : s;
  }
  if (!digit && !sign) return s;
  // Timestamps (YYYY-…) stay strings here (the JSON carries them as text).
  const plain = s.includes('_') ? s.replace(/_/g, '') : s;
  if (GO_DEC.test(plain)) {
    const octal = GO_OCTAL.exec(plain);
    if (octal) return signed(octal[1], parseInt(octal[2], 8));
    // Decimal, or (`08`: not an octal integer) a float by the float pattern: the same number.
    return Number(plain);
  }
  const pre = GO_PREFIXED.exec(plain);
  if (pre) {
    const base = { x: 16, X: 16, o: 8, O: 8, b: 2, B: 2 }[pre[2]]!;
    const digits = pre[3];
    const ok = base === 16 ? /^[0-9a-fA-F]+$/.test(digits) : base === 8 ? /^[0-7]+$/.test(digits) : /^[01]+$/.test(digits);
    if (ok) return signed(pre[1], parseInt(digits, base));
    return s;
  }
  if (FLOAT_STYLE.test(plain)) {
    // Go's ParseFloat fails on overflow (`1e400`): then the text stays a string.
    const f = Number(plain);
    return Number.isFinite(f) ? f : s;
  }
  return s;
}

function signed(sign: string, n: number): number {
  return sign === '-' ? -n : n;
}

/** A plain scalar in the YAML 1.2 core schema (what the `yaml` library's default schema yields). */
export function resolveCore(s: string): unknown {
  if (NULLS.has(s)) return null;
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 116 || c === 84 || c === 102 || c === 70)) return s;
  const b = BOOL12.get(s);
  if (b !== undefined) return b;
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(s)) return NaN;
  if (FLOAT_STYLE.test(s)) return parseFloat(s);
  return s;
}

/** A plain scalar as PyYAML (YAML 1.1) resolves it: Ansible. */
export function resolvePyYaml(s: string): unknown {
  if (NULLS.has(s)) return null;
  const b = BOOL_PY.get(s);
  if (b !== undefined) return b;
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  const f = SPECIAL_FLOATS.get(s);
  if (f !== undefined) return f;
  let m: RegExpExecArray | null;
  if ((m = /^([-+]?)0b([01_]+)$/.exec(s))) return signed(m[1], parseInt(m[2].replace(/_/g, ''), 2));
  if ((m = /^([-+]?)0x([0-9a-fA-F_]+)$/.exec(s))) return signed(m[1], parseInt(m[2].replace(/_/g, ''), 16));
  if ((m = /^([-+]?)0([0-7_]+)$/.exec(s))) return signed(m[1], parseInt(m[2].replace(/_/g, ''), 8));
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s)) return Number(s.replace(/_/g, ''));
  if ((m = /^([-+]?)([1-9][0-9_]*(:[0-5]?[0-9])+)$/.exec(s))) {
    let n = 0;
    for (const part of m[2].replace(/_/g, '').split(':')) n = n * 60 + Number(part);
    return signed(m[1], n);
  }
  if (/^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$/.test(s) && /[0-9]/.test(s)) return Number(s.replace(/_/g, ''));
  if ((m = /^([-+]?)([0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*)$/.exec(s))) {
    let n = 0;
    for (const part of m[2].replace(/_/g, '').split(':')) n = n * 60 + Number(part);
    return signed(m[1], n);
  }
  return s;
}

/** The value of a plain scalar for a reader. */
export function resolvePlain(s: string, reader: Reader): unknown {
  switch (reader) {
    case 'kubernetes':
      return resolveKubernetes(s);
    case 'ansible':
      return resolvePyYaml(s);
    default:
      return resolveCore(s);
  }
}

/** Readers with YAML 1.1 merge keys (`<<: *defaults`). */
export function mergesKeys(reader: Reader): boolean {
  return reader === 'kubernetes' || reader === 'ansible';
}

const STR_TAG = 'tag:yaml.org,2002:str';
const BINARY_TAG = 'tag:yaml.org,2002:binary';

export function scalarValue(source: string, type: ScalarStyle, tag: string | undefined, reader: Reader): unknown {
  if (tag) {
    // `!!str`, `!!binary` and local tags keep the text; `!!int`, `!!bool` … resolve it.
    if (tag === STR_TAG || tag === BINARY_TAG || !tag.startsWith('tag:yaml.org,2002:')) return source;
    return resolvePlain(source, reader);
  }
  return type === 'PLAIN' ? resolvePlain(source, reader) : source;
}

/** A key's value: kubectl's JSON has string keys only (`on:` is the key "true"). */
export function keyValue(v: unknown, reader: Reader): unknown {
  if (reader === 'kubernetes' && (typeof v === 'boolean' || typeof v === 'number')) return String(v);
  return v;
}

/** A scalar's value as the reader reads it, as a key (`isKey`) or a value: what every builder of the model stores. */
export function readScalar(source: string, type: ScalarStyle, tag: string | undefined, reader: Reader, isKey: boolean): unknown {
  const v = scalarValue(source, type, tag, reader);
  return isKey ? keyValue(v, reader) : v;
}

// ---------------------------------------------------------------------------------------------
// Building the model from `yaml`'s public API.

/** The reader of a document whose root map has these keys (a mapping root), told by its top-level keys. */
export function detectReaderOfKeys(keys: readonly unknown[]): Reader {
  let api = false;
  let kind = false;
  let on = false;
  let jobs = false;
  for (const k of keys) {
    if (k === 'apiVersion') api = true;
    else if (k === 'kind') kind = true;
    else if (k === 'on') on = true;
    else if (k === 'jobs') jobs = true;
  }
  if (api && kind) return 'kubernetes';
  if (on && jobs) return 'actions';
  return 'yaml12';
}

const ANSIBLE_PLAY_KEYS: ReadonlySet<string> = new Set(['hosts', 'tasks', 'import_playbook', 'roles']);

/** The reader a document's consumer uses, told by its top-level keys (the `yaml` tree's root). */
export function detectReader(root: unknown): Reader {
  if (root instanceof YAMLMap) return detectReaderOfKeys(root.items.map((p) => (p.key instanceof Scalar ? p.key.source : undefined)));
  if (root instanceof YAMLSeq) {
    // An Ansible playbook: a sequence of plays.
    const first = root.items[0];
    if (first instanceof YAMLMap && first.items.some((p) => p.key instanceof Scalar && ANSIBLE_PLAY_KEYS.has(String(p.key.source)))) return 'ansible';
  }
  return 'yaml12';
}

export interface ParsedYaml {
  contents: YNode | null;
  errors: YamlError[];
  warnings: YamlError[];
  reader: Reader;
}

/** The reader of a document, told by its top-level keys (the owned tree's root). */
export function detectOwnedReader(root: YNode | null): Reader {
  if (root instanceof YMap) return detectReaderOfKeys(root.items.map((p) => (p.key instanceof YScalar ? p.key.source : undefined)));
  if (root instanceof YSeq) {
    const first = root.items[0];
    if (first instanceof YMap && first.items.some((p) => p.key instanceof YScalar && ANSIBLE_PLAY_KEYS.has(p.key.source))) return 'ansible';
  }
  return 'yaml12';
}

export function fromDocument(doc: Document.Parsed, reader?: Reader): ParsedYaml {
  if (!isDocument(doc)) throw new TypeError('not a yaml Document');
  const r = reader ?? detectReader(doc.contents);
  const conv = new Converter(r);
  const contents = doc.contents ? conv.node(doc.contents) : null;
  return {
    contents,
    errors: doc.errors.map(plainError),
    warnings: doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED').map(plainError),
    reader: r,
  };
}

function plainError(e: { code: string; message: string; pos: [number, number] }): YamlError {
  return { code: e.code, message: e.message, pos: [e.pos[0], e.pos[1]] };
}

const NO_RANGE: YRange = [0, 0, 0];

class Converter {
  readonly anchors = new Map<string, YNode>();
  constructor(readonly reader: Reader) {}

  node(n: unknown, isKey = false): YNode | null {
    if (n === null || n === undefined) return null;
    const range = rangeOf(n);
    if (n instanceof Scalar) {
      const src = typeof n.source === 'string' ? n.source : n.value === null || n.value === undefined ? '' : String(n.value);
      const type = (n.type ?? 'PLAIN') as ScalarStyle;
      const s = new YScalar(readScalar(src, type, n.tag, this.reader, isKey), src, type, range, n.tag, n.anchor);
      if (n.anchor) this.anchors.set(n.anchor, s);
      return s;
    }
    if (n instanceof YAMLMap) {
      const m = new YMap(range, !!n.flow, n.tag, n.anchor);
      if (n.anchor) this.anchors.set(n.anchor, m);
      for (const p of n.items) m.items.push(new YPair(this.node(p.key, true), this.node(p.value)));
      return m;
    }
    if (n instanceof YAMLSeq) {
      const s = new YSeq(range, !!n.flow, n.tag, n.anchor);
      if (n.anchor) this.anchors.set(n.anchor, s);
      for (const it of n.items) {
        // A pair inside a sequence (`- a: 1` in flow, `[a: 1]`) is a single-pair map.
        if (it instanceof Pair) {
          const k = this.node(it.key, true);
          const v = this.node(it.value);
          const start = k?.range[0] ?? v?.range[0] ?? 0;
          const end = v?.range[1] ?? k?.range[1] ?? start;
          const m = new YMap([start, end, v?.range[2] ?? end], true);
          m.items.push(new YPair(k, v));
          s.items.push(m);
        } else s.items.push(this.node(it));
      }
      return s;
    }
    if (n instanceof Alias) {
      const a = new YAlias(n.source, range);
      a.target = this.anchors.get(n.source);
      return a;
    }
    return null;
  }
}

function rangeOf(n: { range?: [number, number, number] | null }): YRange {
  const r = n.range;
  return r ? [r[0], r[1], r[2]] : NO_RANGE;
}

// ---------------------------------------------------------------------------------------------
// Plain values.

export class AliasLimitError extends Error {
  constructor() {
    super('Excessive alias count indicates a resource exhaustion attack');
  }
}

/**
 * The plain JS value of a node (maps → objects, aliases resolved to the anchored node's value,
 * merge keys applied for readers that have them). Aliases are bounded as the `yaml` library bounds
 * them: each resolution of an anchor counts its own nested aliases; more than `maxAliasCount` throws
 * an AliasLimitError.
 */
export function toValue(node: YNode | null, reader: Reader, maxAliasCount = 100): unknown {
  const anchors = new Map<YNode, { value: unknown; count: number; aliasCount: number }>();
  const merge = mergesKeys(reader);
  const aliasCountOf = (n: YNode | null): number => {
    if (!n) return 1;
    if (n instanceof YAlias) {
      const a = n.target && anchors.get(n.target);
      return a ? a.count * a.aliasCount : 0;
    }
    if (n instanceof YMap) {
      let c = 0;
      for (const p of n.items) c = Math.max(c, aliasCountOf(p.key), aliasCountOf(p.value));
      return c;
    }
    if (n instanceof YSeq) {
      let c = 0;
      for (const it of n.items) c = Math.max(c, aliasCountOf(it));
      return c;
    }
    return 1;
  };
  const build = (n: YNode | null): unknown => {
    if (!n) return null;
    if (n instanceof YScalar) {
      const v = n.value;
      if (n.anchor) anchors.set(n, { value: v, count: 0, aliasCount: 0 });
      return v;
    }
    if (n instanceof YAlias) {
      const t = n.target;
      const a = t && anchors.get(t);
      if (!a) throw new ReferenceError(`Unresolved alias: ${n.source}`);
      a.count += 1;
      if (a.aliasCount === 0) a.aliasCount = aliasCountOf(t);
      if (a.count * a.aliasCount > maxAliasCount) throw new AliasLimitError();
      return a.value;
    }
    if (n instanceof YSeq) {
      const out: unknown[] = [];
      const slot = n.anchor ? { value: out, count: 0, aliasCount: 0 } : undefined;
      if (slot) anchors.set(n, slot);
      for (const it of n.items) out.push(build(it));
      return out;
    }
    const out: Record<string, unknown> = {};
    if (n.anchor) anchors.set(n, { value: out, count: 0, aliasCount: 0 });
    const merged: Record<string, unknown>[] = [];
    for (const p of n.items) {
      if (merge && p.key instanceof YScalar && p.key.type === 'PLAIN' && p.key.source === '<<') {
        const v = build(p.value);
        for (const m of Array.isArray(v) ? v : [v]) if (m && typeof m === 'object' && !Array.isArray(m)) merged.push(m as Record<string, unknown>);
        continue;
      }
      const k = p.key instanceof YScalar ? p.key.value : p.key ? build(p.key) : null;
      set(out, keyString(k), build(p.value));
    }
    // Merged keys never override the map's own (earlier merges win over later ones).
    for (const m of merged) for (const k of Object.keys(m)) if (!Object.prototype.hasOwnProperty.call(out, k)) set(out, k, m[k]);
    return out;
  };
  return build(node);
}

function keyString(k: unknown): string {
  if (k === null || k === undefined) return '';
  if (typeof k === 'object') return JSON.stringify(k);
  return String(k);
}

function set(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}
