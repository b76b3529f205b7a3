import { shiftRange, type Range } from '../types';
import { getPair, getSeq, getValue, isMap, scalarString, splitDocuments, YamlDocModel, type YNode, type YPair } from './yaml';
import type { ParsedYaml, Reader } from './ynode';

/**
 * A Helm chart's values, read by the host (values.yaml, and the alternative values files under
 * `values_overrides/`): what the template conditions and plain `{{ .Values.x }}` values are decided
 * with. Pure data built from texts; the service reads the files (paths confined to the chart).
 */
export interface HelmValues {
  /** Shown in messages: the path relative to the chart's parent folder (`cinder/values.yaml`). */
  file: string;
  /** Absolute path (related information points there). */
  path: string;
  /** The values (an override: merged over the defaults, as `helm -f` does). */
  value: unknown;
  /** The parsed file (ranges of its keys): the file's text, or its document after a comment header. */
  doc: YamlDocModel;
  /** The file line `doc` starts at (its ranges are shifted by it). */
  line: number;
}

/**
 * Parses the values texts (parseYaml by default). The service gives its Analyzer's parse cache: the
 * values files are linted too, and their lint then takes this parse instead of parsing again.
 */
export type ValuesParser = (text: string, reader: Reader | undefined) => ParsedYaml;

/** The range of a node of a values file's `doc`, in the file. */
export function valuesRange(v: { doc: YamlDocModel; line: number }, node: YNode | YPair): Range {
  return shiftRange(v.doc.rangeOf(node), v.line);
}

/**
 * A subchart under `<parent>/charts/<name>/`: whether the parent renders it, as Helm decides it from
 * the parent's `Chart.yaml` dependency entry (`tags:` first, then `condition:`, which overrides them)
 * and the parent's default values.
 */
export interface HelmDependency {
  /** The subchart's name in the parent (its alias, else its name). */
  name: string;
  /** The parent's Chart.yaml as shown in messages (`shop/Chart.yaml`), and its absolute path. */
  file: string;
  path: string;
  /** The parent's values file as shown in messages. */
  valuesFile: string;
  /** False when the parent's default values switch it off; `by` is what decided (`mariadb.enabled`, `tags.frontend`). */
  enabled: boolean;
  by?: string;
  /** The `condition:` (or `tags:`) entry in the parent's Chart.yaml. */
  range?: Range;
}

export interface HelmChart {
  /** The chart's folder. */
  root: string;
  /** Changes whenever any of the files' texts does (a cache key). */
  key: string;
  defaults?: HelmValues;
  /** The override files (merged over the defaults), in file order; see HelmOverrides. */
  overrides: HelmOverrides;
  /** Set for a subchart under a parent chart's `charts/` whose Chart.yaml lists it. */
  dependency?: HelmDependency;
}

/** The parent chart of a subchart: its Chart.yaml and values.yaml texts, and the subchart's folder name. */
export interface HelmParentTexts {
  chart: HelmValuesText;
  values?: HelmValuesText;
  folder: string;
}

/**
 * The override files of a chart, each parsed when first asked for: they are read only to name the
 * override that turns on a condition that is off by default (most templates never ask), so a lint
 * of a large chart repository does not parse every values file under `values_overrides/` up front.
 * A file that does not parse (or holds no values) is skipped, as if it were not there.
 */
export class HelmOverrides {
  private readonly parsed: (HelmValues | null | undefined)[] = [];

  constructor(
    private readonly base: unknown,
    private readonly texts: readonly HelmValuesText[],
    private readonly parser?: ValuesParser,
  ) {}

  /**
   * The first override (in file order) for which `test` holds. `reads`: the values paths `test`
   * depends on (and nothing else of the values): an override that cannot change any of them is
   * skipped without being parsed (see overrideMayChange).
   */
  find(test: (o: HelmValues) => boolean, reads?: readonly (readonly string[])[]): HelmValues | undefined {
    if (this.base === undefined) return undefined;
    for (let i = 0; i < this.texts.length; i++) {
      if (reads && this.parsed[i] === undefined && !overrideMayChange(this.texts[i].text, reads)) continue;
      const o = this.at(i);
      if (o && test(o)) return o;
    }
    return undefined;
  }

  private at(i: number): HelmValues | null {
    let o = this.parsed[i];
    if (o === undefined) {
      const t = this.texts[i];
      const p = parse(t, this.parser);
      o = this.parsed[i] = p.value === undefined ? null : { file: t.file, path: t.path, value: mergeValues(this.base, p.value), doc: p.doc, line: p.line };
    }
    return o;
  }
}

/** A first path segment a key can only spell as itself: no number, boolean, `.inf` or `.nan` reads as it (kubectl's keys are strings: `yes:` is the key "true"). */
const LITERAL_SEGMENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SPELLED_OTHERWISE: ReadonlySet<string> = new Set(['true', 'false', 'Infinity', 'NaN']);

/**
 * Whether an override file's values, merged over the defaults (mergeValues), can differ from them
 * at one of the paths `reads`, told from its text without parsing it. Merging changes a path only
 * under a top-level key the override has, so it cannot when its root is a block map (the first
 * content line is a plain `key:` at column 0, or the text does not parse: then it is skipped) and
 * no path's first segment occurs in the text at all; and never when no path is read. Not decided from
 * the text (true) when a path is empty (the whole values), a first segment could be written
 * otherwise (a number, `true`), or the text holds a backslash (a double-quoted key may spell a name
 * with escapes).
 */
export function overrideMayChange(text: string, reads: readonly (readonly string[])[]): boolean {
  // Nothing of the values is read (`.Capabilities` only, or nothing decidable).
  if (!reads.length) return false;
  for (const p of reads) {
    const s = p[0];
    if (s === undefined || !LITERAL_SEGMENT.test(s) || SPELLED_OTHERWISE.has(s) || text.includes(s)) return true;
  }
  return !rootIsBlockMap(text, text.includes('\\'));
}

/**
 * The first line that is not blank, a comment or a marker is a plain `key:` at column 0 (the
 * root is a block map, or the text does not parse); with `plainKeys`, every other line at column 0
 * starts with a plain key's first character too: no top-level key is double-quoted (escapes), an
 * alias, a merge key (`<<`) or an explicit or flow key.
 */
function rootIsBlockMap(text: string, plainKeys: boolean): boolean {
  let first = true;
  for (let i = 0; i < text.length; ) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = text.length;
    const from = i;
    i = eol + 1;
    const c = text.charCodeAt(from);
    if (from === eol || c === 35 /* # */) continue;
    if (c === 32) {
      // Indented: a blank or comment line, or (after the first key) a nested line.
      if (first && !/^ *(#.*)?$/.test(text.slice(from, eol))) return false;
      continue;
    }
    if (c === 45 /* - */ || c === 46 /* . */) {
      // `---` and `...` (the markers around documents; openstack-helm ends its files with `...`).
      if (/^(---|\.\.\.)( +(#.*)?)?$/.test(text.slice(from, eol))) continue;
      return false;
    }
    if (first) {
      if (!/^[A-Za-z0-9_][^:#'"]*:( |$)/.test(text.slice(from, eol))) return false;
      if (!plainKeys) return true;
      first = false;
    } else if (!isPlainKeyStart(c)) return false;
  }
  return !first;
}

function isPlainKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

export interface HelmValuesText {
  file: string;
  path: string;
  text: string;
}

/** At most this many override files are read per chart. */
export const MAX_OVERRIDES = 64;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `over` merged into `base` (maps merge key by key, anything else replaces), as Helm merges values files. */
export function mergeValues(base: unknown, over: unknown, depth = 0): unknown {
  if (!isObject(base) || !isObject(over) || depth > 256) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeValues(base[k], v, depth + 1) : v;
  return out;
}

/**
 * A values file read as the host reads it (kubectl's YAML reader). A file of comment lines and then
 * one `---` document (openstack-helm's license header) is read from that document: comments before
 * a document change nothing in it, and its text is the one the file's lint parses (its second
 * document), so both share one parse.
 */
function parse(t: HelmValuesText, parser?: ValuesParser): { doc: YamlDocModel; line: number; value: unknown } {
  const body = documentAfterComments(t.text);
  const text = body ? body.text : t.text;
  const doc = new YamlDocModel(text, false, text, 'kubernetes', undefined, parser);
  const v = doc.errors.length ? undefined : doc.value;
  return { doc, line: body ? body.startLine : 0, value: v === null ? {} : v };
}

/** The document of a text that holds only comment and blank lines before its one `---` document. */
export function documentAfterComments(text: string): { text: string; startLine: number } | undefined {
  const c0 = text.charCodeAt(0);
  // Comments or blank lines first; no tab, CR or BOM anywhere near them (left to the parser).
  if (!(c0 === 35 || c0 === 32 || c0 === 10) || text.includes('\r') || text.includes('\t')) return undefined;
  const chunks = splitDocuments(text);
  if (chunks.length !== 2 || !chunks[1].text.startsWith('---')) return undefined;
  for (const line of chunks[0].text.split('\n')) if (!/^ *(#.*)?$/.test(line)) return undefined;
  return { text: chunks[1].text, startLine: chunks[1].startLine };
}

/** A values path (`a.b.c`) in a values tree: undefined when absent. */
function pathValue(values: unknown, path: string): unknown {
  let cur: unknown = values;
  for (const seg of path.split('.')) {
    if (!isObject(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/**
 * The parent's dependency entry for the subchart in folder `folder` (matched by alias, else name) and
 * whether the parent's values enable it, as Helm's processDependencyEnabled does: enabled unless its
 * `tags` are all false in `tags:` of the values (a true tag keeps it); then the first path of its
 * comma-separated `condition` that holds a boolean decides.
 */
function dependencyOf(parent: HelmParentTexts, parentValues: unknown, parser?: ValuesParser): { dep: HelmDependency; values: unknown } | undefined {
  const parsed = parse(parent.chart, parser);
  const chart = parsed.doc;
  const root = chart.contents;
  const deps = isMap(root) ? getSeq(root, 'dependencies') : undefined;
  if (!deps) return undefined;
  for (const item of deps.items.slice(0, 256)) {
    if (!isMap(item)) continue;
    const name = scalarString(getValue(item, 'name'));
    const alias = scalarString(getValue(item, 'alias'));
    const as = alias ?? name;
    if (!as || (as !== parent.folder && name !== parent.folder)) continue;
    let enabled = true;
    let by: string | undefined;
    let range: Range | undefined;
    const tagsPair = getPair(item, 'tags');
    const tags = getSeq(item, 'tags');
    if (tags && tagsPair) {
      const flags = tags.items.map((t) => scalarString(t)).filter((t): t is string => !!t).map((t) => [t, pathValue(parentValues, `tags.${t}`)] as const);
      if (!flags.some(([, v]) => v === true)) {
        const off = flags.find(([, v]) => v === false);
        if (off) {
          enabled = false;
          by = `tags.${off[0]}`;
          range = valuesRange(parsed, tagsPair);
        }
      }
    }
    const condPair = getPair(item, 'condition');
    const condition = scalarString(getValue(item, 'condition'));
    if (condition && condPair) {
      for (const p of condition.split(',').map((x) => x.trim()).filter(Boolean)) {
        const v = pathValue(parentValues, p);
        if (typeof v !== 'boolean') continue;
        enabled = v;
        by = p;
        range = valuesRange(parsed, condPair);
        break;
      }
    }
    const own = pathValue(parentValues, as);
    const global = pathValue(parentValues, 'global');
    return {
      dep: { name: as, file: parent.chart.file, path: parent.chart.path, valuesFile: parent.values?.file ?? 'values.yaml', enabled, ...(by ? { by } : {}), ...(range ? { range } : {}) },
      values: isObject(own) ? mergeValues(global !== undefined ? { global } : {}, own) : global !== undefined ? { global } : undefined,
    };
  }
  return undefined;
}

export function buildHelmChart(
  root: string,
  key: string,
  defaults: HelmValuesText | undefined,
  overrides: readonly HelmValuesText[],
  parent?: HelmParentTexts,
  parser?: ValuesParser,
): HelmChart {
  const d = defaults ? parse(defaults, parser) : undefined;
  let base = d?.value;
  let dependency: HelmDependency | undefined;
  if (parent) {
    const pv = parent.values ? parse(parent.values, parser).value : undefined;
    const got = dependencyOf(parent, pv, parser);
    if (got) {
      dependency = got.dep;
      // The parent's values for the subchart (and its `global:`) are merged over the subchart's own, as Helm does.
      if (got.values !== undefined && base !== undefined) base = mergeValues(base, got.values);
    }
  }
  return {
    root,
    key,
    ...(dependency ? { dependency } : {}),
    defaults: d && defaults && base !== undefined ? { file: defaults.file, path: defaults.path, value: base, doc: d.doc, line: d.line } : undefined,
    overrides: new HelmOverrides(base, overrides.slice(0, MAX_OVERRIDES), parser),
  };
}
