import { YamlDocModel } from './yaml';

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

export interface HelmChart {
  /** The chart's folder. */
  root: string;
  /** Changes whenever any of the files' texts does (a cache key). */
  key: string;
  defaults?: HelmValues;
  /** The override files (merged over the defaults), in file order; see HelmOverrides. */
  overrides: HelmOverrides;
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

export function buildHelmChart(root: string, key: string, defaults: HelmValuesText | undefined, overrides: readonly HelmValuesText[]): HelmChart {
  const d = defaults ? parse(defaults) : undefined;
  const base = d?.value;
  return {
    root,
    key,
    defaults: d && defaults && base !== undefined ? { file: defaults.file, path: defaults.path, value: base, doc: d.doc } : undefined,
    overrides: new HelmOverrides(base, overrides.slice(0, MAX_OVERRIDES)),
  };
}
