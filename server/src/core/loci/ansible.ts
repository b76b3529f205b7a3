/**
 * loci builds written as Ansible / Zuul build definitions (loci's own CI: `playbooks/vars.yaml`,
 * `playbooks/vars_<release>_<distro>.yaml`, `zuul.d/*.yaml` job `vars:`): a mapping with a
 * `build_args:` list of `NAME=value` strings, beside `context`, `dockerfile`/`container_filename`,
 * `target`, `repository` and `tags` (the zuul-jobs `build-container-image` role's image entries).
 *
 * Each item is read as the role passes it: Ansible renders the Jinja `{{ … }}` first, then the command
 * line is split as a shell does (`PROFILES='fluent ceph'` is one argument, the quotes removed), so
 * the value's characters keep their exact source ranges.
 *
 * `{{ name }}` (a bare variable, nothing else) is resolved when a plain string defines it — in the
 * enclosing Zuul job's `vars:`, in a vars file the job lists (`vars_files`), in the document itself,
 * or in a sibling `vars*.yaml` file of the same folder (the CI's release files). Other files are read
 * only through the injected loci data provider (`lociTextFile`/`lociListFiles`) and only by plain
 * names inside the repository folder (no `..`, no absolute paths). Anything else stays UNKNOWN.
 */
import { getMap, getSeq, getValue, isMap, isScalar, isSeq, keyString, scalarString, type YamlDocModel, type YMap, type YNode } from '../model/yaml';
import { parseYaml } from '../model/yparse';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { basenameOf, dirnameOf, isAbsolutePath, joinPath } from './paths';
import { lociListFiles, lociTextFile } from './provider';
import type { Providers } from '../providers';
import { TextBuilder, UNKNOWN, type SourceText } from './value';
import { scalarText } from './yaml-scalar';

/** Where a `{{ name }}` got its value. */
export interface TemplateResolution {
  name: string;
  value: string;
  /** The `{{ … }}` expression in the build's source. */
  start: number;
  end: number;
  /** The file that defines the variable (absolute); undefined: the same document. */
  file?: string;
  /** The definition's value range in that file (or in this document). */
  range: Range;
  /** Other sibling vars files (another release) that give the variable another value. */
  others?: { value: string; file?: string }[];
}

interface VarDef {
  value: string;
  file?: string;
  range: Range;
  /** Earlier sibling vars files that define it too (the last in natural order wins). */
  others?: { value: string; file?: string }[];
}

export type Vars = Map<string, VarDef>;

const MAX_DEPTH = 16;
const VARS_FILE = /^vars[\w.-]*\.ya?ml$/i;
const PLAIN_NAME = /^[\w.-]+\.ya?ml$/;
const JINJA_VAR = /^\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}$/;

/** Plain-string top-level variables of a document's root map (a vars file). */
export function plainVars(root: YNode | null | undefined, lines: LineIndex, file?: string): Vars {
  const out: Vars = new Map();
  if (!isMap(root)) return out;
  for (const p of root.items) {
    const k = keyString(p);
    const v = p.value as YNode | null;
    if (!k || !isScalar(v) || typeof v.value !== 'string' || /\{\{|\{%|\uE000/.test(v.value) || !v.range) continue;
    out.set(k, { value: v.value, file, range: lines.rangeOf(v.range[0], v.range[1]) });
  }
  return out;
}

/** A relative file name that stays inside its folder (no `..`, no absolute path, no separators). */
function safeName(name: string): boolean {
  return PLAIN_NAME.test(name) && !isAbsolutePath(name) && !name.includes('..');
}

function readVarsFile(p: Providers | undefined, dir: string, name: string, fromFile: string): Vars | undefined {
  if (!safeName(name)) return undefined;
  const text = lociTextFile(p, dir, name, fromFile);
  if (text === undefined || text.length > 1024 * 1024) return undefined;
  try {
    const parsed = parseYaml(text, 'ansible');
    if (parsed.errors.length) return undefined;
    return plainVars(parsed.contents, new LineIndex(text), joinPath(dir, name));
  } catch {
    return undefined;
  }
}

/** Natural order: `vars_2025.10_…` after `vars_2025.2_…`. */
function natural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The variables a document's builds can use, lowest precedence first: sibling `vars*.yaml` files of
 * the same folder (later in natural order wins: the newest release), then the document's own plain
 * top-level strings. Zuul job vars are layered on per job (see `jobVars`).
 */
function fileVars(p: Providers | undefined, doc: YamlDocModel, path: string): Vars {
  const vars: Vars = new Map();
  if (path && isAbsolutePath(path)) {
    const dir = dirnameOf(path);
    const self = basenameOf(path);
    const names = (lociListFiles(p, dir, path) ?? []).filter((n) => n !== self && VARS_FILE.test(n) && safeName(n)).sort(natural);
    for (const n of names) {
      for (const [k, v] of readVarsFile(p, dir, n, path) ?? []) {
        const prev = vars.get(k);
        vars.set(k, prev ? { ...v, others: [...(prev.others ?? []), { value: prev.value, file: prev.file }] } : v);
      }
    }
  }
  for (const [k, v] of plainVars(doc.contents, doc.lines)) vars.set(k, v);
  return vars;
}

/** A Zuul job's `vars:` (plain strings) over the vars files it lists (`vars_files`, looked up in `playbooks/`). */
function jobVars(p: Providers | undefined, base: Vars, job: YMap, doc: YamlDocModel, path: string): Vars {
  const jv = getMap(job, 'vars');
  if (!jv) return base;
  const vars: Vars = new Map(base);
  const files = getSeq(jv, 'vars_files');
  if (files && path && isAbsolutePath(path)) {
    const dir = dirnameOf(path);
    const dirs = [joinPath(dir, '../playbooks'), dir];
    for (const f of files.items) {
      const n = scalarString(f);
      if (!n || !safeName(n)) continue;
      for (const d of dirs) {
        const got = readVarsFile(p, d, n, path);
        if (!got) continue;
        for (const [k, v] of got) vars.set(k, v);
        break;
      }
    }
  }
  for (const [k, v] of plainVars(jv, doc.lines)) vars.set(k, v);
  return vars;
}

/** One image entry: the map holding `build_args`, with the label (its key, or its `name`). */
export interface AnsibleImage {
  map: YMap;
  args: YNode;
  label?: string;
  vars: Vars;
}

/** Every mapping with a `build_args` list, with the variables in scope. */
export function ansibleImages(doc: YamlDocModel, path: string, providers?: Providers): AnsibleImage[] {
  const root = doc.contents;
  if (!isMap(root) && !isSeq(root)) return [];
  const out: AnsibleImage[] = [];
  let base: Vars | undefined;
  const baseVars = (): Vars => (base ??= fileVars(providers, doc, path));
  const walk = (node: YNode | null | undefined, label: string | undefined, vars: (() => Vars), depth: number): void => {
    if (!node || depth > MAX_DEPTH) return;
    if (isSeq(node)) {
      for (const it of node.items) walk(it as YNode, label, vars, depth + 1);
      return;
    }
    if (!isMap(node)) return;
    const args = getValue(node, 'build_args');
    if (isSeq(args)) {
      out.push({ map: node, args, label: scalarString(getValue(node, 'name')) ?? label, vars: vars() });
      return;
    }
    // A Zuul job: its vars apply to what it holds.
    const job = getMap(node, 'job');
    for (const p of node.items) {
      const k = keyString(p);
      const v = p.value as YNode | null;
      if (p === undefined || !v || (!isMap(v) && !isSeq(v))) continue;
      if (job && v === job) {
        let jv: Vars | undefined;
        walk(v, k, () => (jv ??= jobVars(providers, baseVars(), job, doc, path)), depth + 1);
      } else walk(v, k, vars, depth + 1);
    }
  };
  walk(root, undefined, baseVars, 0);
  return out;
}

/**
 * An Ansible string as the build sees it: `{{ var }}` rendered (resolved, or UNKNOWN), then split as
 * the command line is (one word expected; quotes removed, `\` escapes outside single quotes).
 * `resolved` collects the templates that were resolved.
 */
export function ansibleArgText(t: SourceText, vars: Vars, resolved: TemplateResolution[]): { text: SourceText; words: number } {
  // 1. Jinja.
  const j = new TextBuilder();
  const s = t.text;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('{{', i) || s.startsWith('{%', i) || s.startsWith('{#', i)) {
      const close = s.indexOf(s[i + 1] === '{' ? '}}' : s[i + 1] === '%' ? '%}' : '#}', i + 2);
      const last = close < 0 ? s.length - 1 : close + 1;
      const expr = s.slice(i, last + 1);
      const m = JINJA_VAR.exec(expr);
      const def = m ? vars.get(m[1]) : undefined;
      if (def && def.value.length) {
        j.pushSpan(def.value, t.starts[i], t.ends[last]);
        const others = def.others?.filter((o) => o.value !== def.value);
        resolved.push({ name: m![1], value: def.value, start: t.starts[i], end: t.ends[last], file: def.file, range: def.range, ...(others?.length ? { others } : {}) });
      } else if (def) {
        // Rendered as empty: keep a zero-width position.
      } else j.push(UNKNOWN, t.starts[i], t.ends[last]);
      i = last;
      continue;
    }
    j.push(s[i], t.starts[i], t.ends[i]);
  }
  const r = j.build(t.start, t.end);
  // 2. Shell-like word splitting and quote removal.
  const b = new TextBuilder();
  let quote: string | undefined;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < r.text.length; i++) {
    const c = r.text[i];
    if (!quote && (c === ' ' || c === '\t' || c === '\n')) {
      if (inWord) inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      words++;
      if (words > 1) b.push(' ', r.starts[i], r.starts[i]);
    }
    if (!quote && (c === '"' || c === "'")) {
      quote = c;
      continue;
    }
    if (quote === c) {
      quote = undefined;
      continue;
    }
    if (c === '\\' && quote !== "'" && i + 1 < r.text.length) {
      b.push(r.text[i + 1], r.starts[i], r.ends[i + 1]);
      i++;
      continue;
    }
    b.push(c, r.starts[i], r.ends[i]);
  }
  const out = b.build(t.start, t.end);
  if (out.text.length) {
    out.start = out.starts[0];
    out.end = out.ends[out.ends.length - 1];
  }
  return { text: out, words };
}
