/**
 * The control structure of a Helm template, read from its `{{ … }}` actions without a Go-template
 * engine: `if / else if / else / end`, `with`, `range`, `define`, `include`, and the conditions that
 * Dockyard can decide from the chart's values (`.Values.a.b`, `not`, `and`, `or`, `eq`/`ne` with a
 * literal, `.Capabilities.APIVersions.Has`, `semverCompare` on `.Capabilities.KubeVersion`).
 *
 * One linear scan over the actions (the same scan as `maskHelm`); nesting is bounded by
 * MAX_TEMPLATE_DEPTH (deeper templates get no structure: every branch is kept, as before).
 *
 * The branches of an `if` chain are alternatives: a document is analysed once per variant, a
 * variant keeping one branch of each chain and blanking the others (same offsets, same lines), so
 * a Deployment branch and a StatefulSet branch are never merged into one object.
 */

import { MASK, maskActions } from './helm';

export const MAX_TEMPLATE_DEPTH = 64;
const PURE = new RegExp(`^[\\s${MASK}]*$`);
/** At most this many variants of one document are analysed (the default one included). */
export const MAX_VARIANTS = 8;

export type Cond =
  | { t: 'values'; path: string[] }
  | { t: 'lit'; v: string | number | boolean | null }
  | { t: 'not'; x: Cond }
  | { t: 'and' | 'or'; xs: Cond[] }
  | { t: 'eq' | 'ne'; a: Cond; b: Cond }
  | { t: 'has'; api: string }
  | { t: 'semver'; constraint: string }
  | { t: 'empty'; x: Cond }
  | { t: 'in'; fn: 'has' | 'contains'; needle: Cond; hay: Cond }
  /** sprig's `default dflt x` (`x | default dflt`): x unless it is empty, else dflt. */
  | { t: 'default'; dflt: Cond; x: Cond }
  | { t: 'unknown'; text: string };

export interface Branch {
  /** The condition's source (without `if`/`else if`/`with`); '' for `else`. */
  text: string;
  /** Parsed condition; undefined for `else`. */
  cond?: Cond;
  /** Offset of the branch's action (`{{ if … }}`, `{{ else }}`). */
  marker: number;
  /** Body: from the end of the branch's action to the start of the next action of its chain. */
  start: number;
  end: number;
  chain: Chain;
  index: number;
}

export interface Chain {
  kind: 'if' | 'with' | 'range' | 'define';
  branches: Branch[];
  /** The branch this chain is nested in (undefined at the top level). */
  parent?: Branch;
  depth: number;
  /** Offset just after `{{ end }}` (the text's end when never closed). */
  end: number;
  /** Some action of the chain shares its line with text (`path: {{ if .x }}a{{ else }}b{{ end }}`): a masked scalar, no alternatives. */
  inline: boolean;
}

export interface IncludeRef {
  start: number;
  end: number;
  name: string;
}

export interface ValueRef {
  start: number;
  end: number;
  path: string[];
  /** `{{ .Values.x | default 3 }}` / `{{ default 3 .Values.x }}`: the literal rendered when the value is empty. */
  dflt?: string | number | boolean | null;
}

export interface TemplateStructure {
  chains: Chain[];
  includes: IncludeRef[];
  /** Actions that are a plain `.Values.a.b` (what can be replaced by the default value). */
  values: ValueRef[];
  /** False when the nesting went deeper than MAX_TEMPLATE_DEPTH or an `end` was missing. */
  complete: boolean;
}

/** `$name := .` assignments (openstack-helm's `$envAll := .`): `$name.Values` is `.Values`. */
function rootVariables(bodies: string[]): Set<string> {
  const out = new Set<string>(['$']);
  for (const b of bodies) {
    const m = /^(\$[A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*\.$/.exec(b);
    if (m) out.add(m[1]);
  }
  return out;
}

function actionBody(raw: string): string {
  let s = raw.slice(2, -2);
  if (s.startsWith('-') && (s.length === 1 || /\s/.test(s[1]))) s = s.slice(1);
  if (s.endsWith('-') && (s.length === 1 || /\s/.test(s[s.length - 2]))) s = s.slice(0, -1);
  return s.trim();
}

/** The structure of a template text (offsets into `text`). `masked`: `maskActions(text)` when the caller has it. */
export function scanTemplate(text: string, masked = maskActions(text)): TemplateStructure {
  const actions: { start: number; end: number; body: string; alone: boolean }[] = [];
  // Whether a line holds nothing but actions and whitespace (each line looked at once: linear).
  const pure = new Map<number, boolean>();
  // Offsets come in increasing order: the line start is tracked, never searched backwards.
  let ls = 0;
  let nextNl = masked.indexOf('\n');
  const pureLine = (offset: number): boolean => {
    while (nextNl >= 0 && nextNl < offset) {
      ls = nextNl + 1;
      nextNl = masked.indexOf('\n', ls);
    }
    let p = pure.get(ls);
    if (p === undefined) {
      p = PURE.test(masked.slice(ls, nextNl < 0 ? masked.length : nextNl));
      pure.set(ls, p);
    }
    return p;
  };
  let open = text.indexOf('{{');
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    actions.push({ start: open, end: close + 2, body: actionBody(text.slice(open, close + 2)), alone: pureLine(open) && pureLine(close + 1) });
    open = text.indexOf('{{', close + 2);
  }
  const roots = rootVariables(actions.map((a) => a.body));
  const vars = templateVariables(actions.map((a) => a.body), roots);
  const chains: Chain[] = [];
  const includes: IncludeRef[] = [];
  const values: ValueRef[] = [];
  const stack: Chain[] = [];
  let complete = true;
  const openBranch = (chain: Chain, body: string, a: { start: number; end: number; alone: boolean }, cond: Cond | undefined) => {
    if (!a.alone) chain.inline = true;
    const prev = chain.branches[chain.branches.length - 1];
    if (prev) prev.end = a.start;
    chain.branches.push({ text: body, cond, marker: a.start, start: a.end, end: text.length, chain, index: chain.branches.length });
  };
  for (const a of actions) {
    const b = a.body;
    if (b.startsWith('/*')) continue;
    const kw = /^(if|with|range|define|block|else|end)\b\s*/.exec(b);
    const top = stack[stack.length - 1];
    if (kw) {
      const rest = b.slice(kw[0].length);
      switch (kw[1]) {
        case 'if':
        case 'with':
        case 'range':
        case 'define':
        case 'block': {
          if (stack.length >= MAX_TEMPLATE_DEPTH) return { chains: [], includes: [], values: [], complete: false };
          const kind = kw[1] === 'block' ? 'define' : (kw[1] as Chain['kind']);
          const chain: Chain = { kind, branches: [], parent: top?.branches[top.branches.length - 1], depth: stack.length, end: text.length, inline: false };
          openBranch(chain, rest, a, kind === 'if' || kind === 'with' ? parseCond(rest, roots, kind === 'with', vars) : undefined);
          chains.push(chain);
          stack.push(chain);
          continue;
        }
        case 'else': {
          if (!top) {
            complete = false;
            continue;
          }
          const m = /^(if|with)\b\s*/.exec(rest);
          const cond = m ? rest.slice(m[0].length) : '';
          openBranch(top, cond, a, m ? parseCond(cond, roots, m[1] === 'with', vars) : undefined);
          continue;
        }
        case 'end': {
          if (!top) {
            complete = false;
            continue;
          }
          top.branches[top.branches.length - 1].end = a.start;
          top.end = a.end;
          if (!a.alone) top.inline = true;
          stack.pop();
          continue;
        }
      }
    }
    const inc = /\b(?:include|template)\s+"([^"]*)"/.exec(b);
    if (inc) {
      includes.push({ start: a.start, end: a.end, name: inc[1] });
      continue;
    }
    const ref = b.includes('.Values') ? valueRef(b, roots) : undefined;
    if (ref) values.push({ start: a.start, end: a.end, ...ref });
  }
  if (stack.length) complete = false;
  return { chains, includes, values, complete };
}

/** `.Values.a.b` (or `$.Values…`, `$envAll.Values…`) → ['a', 'b']; anything else undefined. */
function valuesPath(s: string, roots: Set<string>): string[] | undefined {
  const m = /^(\$[A-Za-z0-9_]*)?\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)$/.exec(s.trim());
  if (!m || (m[1] !== undefined && !roots.has(m[1]))) return undefined;
  return m[2].slice(1).split('.');
}

/**
 * Variables assigned once in the template (`{{- $needsVolumePermissions := and .Values.a .Values.b }}`)
 * to an expression Dockyard reads: a condition that uses the variable is decided as that expression
 * (Go templates reject a use before the assignment or outside its block). A variable assigned more
 * than once (or reassigned with `=`) stays unknown. Earlier variables may appear in later ones.
 */
function templateVariables(bodies: string[], roots: Set<string>): ReadonlyMap<string, Cond> {
  const count = new Map<string, number>();
  const assigned: [string, string][] = [];
  for (const b of bodies) {
    const m = /^(\$[A-Za-z_][A-Za-z0-9_]*)\s*(:?=)\s*([\s\S]+)$/.exec(b);
    if (!m) continue;
    count.set(m[1], (count.get(m[1]) ?? 0) + (m[2] === '=' ? 2 : 1));
    if (m[2] === ':=') assigned.push([m[1], m[3]]);
  }
  const out = new Map<string, Cond>();
  for (const [name, expr] of assigned) {
    if (count.get(name) !== 1 || roots.has(name) || out.size >= 256) continue;
    const c = parseExpr(expr, roots, out);
    if (c && c.t !== 'unknown') out.set(name, c);
  }
  return out;
}

/** An action that renders one values path, possibly through `default <literal>` or `required`. */
function valueRef(body: string, roots: Set<string>): { path: string[]; dflt?: ValueRef['dflt'] } | undefined {
  const e = parseExpr(body, roots);
  if (e?.t === 'values') return { path: e.path };
  if (e?.t === 'default' && e.x.t === 'values' && e.dflt.t === 'lit') return { path: e.x.path, dflt: e.dflt.v };
  return undefined;
}

// ---- conditions ---------------------------------------------------------------------------------

type Tok = ({ k: '(' | ')' | '|' } | { k: 'word'; v: string } | { k: 'str'; v: string }) & { s: number; e: number };

function tokenize(s: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '|') {
      out.push({ k: c, s: i, e: i + 1 });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        v += s[j++];
      }
      if (j >= s.length) return undefined;
      out.push({ k: 'str', v, s: i, e: j + 1 });
      i = j + 1;
    } else if (c === '`') {
      const j = s.indexOf('`', i + 1);
      if (j < 0) return undefined;
      out.push({ k: 'str', v: s.slice(i + 1, j), s: i, e: j + 1 });
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && !/[\s()|"`]/.test(s[j])) j++;
      out.push({ k: 'word', v: s.slice(i, j), s: i, e: j });
      i = j;
    }
  }
  return out;
}

/** The functions whose result Dockyard computes; any other function's result is unknown (its operands may still decide an `and`/`or`). */
const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set(['not', 'and', 'or', 'eq', 'ne', 'semverCompare', 'empty', 'has', 'contains', 'default', 'required']);

/**
 * A template expression (a pipeline: `A | f x` is `f x A`) as a Cond: values paths, literals, the
 * functions of KNOWN_FUNCTIONS (`default "y" .Values.x` is the value unless it is empty, then the
 * literal; `required "msg" .Values.x` is the value); any other function call, variable or field
 * (`include …`, `int64 …`, `quote`, `toYaml`, `$needsVolumePermissions`, `.Release.IsUpgrade`) is
 * `unknown` with its source text, so `and (include "x" .) .Values.off` is still false.
 * Undefined when the text is not a well-formed expression.
 */
export function parseExpr(text: string, roots: Set<string> = new Set(['$']), vars?: ReadonlyMap<string, Cond>): Cond | undefined {
  const toks = tokenize(text);
  if (!toks || !toks.length) return undefined;
  let pos = 0;
  let budget = 400;
  const src = (from: number, to: number): string => text.slice(toks[from].s, toks[to - 1].e).trim();
  const operand = (): Cond | undefined => {
    if (budget-- <= 0) return undefined;
    const t = toks[pos];
    if (!t) return undefined;
    if (t.k === '(') {
      pos++;
      const e = pipeline();
      if (!e || toks[pos]?.k !== ')') return undefined;
      pos++;
      return e;
    }
    if (t.k === 'str') {
      pos++;
      return { t: 'lit', v: t.v };
    }
    if (t.k === 'word') {
      pos++;
      if (t.v === 'true' || t.v === 'false') return { t: 'lit', v: t.v === 'true' };
      if (t.v === 'nil') return { t: 'lit', v: null };
      if (/^-?\d+(\.\d+)?$/.test(t.v)) return { t: 'lit', v: Number(t.v) };
      const p = valuesPath(t.v, roots);
      if (p) return { t: 'values', path: p };
      const v = vars?.get(t.v);
      if (v) return v;
      if (/^(\$[A-Za-z0-9_]*)?\.Capabilities\.KubeVersion(\.(GitVersion|Version))?$/.test(t.v)) return { t: 'unknown', text: 'kubeVersion' };
      // A variable or a field of something Dockyard does not know (`$x`, `.Release.IsUpgrade`, `.name`).
      if (t.v === '.' || /^(\$[A-Za-z0-9_]*)?(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(t.v)) return { t: 'unknown', text: t.v };
      return undefined;
    }
    return undefined;
  };
  /** One command of a pipeline; `piped` is the previous command's result (its last argument). */
  const command = (piped?: Cond): Cond | undefined => {
    const first = pos;
    const t = toks[pos];
    if (t?.k === 'word') {
      const has = /^(\$[A-Za-z0-9_]*)?\.Capabilities\.APIVersions\.Has$/.exec(t.v);
      if (has) {
        pos++;
        const a = toks[pos];
        if (a?.k !== 'str' || piped) return undefined;
        pos++;
        return { t: 'has', api: a.v };
      }
    }
    if (t?.k === 'word' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.v) && !['true', 'false', 'nil'].includes(t.v)) {
      pos++;
      const args: Cond[] = [];
      while (pos < toks.length && toks[pos].k !== ')' && toks[pos].k !== '|') {
        const a = operand();
        if (!a) return undefined;
        args.push(a);
      }
      if (piped) args.push(piped);
      const unknown: Cond = { t: 'unknown', text: piped ? `${condText(piped)} | ${src(first, pos)}` : src(first, pos) };
      if (!KNOWN_FUNCTIONS.has(t.v)) return unknown;
      switch (t.v) {
        case 'not':
          return args.length === 1 ? { t: 'not', x: args[0] } : undefined;
        case 'empty':
          return args.length === 1 ? { t: 'empty', x: args[0] } : undefined;
        case 'has':
        case 'contains':
          return args.length === 2 ? { t: 'in', fn: t.v, needle: args[0], hay: args[1] } : undefined;
        case 'and':
        case 'or':
          return args.length === 1 ? args[0] : args.length >= 2 ? { t: t.v, xs: args } : undefined;
        case 'eq':
        case 'ne':
          return args.length === 2 ? { t: t.v, a: args[0], b: args[1] } : undefined;
        case 'default':
          return args.length === 2 ? { t: 'default', dflt: args[0], x: args[1] } : undefined;
        case 'required':
          return args.length === 2 ? args[1] : undefined;
        case 'semverCompare': {
          const [c, v] = args;
          if (args.length === 2 && c.t === 'lit' && typeof c.v === 'string' && v.t === 'unknown' && v.text === 'kubeVersion') return { t: 'semver', constraint: c.v };
          return unknown;
        }
      }
    }
    if (piped) return undefined;
    const single = operand();
    return single?.t === 'unknown' && single.text === 'kubeVersion' ? undefined : single;
  };
  const pipeline = (): Cond | undefined => {
    let c = command();
    while (c && toks[pos]?.k === '|') {
      pos++;
      c = command(c);
    }
    return c;
  };
  const e = pipeline();
  return e && pos === toks.length ? e : undefined;
}

/** Parse a condition; whatever is not understood is `unknown` (with its text). */
export function parseCond(text: string, roots: Set<string> = new Set(['$']), _with = false, vars?: ReadonlyMap<string, Cond>): Cond {
  return parseExpr(text, roots, vars) ?? { t: 'unknown', text: text.trim() };
}

/** Capabilities of the cluster a chart is rendered for (Helm's `.Capabilities`). */
export interface Capabilities {
  /** Whether the cluster serves `group/version` or `group/version/Kind`; undefined when unknown. */
  has(api: string): boolean | undefined;
  /** The cluster's version, `1.30.0`. */
  kubeVersion: string;
}

type Tri = boolean | undefined;

/** Go-template truth: false, 0, nil, "" and empty collections are false. */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

const UNKNOWN = Symbol('unknown');

/** The value at a path of values (`null` when absent, as Helm renders it), UNKNOWN without values. */
export function valueAtPath(values: unknown, path: readonly string[]): unknown {
  if (values === undefined) return UNKNOWN;
  let cur: unknown = values;
  for (const seg of path) {
    if (cur === null || cur === undefined) return null;
    if (typeof cur !== 'object' || Array.isArray(cur)) return UNKNOWN;
    cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string, unknown>)[seg] : null;
  }
  return cur === undefined ? null : cur;
}

function valueOf(c: Cond, values: unknown, caps: Capabilities | undefined): unknown {
  switch (c.t) {
    case 'values':
      return valueAtPath(values, c.path);
    case 'lit':
      return c.v;
    case 'default': {
      const v = valueOf(c.x, values, caps);
      if (v === UNKNOWN) return UNKNOWN;
      return truthy(v) ? v : valueOf(c.dflt, values, caps);
    }
    default: {
      const b = evalCond(c, values, caps);
      return b === undefined ? UNKNOWN : b;
    }
  }
}

/** Three-valued: true, false, or undefined when it cannot be decided. */
export function evalCond(c: Cond, values: unknown, caps: Capabilities | undefined): Tri {
  switch (c.t) {
    case 'values':
    case 'lit':
    case 'default': {
      const v = valueOf(c, values, caps);
      return v === UNKNOWN ? undefined : truthy(v);
    }
    case 'not': {
      const x = evalCond(c.x, values, caps);
      return x === undefined ? undefined : !x;
    }
    case 'and': {
      let unknown = false;
      for (const x of c.xs) {
        const r = evalCond(x, values, caps);
        if (r === false) return false;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    }
    case 'or': {
      let unknown = false;
      for (const x of c.xs) {
        const r = evalCond(x, values, caps);
        if (r === true) return true;
        if (r === undefined) unknown = true;
      }
      return unknown ? undefined : false;
    }
    case 'eq':
    case 'ne': {
      const a = valueOf(c.a, values, caps);
      const b = valueOf(c.b, values, caps);
      if (a === UNKNOWN || b === UNKNOWN || (a !== null && typeof a === 'object') || (b !== null && typeof b === 'object')) return undefined;
      const same = a === b;
      return c.t === 'eq' ? same : !same;
    }
    case 'has':
      return caps?.has(c.api);
    case 'semver':
      return caps ? semverSatisfies(caps.kubeVersion, c.constraint) : undefined;
    case 'empty': {
      const x = evalCond(c.x, values, caps);
      return x === undefined ? undefined : !x;
    }
    case 'in': {
      // sprig: `has needle list`, `contains substring string`.
      const needle = valueOf(c.needle, values, caps);
      const hay = valueOf(c.hay, values, caps);
      if (needle === UNKNOWN || hay === UNKNOWN) return undefined;
      if (c.fn === 'has') return Array.isArray(hay) ? hay.includes(needle) : hay === null ? false : undefined;
      return typeof hay === 'string' && typeof needle === 'string' ? hay.includes(needle) : hay === null ? false : undefined;
    }
    case 'unknown':
      return undefined;
  }
}

/** The values paths a condition reads (each `.Values.a.b` in it), appended to `out`. */
export function condPaths(c: Cond, out: string[][]): string[][] {
  switch (c.t) {
    case 'values':
      out.push(c.path);
      break;
    case 'not':
    case 'empty':
      condPaths(c.x, out);
      break;
    case 'and':
    case 'or':
      for (const x of c.xs) condPaths(x, out);
      break;
    case 'eq':
    case 'ne':
      condPaths(c.a, out);
      condPaths(c.b, out);
      break;
    case 'in':
      condPaths(c.needle, out);
      condPaths(c.hay, out);
      break;
    case 'default':
      condPaths(c.x, out);
      condPaths(c.dflt, out);
      break;
  }
  return out;
}

/** The values paths `branchStatus(b, values, caps)` reads: the branch's condition and those of the branches before it in its chain. */
export function branchPaths(b: Branch): string[][] {
  const out: string[][] = [];
  if (b.chain.kind === 'range' || b.chain.kind === 'define') return out;
  for (let i = 0; i < b.index; i++) {
    const c = b.chain.branches[i].cond;
    if (c) condPaths(c, out);
  }
  if (b.cond) condPaths(b.cond, out);
  return out;
}

/** Whether a condition mentions the cluster's capabilities (decided by the selected version). */
export function usesCapabilities(c: Cond): boolean {
  switch (c.t) {
    case 'has':
    case 'semver':
      return true;
    case 'not':
    case 'empty':
      return usesCapabilities(c.x);
    case 'in':
      return usesCapabilities(c.needle) || usesCapabilities(c.hay);
    case 'default':
      return usesCapabilities(c.x) || usesCapabilities(c.dflt);
    case 'and':
    case 'or':
      return c.xs.some(usesCapabilities);
    case 'eq':
    case 'ne':
      return usesCapabilities(c.a) || usesCapabilities(c.b);
    default:
      return false;
  }
}

function parseVersion(s: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(s.trim());
  if (!m) return undefined;
  return [Number(m[1]), m[2] === undefined || /[x*]/.test(m[2]) ? NaN : Number(m[2]), m[3] === undefined || /[x*]/.test(m[3]) ? NaN : Number(m[3])];
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    if (Number.isNaN(b[i])) return 0;
    const d = (a[i] || 0) - b[i];
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Masterminds/semver constraints as Helm's `semverCompare` reads them (`>=1.21-0`, `<1.25`,
 * `>= 1.19, < 1.22`, `^1.2`, `~1.20`, `1.x`, `||`); undefined when the constraint is not understood.
 */
export function semverSatisfies(version: string, constraint: string): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  let anyUnknown = false;
  for (const alt of constraint.split('||')) {
    let ok: boolean | undefined = true;
    const parts = alt.trim().split(/\s*,\s*|\s+(?=[<>=!~^])/).filter((p) => p.trim() !== '');
    if (!parts.length) ok = undefined;
    for (const p of parts) {
      const m = /^(>=|<=|!=|=>|=<|>|<|=|~>|~|\^)?\s*(.+)$/.exec(p.trim());
      const w = m && parseVersion(m[2]);
      if (!m || !w) {
        ok = undefined;
        break;
      }
      const c = cmp(v, w);
      const op = m[1] ?? '=';
      let r: boolean;
      switch (op) {
        case '>=':
        case '=>':
          r = c >= 0;
          break;
        case '<=':
        case '=<':
          r = c <= 0;
          break;
        case '>':
          r = c > 0;
          break;
        case '<':
          r = c < 0;
          break;
        case '!=':
          r = c !== 0;
          break;
        case '~':
        case '~>':
          r = c >= 0 && v[0] === w[0] && (Number.isNaN(w[1]) || v[1] === w[1]);
          break;
        case '^':
          r = c >= 0 && v[0] === w[0];
          break;
        default:
          r = c === 0;
      }
      if (!r) {
        ok = false;
        break;
      }
    }
    if (ok === true) return true;
    if (ok === undefined) anyUnknown = true;
  }
  return anyUnknown ? undefined : false;
}

/** Whether a branch is rendered: its own condition holds and no earlier branch of its chain did. */
export function branchStatus(b: Branch, values: unknown, caps: Capabilities | undefined): Tri {
  if (b.chain.kind === 'range' || b.chain.kind === 'define') return undefined;
  let unknown = false;
  for (let i = 0; i < b.index; i++) {
    const prev = b.chain.branches[i];
    const r = prev.cond ? evalCond(prev.cond, values, caps) : undefined;
    if (r === true) return false;
    if (r === undefined) unknown = true;
  }
  if (b.cond) {
    const r = evalCond(b.cond, values, caps);
    if (r === false) return false;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/**
 * The condition under which a branch renders, as text without the `.Values.` prefixes:
 * `conf.enable_iscsi`, `not manifests.deployment_engine`, `eq conf.backend "lvm"`.
 * `plain` is set for a single values path, so the message can say "is true" / "is false" (a
 * boolean default, or none) or "is set" / "is not set" (another default: a string, a map).
 */
export function describeBranch(b: Branch, defaults?: unknown): { text: string; plain?: 'true' | 'false' | 'set' | 'unset' } {
  const own = b.cond;
  const prev = b.chain.branches.slice(0, b.index).filter((x) => x.cond);
  const plain = (path: string[], positive: boolean) => {
    const v = valueAtPath(defaults, path);
    const bool = typeof v === 'boolean' || v === null || v === UNKNOWN;
    return { text: path.join('.'), plain: bool ? (positive ? 'true' : 'false') : positive ? 'set' : 'unset' } as const;
  };
  if (own && prev.length === 0 && b.chain.kind === 'if') {
    if (own.t === 'values') return plain(own.path, true);
    if (own.t === 'not' && own.x.t === 'values') return plain(own.x.path, false);
    return { text: condText(own) };
  }
  if (own && prev.length === 0 && b.chain.kind === 'with' && own.t === 'values') return { text: own.path.join('.'), plain: 'set' };
  if (!own && prev.length === 1 && prev[0].cond!.t === 'values') {
    const path = (prev[0].cond as { path: string[] }).path;
    return b.chain.kind === 'if' ? plain(path, false) : { text: path.join('.'), plain: 'unset' };
  }
  const parts = prev.map((p) => `not ${wrap(condText(p.cond!))}`);
  if (own) parts.push(wrap(condText(own)));
  return { text: parts.join(' and ') };
}

function wrap(s: string): string {
  return /\s/.test(s) ? `(${s})` : s;
}

export function condText(c: Cond): string {
  switch (c.t) {
    case 'values':
      return c.path.join('.');
    case 'lit':
      return typeof c.v === 'string' ? JSON.stringify(c.v) : String(c.v);
    case 'not':
      return `not ${wrap(condText(c.x))}`;
    case 'and':
    case 'or':
      return c.xs.map((x) => wrap(condText(x))).join(` ${c.t} `);
    case 'eq':
    case 'ne':
      return `${c.t} ${wrap(condText(c.a))} ${wrap(condText(c.b))}`;
    case 'has':
      return `.Capabilities.APIVersions.Has ${JSON.stringify(c.api)}`;
    case 'semver':
      return `semverCompare ${JSON.stringify(c.constraint)} .Capabilities.KubeVersion`;
    case 'empty':
      return `empty ${wrap(condText(c.x))}`;
    case 'in':
      return `${c.fn} ${wrap(condText(c.needle))} ${wrap(condText(c.hay))}`;
    case 'default':
      return `default ${wrap(condText(c.dflt))} ${wrap(condText(c.x))}`;
    case 'unknown':
      return c.text;
  }
}

// ---- variants of one document --------------------------------------------------------------------

export interface Substitution {
  /** Offsets relative to the document. */
  start: number;
  end: number;
  path: string[];
  value: string;
  /** The value is the template's `default` literal: the path is empty in the values. */
  fromDefault?: boolean;
}

export interface HelmVariant {
  /** The document's text with the other branches blanked and plain values substituted (not masked yet). */
  text: string;
  /** The branches this variant keeps that the default variant does not. */
  deviations: Branch[];
}

export interface HelmDocInfo {
  /** `[0]` keeps, of every chain of alternatives, the branch the default values select. */
  variants: HelmVariant[];
  /** Every branch whose chain touches the document (for the conditions of findings). */
  branches: Branch[];
  substitutions: Substitution[];
  /** `include`/`template` actions inside the document (document offsets). */
  includes: IncludeRef[];
  /** More alternatives than MAX_VARIANTS: the rest were not analysed. */
  truncated: boolean;
  /** The document's first offset in the file (branch offsets are file offsets). */
  offset: number;
}

/** Whether an action sits where a plain scalar value goes (`key: {{ … }}`, `- {{ … }}`), alone on its line. */
function valuePosition(text: string, start: number, end: number): boolean {
  // A key line is short: look at most 256 characters around the action (linear over many actions).
  const from = Math.max(0, start - 256);
  const seg = text.slice(from, start);
  const nl = seg.lastIndexOf('\n');
  if (nl < 0 && from > 0) return false;
  const before = seg.slice(nl + 1);
  if (!/^\s*(?:-\s+)?[A-Za-z0-9_.\/-]+:\s+$/.test(before) && !/^\s*-\s+$/.test(before)) return false;
  const after = text.slice(end, end + 256);
  const le = after.indexOf('\n');
  return /^\s*(#.*)?$/.test(le < 0 ? after : after.slice(0, le)) && (le >= 0 || end + 256 >= text.length);
}

/**
 * The text a value renders as when YAML reads it as a boolean or a number (what the rules decide
 * with): booleans, finite numbers, decimal integer strings (`default "30"` renders `30`). Other
 * strings, maps and lists stay unknowable (masked).
 */
function renderedScalar(val: unknown): string | undefined {
  if (typeof val === 'boolean') return String(val);
  if (typeof val === 'number') return Number.isSafeInteger(val) || (Number.isFinite(val) && !Number.isInteger(val)) ? String(val) : undefined;
  if (typeof val === 'string' && /^-?[1-9][0-9]{0,14}$|^0$/.test(val)) return val;
  return undefined;
}

function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

/**
 * The variants of the document `text.slice(from, to)` of a template: the chains of alternatives
 * (`if`/`with` with an `else`) that touch it are grouped by their conditions (the same conditions
 * choose the same branch, like openstack-helm's two `if deployment / else if statefulset` chains);
 * the default variant takes every group's branch the default values select (the first branch not
 * known to be off), and each other branch of each group gets one variant of its own with every other
 * group at its default (and the chains around it at the branch that holds it) - linear in the
 * number of branches, at most MAX_VARIANTS. `define` bodies
 * stay (openstack-helm renders its DaemonSets from a `define` in the same file).
 */
export function helmDocument(structure: TemplateStructure, text: string, from: number, to: number, defaults: unknown): HelmDocInfo {
  const touches = (start: number, end: number) => start < to && end > from;
  const chains = structure.complete ? structure.chains.filter((c) => touches(c.branches[0].marker, c.end)) : [];
  const branches = chains.flatMap((c) => c.branches);
  const groups = new Map<string, Chain[]>();
  const groupOf = new Map<Chain, string>();
  for (const c of chains) {
    if ((c.kind !== 'if' && c.kind !== 'with') || c.branches.length < 2 || c.inline) continue;
    const key = `${c.kind}\n${c.branches.map((b) => b.text).join('\n')}`;
    groupOf.set(c, key);
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const defaultPick = new Map<string, number>();
  for (const [key, cs] of groups) {
    const first = cs[0];
    const i = first.branches.findIndex((b) => branchStatus(b, defaults, undefined) !== false);
    defaultPick.set(key, i < 0 ? 0 : i);
  }
  const picksList: { picks: Map<string, number>; deviations: Branch[] }[] = [{ picks: defaultPick, deviations: [] }];
  let truncated = false;
  for (const [key, cs] of groups) {
    const n = cs[0].branches.length;
    for (let i = 0; i < n; i++) {
      if (i === defaultPick.get(key)) continue;
      if (picksList.length >= MAX_VARIANTS) {
        truncated = true;
        break;
      }
      const picks = new Map(defaultPick);
      picks.set(key, i);
      const own = cs.map((c) => c.branches[i]);
      const around: Branch[][] = [];
      // A branch nested in another chain's branch that the defaults do not pick: that branch too
      // (so `if not storage.enabled` → `if use_local_path` → hostPath is analysed once).
      let outer = cs[0].parent;
      for (let guard = 0; outer && guard < MAX_TEMPLATE_DEPTH; guard++, outer = outer.chain.parent) {
        const ok = groupOf.get(outer.chain);
        if (ok === undefined || picks.get(ok) === outer.index) continue;
        picks.set(ok, outer.index);
        around.unshift(groups.get(ok)!.map((c) => c.branches[outer!.index]));
      }
      picksList.push({ picks, deviations: [...around.flat(), ...own] });
    }
  }
  const substitutions: Substitution[] = [];
  for (const v of structure.values) {
    if (v.start < from || v.end > to || !valuePosition(text, v.start, v.end)) continue;
    let val = valueAtPath(defaults, v.path);
    const fromDefault = 'dflt' in v && val !== UNKNOWN && !truthy(val);
    if (fromDefault) val = v.dflt;
    const lit = renderedScalar(val);
    if (lit === undefined || lit.length > v.end - v.start) continue;
    substitutions.push({ start: v.start - from, end: v.end - from, path: v.path, value: lit, ...(fromDefault ? { fromDefault } : {}) });
  }
  const includes = structure.includes.filter((i) => i.start >= from && i.end <= to).map((i) => ({ ...i, start: i.start - from, end: i.end - from }));
  const chunk = text.slice(from, to);
  const variants = picksList.map(({ picks, deviations }) => {
    const ranges: [number, number][] = [];
    for (const [key, cs] of groups) {
      const pick = picks.get(key)!;
      for (const c of cs) for (const b of c.branches) if (b.index !== pick) ranges.push([b.start, b.end]);
    }
    return { text: rewrite(chunk, from, ranges, substitutions), deviations };
  });
  return { variants, branches, substitutions, includes, truncated, offset: from };
}

/** The document's text with `ranges` (file offsets) blanked and the substitutions written in. */
function rewrite(chunk: string, from: number, ranges: [number, number][], subs: Substitution[]): string {
  const edits: { start: number; end: number; text?: string }[] = [];
  for (const [s, e] of ranges) {
    const a = Math.max(0, s - from);
    const b = Math.min(chunk.length, e - from);
    if (a < b) edits.push({ start: a, end: b });
  }
  for (const s of subs) edits.push({ start: s.start, end: s.end, text: s.value.padEnd(s.end - s.start, ' ') });
  if (!edits.length) return chunk;
  // Blanked ranges win over substitutions inside them; overlapping ranges are merged.
  edits.sort((x, y) => x.start - y.start || (x.text === undefined ? -1 : 1));
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    if (e.end <= pos) continue;
    const start = Math.max(e.start, pos);
    parts.push(chunk.slice(pos, start));
    if (e.text !== undefined && start === e.start) parts.push(e.text);
    else parts.push(blank(chunk.slice(start, e.end)));
    pos = e.end;
  }
  parts.push(chunk.slice(pos));
  return parts.join('');
}
