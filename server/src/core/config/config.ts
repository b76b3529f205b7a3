import { parseDocument } from 'yaml';
import type { Message, Severity, SeverityOrOff } from '../types';
import { msg } from '../messages/catalog';
import { checkKubernetesVersion, configFileKeys, declaredDefaults, OLDEST_SUPPORTED_MINOR, supportedKubernetesVersions } from './settings';
import { nearest } from '../util/strings';
import { compilePattern } from '../util/patterns';

/**
 * Configuration: built-in defaults < `.dockyard.yaml` (found upward from the file) < editor settings.
 * Every layer is a partial `DockyardConfig`; `mergeConfig` folds them in that order.
 */
export type PssLevel = 'baseline' | 'restricted';

export interface DockyardConfig {
  /** Severity overrides per rule id (`off` disables the rule). */
  rules: Record<string, SeverityOrOff>;
  pss: PssLevel;
  kubernetes: {
    /** "1.35", "1.36" … (the newest bundled when empty). */
    version: string;
    /** kind (or apiVersion/kind) → workspace-relative path of a CRD or schema file. */
    crdSchemas: Record<string, string>;
  };
  /** A baseline file (`dockyard lint --write-baseline`): its findings are shown at hint level in the editor. */
  baseline: string;
  layers: { threshold: number };
  loci: {
    /** Path of a loci checkout whose bindep.txt / pydep.txt override the bundled copy. */
    path: string;
    /** Base distributions the build may use (a fork adds its own). */
    distributions: string[];
    /** Regular expressions of FROM images that count as loci base images. */
    baseImagePatterns: string[];
  };
  resources: { defaultCpuLimit: string; defaultMemoryLimit: string };
  /**
   * Generic findings other extensions also report. `auto`: drop them when such an extension is active
   * (the client tells the server); `always`/`never` force it.
   */
  coexistence: { yamlSyntax: 'auto' | 'always' | 'never'; dockerfileSyntax: 'auto' | 'always' | 'never'; buildkitChecks: 'auto' | 'always' | 'never' };
  /** Suppressions: `requireReason` asks for a written reason on migrated ones too (hadolint, kube-linter, Polaris). */
  suppressions: { requireReason: boolean };
}

export type PartialConfig = {
  rules?: Record<string, SeverityOrOff>;
  pss?: PssLevel;
  baseline?: string;
  kubernetes?: Partial<DockyardConfig['kubernetes']>;
  layers?: Partial<DockyardConfig['layers']>;
  loci?: Partial<DockyardConfig['loci']>;
  resources?: Partial<DockyardConfig['resources']>;
  coexistence?: Partial<DockyardConfig['coexistence']>;
  suppressions?: Partial<DockyardConfig['suppressions']>;
};

/** The defaults, from the one declaration of every setting (config/settings.ts). */
export const DEFAULT_CONFIG: DockyardConfig = declaredDefaults() as unknown as DockyardConfig;

export function mergeConfig(...layers: (PartialConfig | undefined)[]): DockyardConfig {
  const out: DockyardConfig = structuredClone(DEFAULT_CONFIG);
  for (const l of layers) {
    if (!l) continue;
    if (l.rules) Object.assign(out.rules, l.rules);
    if (l.pss) out.pss = l.pss;
    if (l.baseline) out.baseline = l.baseline;
    if (l.kubernetes) {
      if (l.kubernetes.version) out.kubernetes.version = l.kubernetes.version;
      if (l.kubernetes.crdSchemas) Object.assign(out.kubernetes.crdSchemas, l.kubernetes.crdSchemas);
    }
    if (l.layers?.threshold !== undefined) out.layers.threshold = l.layers.threshold;
    if (l.loci) {
      if (l.loci.path) out.loci.path = l.loci.path;
      if (l.loci.distributions?.length) out.loci.distributions = [...l.loci.distributions];
      if (l.loci.baseImagePatterns) out.loci.baseImagePatterns = [...l.loci.baseImagePatterns];
    }
    if (l.resources) Object.assign(out.resources, l.resources);
    if (l.coexistence) Object.assign(out.coexistence, l.coexistence);
    if (l.suppressions?.requireReason !== undefined) out.suppressions.requireReason = l.suppressions.requireReason;
  }
  return out;
}

/** A stable string for caching findings per configuration. */
export function configKey(c: DockyardConfig, extra = ''): string {
  return JSON.stringify(c) + extra;
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);
const SEVERITY_ALIASES: Record<string, SeverityOrOff> = { info: 'information', warn: 'warning', none: 'off', false: 'off' };

export function normalizeSeverity(v: unknown): SeverityOrOff | undefined {
  if (v === false) return 'off';
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (SEVERITIES.has(s)) return s as SeverityOrOff;
  return SEVERITY_ALIASES[s];
}

export interface ConfigProblem {
  message: Message;
  line: number;
}

/**
 * Parse a `.dockyard.yaml` (or the editor's `dockyard.*` settings object, which has the same shape).
 * Unknown keys and bad values are reported, never thrown.
 */
export function parseConfigObject(raw: unknown, knownRules?: Set<string>): { config: PartialConfig; problems: Message[] } {
  const problems: Message[] = [];
  const config: PartialConfig = {};
  if (!raw || typeof raw !== 'object') return { config, problems };
  const o = raw as Record<string, unknown>;
  unknownKeys(o, '', problems);
  if (o.rules && typeof o.rules === 'object') {
    config.rules = {};
    for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
      const sev = normalizeSeverity(v);
      if (!sev) problems.push(msg('core.config.badSeverity', { rule: id, value: String(v) }));
      else config.rules[id] = sev;
      if (knownRules && !knownRules.has(id)) problems.push(msg('core.config.unknownRule', { rule: id }));
    }
  }
  if (o.pss === 'baseline' || o.pss === 'restricted') config.pss = o.pss;
  if (typeof o.baseline === 'string') config.baseline = o.baseline;
  const k = o.kubernetes as Record<string, unknown> | undefined;
  if (k && typeof k === 'object') {
    config.kubernetes = {};
    if (typeof k.version === 'string' || typeof k.version === 'number') {
      // Unquoted, `version: 1.30` reads as the number 1.3 (out of range: the message says to quote it).
      const v = checkKubernetesVersion(String(k.version));
      const all = supportedKubernetesVersions();
      if ('error' in v) problems.push(msg('core.config.badK8sVersion', { value: String(k.version), oldest: `1.${OLDEST_SUPPORTED_MINOR}`, newest: all[all.length - 1] }));
      else {
        config.kubernetes.version = v.version;
        if (v.schemaFrom) problems.push(msg('core.config.k8sSchemaFallback', { version: v.version, schema: v.schemaFrom }));
      }
    }
    if (k.crdSchemas && typeof k.crdSchemas === 'object') config.kubernetes.crdSchemas = k.crdSchemas as Record<string, string>;
  }
  const layers = o.layers as Record<string, unknown> | undefined;
  if (layers && typeof layers.threshold === 'number' && layers.threshold > 0) config.layers = { threshold: layers.threshold };
  const loci = o.loci as Record<string, unknown> | undefined;
  if (loci && typeof loci === 'object') {
    config.loci = {};
    if (typeof loci.path === 'string') config.loci.path = loci.path;
    if (Array.isArray(loci.distributions)) config.loci.distributions = loci.distributions.map(String);
    if (Array.isArray(loci.baseImagePatterns)) {
      config.loci.baseImagePatterns = loci.baseImagePatterns.map(String);
      for (const p of config.loci.baseImagePatterns) {
        const c = compilePattern(p);
        if ('error' in c) problems.push(msg('core.config.badPattern', { key: 'loci.baseImagePatterns', pattern: p, detail: c.error }));
      }
    }
  }
  const res = o.resources as Record<string, unknown> | undefined;
  if (res && typeof res === 'object') {
    config.resources = {};
    if (typeof res.defaultCpuLimit === 'string') config.resources.defaultCpuLimit = res.defaultCpuLimit;
    if (typeof res.defaultMemoryLimit === 'string') config.resources.defaultMemoryLimit = res.defaultMemoryLimit;
  }
  const co = o.coexistence as Record<string, unknown> | undefined;
  if (co && typeof co === 'object') {
    config.coexistence = {};
    for (const key of ['yamlSyntax', 'dockerfileSyntax', 'buildkitChecks'] as const) {
      const v = co[key];
      if (v === 'auto' || v === 'always' || v === 'never') config.coexistence[key] = v;
    }
  }
  const sup = o.suppressions as Record<string, unknown> | undefined;
  if (sup && typeof sup === 'object') {
    config.suppressions = {};
    if (typeof sup.requireReason === 'boolean') config.suppressions.requireReason = sup.requireReason;
    else if (sup.requireReason !== undefined) problems.push(msg('core.config.badBoolean', { key: 'suppressions.requireReason', value: String(sup.requireReason) }));
  }
  return { config, problems };
}

/** Keys the settings declaration does not know (below `rules`, any rule id is a key), with a did-you-mean. */
function unknownKeys(o: Record<string, unknown>, prefix: string, problems: Message[]): void {
  const known = configFileKeys();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix + k;
    if (!known.has(key)) {
      const siblings = [...known].filter((x) => x.startsWith(prefix) && !x.slice(prefix.length).includes('.'));
      const suggestion = nearest(key, siblings, 3);
      problems.push(suggestion ? msg('core.config.unknownKeySuggest', { key, suggestion }) : msg('core.config.unknownKey', { key }));
    } else if (key !== 'rules' && key !== 'kubernetes.crdSchemas' && v && typeof v === 'object' && !Array.isArray(v)) {
      unknownKeys(v as Record<string, unknown>, key + '.', problems);
    }
  }
}

export function parseConfigFile(text: string, knownRules?: Set<string>): { config: PartialConfig; problems: Message[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    return { config: {}, problems: [msg('core.config.invalid', { detail: doc.errors[0].message.split('\n')[0] })] };
  }
  return parseConfigObject(doc.toJS({ maxAliasCount: 50 }), knownRules);
}

export const CONFIG_FILE_NAMES = ['.dockyard.yaml', '.dockyard.yml'];

/**
 * Find the nearest `.dockyard.yaml` upward from a file. File access is injected so the core stays
 * pure; the CLI and the server pass `fs`.
 */
export function findConfigFile(
  filePath: string,
  exists: (p: string) => boolean,
  join: (...p: string[]) => string,
  dirname: (p: string) => string,
): string | undefined {
  let dir = dirname(filePath);
  for (let i = 0; i < 64; i++) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (exists(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

export function effectiveSeverity(c: DockyardConfig, rule: string, reported: Severity): SeverityOrOff {
  return c.rules[rule] ?? reported;
}
