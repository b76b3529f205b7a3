import type { Range } from '../types';
import { getPair, getSeq, getValue, isMap, scalarString, YamlDocModel } from './yaml';

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
  /** The parsed file (ranges of its keys). */
  doc: YamlDocModel;
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
  ) {}

  /** The first override (in file order) for which `test` holds. */
  find(test: (o: HelmValues) => boolean): HelmValues | undefined {
    if (this.base === undefined) return undefined;
    for (let i = 0; i < this.texts.length; i++) {
      const o = this.at(i);
      if (o && test(o)) return o;
    }
    return undefined;
  }

  private at(i: number): HelmValues | null {
    let o = this.parsed[i];
    if (o === undefined) {
      const t = this.texts[i];
      const p = parse(t);
      o = this.parsed[i] = p.value === undefined ? null : { file: t.file, path: t.path, value: mergeValues(this.base, p.value), doc: p.doc };
    }
    return o;
  }
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

function parse(t: HelmValuesText): { doc: YamlDocModel; value: unknown } {
  const doc = new YamlDocModel(t.text, false, t.text, 'kubernetes');
  const v = doc.errors.length ? undefined : doc.value;
  return { doc, value: v === null ? {} : v };
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
function dependencyOf(parent: HelmParentTexts, parentValues: unknown): { dep: HelmDependency; values: unknown } | undefined {
  const chart = parse(parent.chart).doc;
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
          range = chart.rangeOf(tagsPair);
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
        range = chart.rangeOf(condPair);
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

export function buildHelmChart(root: string, key: string, defaults: HelmValuesText | undefined, overrides: readonly HelmValuesText[], parent?: HelmParentTexts): HelmChart {
  const d = defaults ? parse(defaults) : undefined;
  let base = d?.value;
  let dependency: HelmDependency | undefined;
  if (parent) {
    const pv = parent.values ? parse(parent.values).value : undefined;
    const got = dependencyOf(parent, pv);
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
    defaults: d && defaults && base !== undefined ? { file: defaults.file, path: defaults.path, value: base, doc: d.doc } : undefined,
    overrides: new HelmOverrides(base, overrides.slice(0, MAX_OVERRIDES)),
  };
}
