import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzerWith, lint, only, r } from '../../helpers';
import { crdFileFor, invalidateCrdSchemas } from '../../../server/src/core/kubernetes/crd';
import { mergeConfig } from '../../../server/src/core/config/config';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { FileCrdSource } from '../../../server/src/host/crd-source';
import { ConfigResolver } from '../../../server/src/host/config-resolver';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: integer}
                mode: {type: string, enum: [fast, slow]}
`;

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  size: "big"
  mode: fsat
  colour: red
`;

/** An analyzer whose providers read schema files from `files` (and record the reads). */
function source(files: Record<string, string>) {
  const reads: string[] = [];
  const a = analyzerWith({
    crd: {
      read(file, documentPath) {
        reads.push(`${file}|${documentPath}`);
        return files[file];
      },
    },
  });
  return { reads, a };
}

describe('CRD schemas (kubernetes.crdSchemas)', () => {
  test('without a configured schema a custom resource is skipped', () => {
    const { a } = source({ 'crds/widget.yaml': CRD });
    const f = lint(WIDGET, undefined, undefined, a);
    assert.deepEqual(f.filter((x) => x.rule.startsWith('schema-') || x.rule === 'unknown-kind'), []);
  });

  test('with a CRD file mapped by kind, the document is validated against the version\'s schema', () => {
    const { reads, a } = source({ 'crds/widget.yaml': CRD });
    const f = lint(WIDGET, '/ws/w.yaml', { kubernetes: { crdSchemas: { Widget: 'crds/widget.yaml' } } }, a);
    assert.deepEqual(reads, ['crds/widget.yaml|/ws/w.yaml']);
    assert.deepEqual(
      f.filter((x) => x.rule.startsWith('schema-')).map((x) => [x.rule, r(x)]),
      [
        ['schema-type', [4, 8, 4, 13]],
        ['schema-enum', [5, 8, 5, 12]],
        ['schema-unknown-field', [6, 2, 6, 8]],
      ],
    );
    assert.equal(only(f, 'schema-enum')[0].message.args!.suggestion, 'fast');
  });

  test('group/version/Kind keys win over Kind keys; a plain JSON schema applies to any version', () => {
    const json = JSON.stringify({ type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'string' } } } } });
    const { a } = source({ 'crds/widget.yaml': CRD, 'schemas/widget.json': json });
    const config = mergeConfig({ kubernetes: { crdSchemas: { Widget: 'crds/widget.yaml', 'example.com/v1/Widget': 'schemas/widget.json' } } });
    assert.equal(crdFileFor(config, 'example.com/v1', 'Widget'), 'schemas/widget.json');
    assert.equal(crdFileFor(config, 'example.com/v2', 'Widget'), 'crds/widget.yaml');
    const f = lint(WIDGET, '/ws/w.yaml', { kubernetes: { crdSchemas: { 'example.com/v1/Widget': 'schemas/widget.json' } } }, a);
    // size is a string in the JSON schema; mode/colour are unknown there
    assert.deepEqual(
      f.filter((x) => x.rule.startsWith('schema-')).map((x) => [x.rule, x.message.args!.key ?? x.message.args!.path]),
      [
        ['schema-unknown-field', 'mode'],
        ['schema-unknown-field', 'colour'],
      ],
    );
  });

  test('problems with the configured file are reported on the document (unknown-kind)', () => {
    const { a } = source({ 'crds/widget.yaml': CRD, 'other.yaml': 'a: 1\n' });
    const unreadable = only(lint(WIDGET, '/ws/w.yaml', { kubernetes: { crdSchemas: { Widget: 'missing.yaml' } } }, a), 'unknown-kind');
    assert.deepEqual(unreadable.map((x) => [r(x), x.message]), [[[1, 6, 1, 12], { id: 'rule.unknown-kind.crdUnreadable', args: { file: 'missing.yaml', kind: 'Widget', apiVersion: 'example.com/v1' } }]]);
    const v2 = only(lint(WIDGET.replace('example.com/v1', 'example.com/v2'), '/ws/w.yaml', { kubernetes: { crdSchemas: { Widget: 'crds/widget.yaml' } } }, a), 'unknown-kind');
    assert.deepEqual(v2.map((x) => [r(x), x.message.id, x.message.args!.versions]), [[[0, 12, 0, 26], 'rule.unknown-kind.crdNoVersion', 'v1']]);
    const noKind = only(lint(WIDGET, '/ws/w.yaml', { kubernetes: { crdSchemas: { Widget: 'other.yaml' } } }, a), 'unknown-kind');
    assert.equal(noKind[0].message.id, 'rule.unknown-kind.crdNoKind');
  });

  test('a changed schema file is picked up after invalidateCrdSchemas() + invalidateFindings()', () => {
    const files: Record<string, string> = { 'crds/widget.yaml': CRD };
    const { a } = source(files);
    const cfg = mergeConfig({ kubernetes: { crdSchemas: { Widget: 'crds/widget.yaml' } } });
    const before = a.analyze({ path: '/ws/w.yaml', text: WIDGET }, cfg).findings.filter((x) => x.rule === 'schema-type');
    assert.equal(before.length, 1);
    files['crds/widget.yaml'] = CRD.replace('size: {type: integer}', 'size: {type: string}');
    a.invalidateFindings();
    assert.equal(a.analyze({ path: '/ws/w.yaml', text: WIDGET }, cfg).findings.filter((x) => x.rule === 'schema-type').length, 1, 'still the cached text');
    invalidateCrdSchemas(a.providers);
    a.invalidateFindings();
    const after = a.analyze({ path: '/ws/w.yaml', text: WIDGET }, cfg).findings.filter((x) => x.rule === 'schema-type');
    assert.equal(after.length, 0);
  });

  test('the configuration of one workspace does not leak into another', () => {
    const { a } = source({ 'crds/widget.yaml': CRD });
    lint(WIDGET, '/ws/w.yaml', { kubernetes: { crdSchemas: { Widget: 'crds/widget.yaml' } } }, a);
    assert.deepEqual(lint(WIDGET, '/other/w.yaml', undefined, a).filter((x) => x.rule.startsWith('schema-')), []);
  });
});

describe('host: FileCrdSource', () => {
  test('resolves relative paths against the .dockyard.yaml folder, then the workspace root; re-reads changed files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-crd-'));
    try {
      fs.mkdirSync(path.join(dir, 'app/crds'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'plain/deploy'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'app/.dockyard.yaml'), 'kubernetes:\n  crdSchemas:\n    Widget: crds/widget.yaml\n');
      fs.writeFileSync(path.join(dir, 'app/crds/widget.yaml'), CRD);
      fs.writeFileSync(path.join(dir, 'plain/widget.yaml'), 'x');
      const src = new FileCrdSource(new ConfigResolver(new Set()), () => [path.join(dir, 'plain')]);
      assert.equal(src.resolve('crds/widget.yaml', path.join(dir, 'app/deploy/w.yaml')), path.join(dir, 'app/crds/widget.yaml'));
      assert.equal(src.resolve('widget.yaml', path.join(dir, 'plain/deploy/w.yaml')), path.join(dir, 'plain/widget.yaml'));
      assert.equal(src.resolve('/abs/x.yaml', path.join(dir, 'plain/deploy/w.yaml')), '/abs/x.yaml');
      assert.equal(src.read('crds/widget.yaml', path.join(dir, 'app/w.yaml')), CRD);
      assert.equal(src.read('nope.yaml', path.join(dir, 'app/w.yaml')), undefined);
      fs.writeFileSync(path.join(dir, 'app/crds/widget.yaml'), CRD + '# changed, longer\n');
      assert.match(src.read('crds/widget.yaml', path.join(dir, 'app/w.yaml'))!, /changed/);
      const open = new FileCrdSource(new ConfigResolver(new Set()), () => [], (p) => (p.endsWith('widget.yaml') ? 'from editor' : undefined));
      assert.equal(open.read('/x/widget.yaml', '/x/w.yaml'), 'from editor');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
