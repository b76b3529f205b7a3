import type { Lang } from '../messages/catalog';
import { t, template } from '../messages/catalog';

/**
 * Every setting, declared once. The VS Code manifest (`package.json` `contributes.configuration`,
 * written by `npm run docs` and checked by a test), the client (which settings it forwards), the
 * defaults (`DEFAULT_CONFIG`) and the `.dockyard.yaml` keys all come from this table. A setting's
 * description is a catalog id (`setting.<key>`, enum values `setting.<key>.<value>`), so a
 * translation of the manifest is another catalog.
 */
export type SettingType =
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'integer'; minimum?: number }
  | { type: 'boolean' }
  | { type: 'array'; items: 'string' }
  | { type: 'object'; values: 'string' | 'severity' };

export interface SettingDecl {
  /** Key below `dockyard.` (dots are nesting in `.dockyard.yaml`). */
  key: string;
  type: SettingType;
  /** The built-in default (`DEFAULT_CONFIG`). */
  default: unknown;
  /** The default the editor's settings UI shows, when it differs (an empty version means "newest bundled"). */
  manifestDefault?: unknown;
  /** Only in the editor (not a `.dockyard.yaml` key), e.g. the trace level of the LSP client. */
  editorOnly?: boolean;
  /**
   * The value names files (`path`) or patterns (`pattern`): a repository must not set it unchecked.
   * Listed in package.json `capabilities.untrustedWorkspaces.restrictedConfigurations` (issue #12).
   */
  untrusted?: 'path' | 'pattern';
}

export const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;

/**
 * Kubernetes versions newer than the newest bundled schema that the version-dependent checks know
 * (Pod Security sysctls, RBAC exec evaluation): selectable; their schema falls back to the newest bundled.
 */
export const CHECK_ONLY_VERSIONS = ['1.37'] as const;
/** The oldest Kubernetes version Dockyard's API lifecycle table and Pod Security policy cover. */
export const OLDEST_SUPPORTED_MINOR = 25;

/** The Kubernetes versions with a bundled schema (dist/schema; a test keeps the two equal). */
export const BUNDLED_SCHEMA_VERSIONS = ['1.35', '1.36'] as const;

/** The Kubernetes versions with a bundled schema. */
export function schemaVersions(): string[] {
  return [...BUNDLED_SCHEMA_VERSIONS];
}

/**
 * Every selectable Kubernetes version, 1.25 to the newest check-only one: API lifecycle and Pod
 * Security policy of that version, the schema of the nearest bundled one.
 */
export function supportedKubernetesVersions(): string[] {
  const newest = Math.max(...[...BUNDLED_SCHEMA_VERSIONS, ...CHECK_ONLY_VERSIONS].map((v) => Number(v.split('.')[1])));
  const out: string[] = [];
  for (let m = OLDEST_SUPPORTED_MINOR; m <= newest; m++) out.push(`1.${m}`);
  return out;
}

/**
 * A `--k8s-version` / `kubernetes.version` value: `{ version }` (normalised X.Y) when Dockyard has data
 * for it, with `schemaFrom` when its schema falls back to a bundled one; `{ error }` otherwise.
 */
export function checkKubernetesVersion(value: string): { version: string; schemaFrom?: string } | { error: 'format' | 'range' } {
  const m = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(value.trim());
  if (!m) return { error: 'format' };
  const minor = Number(m[1]);
  const schemas = schemaVersions();
  const newest = Math.max(...[...schemas, ...CHECK_ONLY_VERSIONS].map((v) => Number(v.split('.')[1])));
  if (minor < OLDEST_SUPPORTED_MINOR || minor > newest) return { error: 'range' };
  const version = `1.${minor}`;
  if (schemas.includes(version)) return { version };
  const nearest = schemas.reduce((a, b) => (Math.abs(Number(b.split('.')[1]) - minor) < Math.abs(Number(a.split('.')[1]) - minor) ? b : a));
  return { version, schemaFrom: nearest };
}

export const SETTINGS: readonly SettingDecl[] = [
  { key: 'rules', type: { type: 'object', values: 'severity' }, default: {} },
  { key: 'pss', type: { type: 'string', enum: ['baseline', 'restricted'] }, default: 'restricted' },
  { key: 'kubernetes.version', type: { type: 'string', enum: supportedKubernetesVersions() }, default: '', manifestDefault: '1.36' },
  { key: 'kubernetes.crdSchemas', type: { type: 'object', values: 'string' }, default: {}, untrusted: 'path' },
  { key: 'baseline', type: { type: 'string' }, default: '', untrusted: 'path' },
  { key: 'layers.threshold', type: { type: 'integer', minimum: 1 }, default: 20 },
  { key: 'loci.path', type: { type: 'string' }, default: '', untrusted: 'path' },
  { key: 'loci.distributions', type: { type: 'array', items: 'string' }, default: ['ubuntu'] },
  { key: 'loci.baseImagePatterns', type: { type: 'array', items: 'string' }, default: [], untrusted: 'pattern' },
  { key: 'resources.defaultCpuLimit', type: { type: 'string' }, default: '500m' },
  { key: 'resources.defaultMemoryLimit', type: { type: 'string' }, default: '512Mi' },
  { key: 'coexistence.yamlSyntax', type: { type: 'string', enum: ['auto', 'always', 'never'] }, default: 'auto' },
  { key: 'coexistence.dockerfileSyntax', type: { type: 'string', enum: ['auto', 'always', 'never'] }, default: 'auto' },
  { key: 'coexistence.buildkitChecks', type: { type: 'string', enum: ['auto', 'always', 'never'] }, default: 'auto' },
  { key: 'suppressions.requireReason', type: { type: 'boolean' }, default: false },
  { key: 'trace.server', type: { type: 'string', enum: ['off', 'messages', 'verbose'] }, default: 'off', editorOnly: true },
];

/** `dockyard.<key>` of every setting that names paths or patterns (package.json's restrictedConfigurations). */
export function restrictedConfigurations(): string[] {
  return SETTINGS.filter((s) => s.untrusted).map((s) => `dockyard.${s.key}`);
}

/** The keys whose values name paths or patterns (their workspace values are not used in Restricted Mode). */
export function untrustedSettingKeys(): string[] {
  return SETTINGS.filter((s) => s.untrusted).map((s) => s.key);
}

/** The keys whose values name paths (the server confines them in Restricted Mode). */
export function pathSettingKeys(): string[] {
  return SETTINGS.filter((s) => s.untrusted === 'path').map((s) => s.key);
}

/** The keys the client forwards to the server (everything but editor-only settings). */
export function analysisSettingKeys(): string[] {
  return SETTINGS.filter((s) => !s.editorOnly).map((s) => s.key);
}

/** How package.json names a catalog text: `%id%`, resolved by VS Code from package.nls[.<lang>].json. */
export function nlsRef(id: string): string {
  return `%${id}%`;
}

/**
 * The `contributes.configuration.properties` object of package.json. package.json holds it with
 * `describe = nlsRef` (descriptions as `%setting.<key>%`, translated through package.nls files);
 * the default gives the English texts.
 */
export function manifestProperties(describe: (id: string) => string = (id) => t(id)): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of SETTINGS) {
    const p: Record<string, unknown> = {};
    const ty = s.type;
    switch (ty.type) {
      case 'string':
        p.type = 'string';
        if (ty.enum) p.enum = [...ty.enum];
        break;
      case 'integer':
        p.type = 'integer';
        if (ty.minimum !== undefined) p.minimum = ty.minimum;
        break;
      case 'array':
        p.type = 'array';
        p.items = { type: ty.items };
        break;
      case 'boolean':
        p.type = 'boolean';
        break;
      case 'object':
        p.type = 'object';
        p.additionalProperties = ty.values === 'severity' ? { type: 'string', enum: [...SEVERITY_VALUES] } : { type: 'string' };
        break;
    }
    p.default = s.manifestDefault ?? s.default;
    if (ty.type === 'string' && ty.enum && hasEnumDescriptions(s)) p.enumDescriptions = ty.enum.map((v) => describe(`setting.${s.key}.${v}`));
    p.markdownDescription = describe(`setting.${s.key}`);
    out[`dockyard.${s.key}`] = p;
  }
  return out;
}

/** Every `%id%` a manifest (package.json) names, in order of first appearance. */
export function nlsKeys(manifest: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      if (m) out.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest);
  return [...out];
}

/**
 * package.nls.json (`lang` en) or package.nls.<lang>.json: the catalog text of every `%id%` the
 * manifest names, sorted by id. An id missing from the catalog is an error, not a silent key.
 */
export function nlsBundle(manifest: unknown, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of nlsKeys(manifest).sort()) {
    if (template(id, lang) === undefined) throw new Error(`package.json names %${id}%, which is not in the catalog`);
    out[id] = t(id, undefined, lang);
  }
  return out;
}

/** Enum settings whose values need a word of explanation (the catalog has one per value). */
function hasEnumDescriptions(s: SettingDecl): boolean {
  return s.key === 'pss' || s.key.startsWith('coexistence.');
}

/** The built-in defaults as a nested object (`kubernetes.version` → `{kubernetes: {version}}`). */
export function declaredDefaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    if (s.editorOnly) continue;
    const parts = s.key.split('.');
    let cur = out;
    for (let j = 0; j < parts.length - 1; j++) cur = (cur[parts[j]] ??= {}) as Record<string, unknown>;
    cur[parts[parts.length - 1]] = structuredClone(s.default);
  }
  return out;
}

/**
 * The JSON Schema of `.dockyard.yaml` (schemas/dockyard.schema.json, written by `npm run docs`):
 * Red Hat YAML users get completion and validation through `contributes.yamlValidation`.
 */
export function configFileSchema(lang: Lang = 'en'): Record<string, unknown> {
  const root: Record<string, unknown> = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/dockyard-dev/dockyard/blob/main/schemas/dockyard.schema.json',
    title: '.dockyard.yaml',
    description: t('setting.file', undefined, lang),
    type: 'object',
    additionalProperties: false,
    properties: {},
  };
  for (const s of SETTINGS) {
    if (s.editorOnly) continue;
    const parts = s.key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const props = node.properties as Record<string, Record<string, unknown>>;
      node = props[part] ??= { type: 'object', additionalProperties: false, properties: {} };
    }
    const p: Record<string, unknown> = { markdownDescription: t(`setting.${s.key}`, undefined, lang) };
    const ty = s.type;
    if (ty.type === 'string') {
      // The file may name any Kubernetes version (it falls back to the nearest bundled schema).
      if (s.key === 'kubernetes.version') p.type = ['string', 'number'];
      else {
        p.type = 'string';
        if (ty.enum) p.enum = [...ty.enum];
      }
    } else if (ty.type === 'integer') {
      p.type = 'integer';
      if (ty.minimum !== undefined) p.minimum = ty.minimum;
    } else if (ty.type === 'array') {
      p.type = 'array';
      p.items = { type: ty.items };
    } else if (ty.type === 'boolean') {
      p.type = 'boolean';
    } else {
      p.type = 'object';
      p.additionalProperties = ty.values === 'severity' ? { enum: [...SEVERITY_VALUES, 'info', 'warn', 'none', false] } : { type: 'string' };
    }
    p.default = s.default;
    (node.properties as Record<string, unknown>)[parts[parts.length - 1]] = p;
  }
  return root;
}

/** Every key path `.dockyard.yaml` may hold (`loci`, `loci.path`, …), for unknown-key checks. */
export function configFileKeys(): Set<string> {
  const out = new Set<string>();
  for (const s of SETTINGS) {
    if (s.editorOnly) continue;
    const parts = s.key.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}
