// Settings are declared once (server/src/core/config/settings.ts): the manifest, the defaults, the
// client's forwarded keys and the config parser must all agree with that declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { analysisSettingKeys, CHECK_ONLY_VERSIONS, schemaVersions, configFileSchema, manifestProperties, nlsRef, SETTINGS } from '../../server/src/core/config/settings';
import { DEFAULT_CONFIG, mergeConfig, parseConfigFile, parseConfigObject } from '../../server/src/core/config/config';
import { createSchemaStore } from '../../server/src/core/schema';


const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');
const get = (o: unknown, key: string): unknown => key.split('.').reduce<unknown>((cur, k) => (cur as Record<string, unknown> | undefined)?.[k], o);
const nest = (key: string, value: unknown): Record<string, unknown> => key.split('.').reduceRight<Record<string, unknown>>((inner, k, i, all) => (i === all.length - 1 ? { [k]: value } : { [k]: inner }), {});

test('package.json contributes.configuration is the declared settings (npm run docs writes it)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties, manifestProperties(nlsRef), 'package.json settings are stale: run `npm run docs`');
  // Descriptions are package.nls references, translated by VS Code; the English texts are the catalog's.
  assert.equal(pkg.contributes.configuration.properties['dockyard.pss'].markdownDescription, '%setting.pss%');
  assert.equal(manifestProperties()['dockyard.pss'].markdownDescription, 'Pod Security Standards level the security checks enforce.');
});

test('DEFAULT_CONFIG holds the declared default of every analysis setting and nothing else', () => {
  const declared = SETTINGS.filter((s) => !s.editorOnly);
  for (const s of declared) assert.deepEqual(get(DEFAULT_CONFIG, s.key), s.default, s.key);
  const leaves: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix + k;
      if (v && typeof v === 'object' && !Array.isArray(v) && !declared.some((s) => s.key === key)) walk(v as Record<string, unknown>, key + '.');
      else leaves.push(key);
    }
  };
  walk(DEFAULT_CONFIG as unknown as Record<string, unknown>, '');
  assert.deepEqual(leaves.sort(), declared.map((s) => s.key).sort());
});

test('the client forwards every analysis setting and no editor-only one', () => {
  assert.deepEqual(analysisSettingKeys(), SETTINGS.filter((s) => !s.editorOnly).map((s) => s.key));
  assert.ok(!analysisSettingKeys().includes('trace.server'));
});

test('the config parser reads every declared setting from .dockyard.yaml / the editor object', () => {
  const samples: Record<string, unknown> = {
    rules: { 'run-as-root': 'warning' },
    pss: 'baseline',
    'kubernetes.version': '1.35',
    baseline: '.dockyard-baseline.json',
    'kubernetes.crdSchemas': { Widget: 'crds/widget.yaml' },
    'layers.threshold': 7,
    'loci.path': '../loci',
    'loci.distributions': ['ubuntu', 'mydistro'],
    'loci.baseImagePatterns': ['^registry\\.example\\.com/base'],
    'resources.defaultCpuLimit': '1',
    'resources.defaultMemoryLimit': '1Gi',
    'coexistence.yamlSyntax': 'never',
    'coexistence.dockerfileSyntax': 'always',
    'coexistence.buildkitChecks': 'never',
    'suppressions.requireReason': true,
  };
  for (const s of SETTINGS.filter((x) => !x.editorOnly)) {
    assert.ok(s.key in samples, `no sample value for ${s.key}`);
    const { config, problems } = parseConfigObject(nest(s.key, samples[s.key]));
    assert.deepEqual(problems, [], s.key);
    assert.deepEqual(get(mergeConfig(config), s.key), samples[s.key], s.key);
    assert.notDeepEqual(samples[s.key], s.default, `${s.key}: the sample must differ from the default to prove it was read`);
  }
});

test('kubernetes.version offers 1.25 to the newest check-only version; the bundled schema versions are the ones declared, the newest bundled shown as default', () => {
  const store = createSchemaStore(path.join(ROOT, 'dist', 'schema'));
  const versions = store.versions();
  const decl = SETTINGS.find((s) => s.key === 'kubernetes.version')!;
  assert.deepEqual(schemaVersions(), versions);
  assert.deepEqual(decl.type.type === 'string' ? decl.type.enum : undefined, ['1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36', ...CHECK_ONLY_VERSIONS]);
  // A check-only version validates against the newest bundled schema.
  for (const v of CHECK_ONLY_VERSIONS) assert.equal(store.resolveVersion(v), versions[versions.length - 1]);
  assert.equal(decl.manifestDefault, versions[versions.length - 1]);
});

test('schemas/dockyard.schema.json is generated from the declaration (npm run docs) and package.json points Red Hat YAML at it', () => {
  const onDisk = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/dockyard.schema.json'), 'utf8'));
  assert.deepEqual(onDisk, configFileSchema(), 'schemas/dockyard.schema.json is stale: run `npm run docs`');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: ['.dockyard.yaml', '.dockyard.yml'], url: './schemas/dockyard.schema.json' }]);
  assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/dockyard\.schema\.json$/m, 'the schema ships in the .vsix');
});

test('the .dockyard.yaml schema accepts what the parser accepts and rejects unknown keys', () => {
  const validate = new Ajv({ strict: false }).compile(configFileSchema());
  const good = { rules: { 'run-as-root': 'off', 'layer-count': 'warn' }, pss: 'baseline', kubernetes: { version: 1.35, crdSchemas: { Widget: 'crds/w.yaml' } }, layers: { threshold: 10 }, loci: { path: '../loci', distributions: ['ubuntu'], baseImagePatterns: ['^x/'] }, resources: { defaultCpuLimit: '1' }, coexistence: { yamlSyntax: 'never' } };
  assert.ok(validate(good), JSON.stringify(validate.errors));
  assert.deepEqual(parseConfigObject(good).problems, []);
  for (const bad of [{ pss: 'strict' }, { loci: { paths: 'x' } }, { layer: { threshold: 3 } }, { layers: { threshold: 0 } }]) assert.equal(validate(bad), false, JSON.stringify(bad));
});

test('unknown keys in .dockyard.yaml are reported with a did-you-mean, at any depth; rule ids are not keys', () => {
  const { problems } = parseConfigFile('layer:\n  threshold: 3\nloci:\n  paths: ../loci\n  distributions: [ubuntu]\nkubernetes:\n  crdSchemas:\n    Anything: x.yaml\nrules:\n  my-rule: off\nzzzz: 1\n');
  assert.deepEqual(problems.filter((p) => p.id.startsWith('core.config.unknownKey')), [
    { id: 'core.config.unknownKeySuggest', args: { key: 'layer', suggestion: 'layers' } },
    { id: 'core.config.unknownKeySuggest', args: { key: 'loci.paths', suggestion: 'loci.path' } },
    { id: 'core.config.unknownKey', args: { key: 'zzzz' } },
  ]);
});

test('suppressions.requireReason takes a boolean; another value is reported and ignored', () => {
  const { config, problems } = parseConfigObject({ suppressions: { requireReason: 'yes' } });
  assert.deepEqual(problems, [{ id: 'core.config.badBoolean', args: { key: 'suppressions.requireReason', value: 'yes' } }]);
  assert.equal(mergeConfig(config).suppressions.requireReason, false);
});
