import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compareVersions, createSchemaStore, createSchemaStoreFromSource } from '../../../server/src/core/schema';
import { recordingSource, SCHEMA_DIR } from './helpers';

const store = createSchemaStore(SCHEMA_DIR);

describe('schema store: versions and kinds', () => {
  it('lists the compiled Kubernetes versions in ascending order', () => {
    assert.deepEqual(store.versions(), ['1.35', '1.36']);
  });

  it('resolves requested versions to a compiled one', () => {
    assert.equal(store.resolveVersion('1.35'), '1.35');
    assert.equal(store.resolveVersion('v1.36.2'), '1.36');
    assert.equal(store.resolveVersion('1.40'), '1.36');
    assert.equal(store.resolveVersion('1.20'), '1.35');
    assert.equal(store.resolveVersion('latest'), '1.36');
  });

  it('orders versions numerically', () => {
    assert.ok(compareVersions('1.9', '1.35') < 0);
    assert.ok(compareVersions('1.100', '1.36') > 0);
    assert.equal(compareVersions('1.35', '1.35'), 0);
  });

  it('knows built-in kinds, removed versions and CRD groups', () => {
    assert.equal(store.knows('1.35', 'apps/v1', 'Deployment'), 'known');
    assert.equal(store.knows('1.35', 'v1', 'ConfigMap'), 'known');
    assert.equal(store.knows('1.35', 'v1', 'List'), 'known');
    assert.equal(store.knows('1.35', 'extensions/v1beta1', 'Deployment'), 'unknown-kind');
    assert.equal(store.knows('1.35', 'policy/v1beta1', 'PodSecurityPolicy'), 'unknown-kind');
    assert.equal(store.knows('1.35', 'apps/v1', 'Deploymnet'), 'unknown-kind');
    assert.equal(store.knows('1.35', 'v1', 'Deployment'), 'unknown-kind');
    assert.equal(store.knows('1.35', 'example.com/v1', 'Foo'), 'unknown-group');
    // Gateway API lives in a *.k8s.io group but is a CRD.
    assert.equal(store.knows('1.35', 'gateway.networking.k8s.io/v1', 'Gateway'), 'unknown-group');
  });

  it('knows what each version serves (scheduling.k8s.io v1alpha1 -> v1alpha2 in 1.36)', () => {
    assert.equal(store.knows('1.35', 'scheduling.k8s.io/v1alpha1', 'Workload'), 'known');
    assert.equal(store.knows('1.36', 'scheduling.k8s.io/v1alpha1', 'Workload'), 'unknown-kind');
    assert.equal(store.knows('1.36', 'scheduling.k8s.io/v1alpha2', 'PodGroup'), 'known');
    assert.equal(store.knows('1.35', 'scheduling.k8s.io/v1alpha2', 'PodGroup'), 'unknown-kind');
  });

  it('lists resource kinds without *List kinds, sorted', () => {
    const kinds = store.kinds('1.35');
    assert.equal(kinds.length, 93);
    assert.equal(kinds.filter((k) => k.kind.endsWith('List')).length, 0);
    assert.deepEqual(kinds[0], { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration' });
    assert.ok(kinds.some((k) => k.apiVersion === 'apps/v1' && k.kind === 'StatefulSet'));
    const sorted = [...kinds].sort((a, b) => (a.apiVersion + ' ' + a.kind < b.apiVersion + ' ' + b.kind ? -1 : 1));
    assert.deepEqual(kinds, sorted);
    assert.equal(store.kinds('1.36').length, 98);
  });
});

describe('schema store: loading', () => {
  it('reads nothing until used, then only the index and the packages a kind needs', () => {
    const source = recordingSource();
    const lazy = createSchemaStoreFromSource(source);
    assert.deepEqual(source.reads, []);
    assert.equal(lazy.knows('1.35', 'v1', 'ConfigMap'), 'known');
    assert.deepEqual(source.reads, ['index.json']);
    assert.deepEqual(lazy.validate('1.35', 'v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }), []);
    assert.deepEqual(source.reads, ['index.json', '1.35/core.v1.json', '1.35/meta.v1.json']);
    lazy.validate('1.35', 'v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } });
    assert.equal(source.reads.length, 3, 'package files are cached');
  });

  it('loads 1.36 from its own files and shares unchanged packages with 1.35', () => {
    const source = recordingSource();
    const lazy = createSchemaStoreFromSource(source);
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { selector: {}, template: { spec: { containers: [{ name: 'db', image: 'postgres' }] } } },
    };
    assert.deepEqual(lazy.validate('1.36', 'apps/v1', 'StatefulSet', sts), []);
    assert.deepEqual(source.reads, ['index.json', '1.35/apps.v1.json', '1.36/meta.v1.json', '1.36/core.v1.json']);
    // A field that exists in 1.36 only (ListMeta.shardInfo) is unknown in 1.35.
    const list = { apiVersion: 'v1', kind: 'List', metadata: { shardInfo: { selector: 'shard=1' } }, items: [] };
    assert.deepEqual(lazy.validate('1.36', 'v1', 'List', list), []);
    assert.deepEqual(lazy.validate('1.35', 'v1', 'List', list), [
      { code: 'unknown-field', path: ['metadata', 'shardInfo'], key: 'shardInfo' },
    ]);
  });

  it('works with the network unavailable', async () => {
    const originalFetch = globalThis.fetch;
    const originalConnect = net.Socket.prototype.connect;
    const attempts: string[] = [];
    globalThis.fetch = (async () => {
      attempts.push('fetch');
      throw new Error('network disabled in this test');
    }) as typeof fetch;
    net.Socket.prototype.connect = function () {
      attempts.push('socket');
      throw new Error('network disabled in this test');
    } as typeof net.Socket.prototype.connect;
    try {
      const offline = createSchemaStore(SCHEMA_DIR);
      assert.equal(offline.knows('1.35', 'apps/v1', 'Deployment'), 'known');
      const issues = offline.validate('1.35', 'v1', 'Pod', { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a', image: 'b', imagePullPolicy: 'Sometimes' }] } });
      assert.deepEqual(issues.map((i) => i.code), ['enum']);
      assert.equal(offline.describe('1.36', 'v1', 'Service', ['spec', 'type'])?.type, 'string');
    } finally {
      globalThis.fetch = originalFetch;
      net.Socket.prototype.connect = originalConnect;
    }
    assert.deepEqual(attempts, []);
  });

  it('reports a missing schema directory clearly', () => {
    const missing = createSchemaStore(path.join(SCHEMA_DIR, 'does-not-exist'));
    assert.throws(() => missing.versions(), /Kubernetes schema file missing: .*index\.json/);
  });

  it('rejects package paths that leave the schema directory', () => {
    const source = recordingSource();
    assert.throws(() => source.readPackage('../index.json'), /invalid schema file path/);
  });
});

describe('compiled schema output', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(SCHEMA_DIR);

  it('stays under 2.5 MB uncompressed', () => {
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    assert.ok(bytes < 2.5 * 1024 * 1024, `dist/schema is ${bytes} bytes`);
  });

  it('points every kind at a definition that exists', () => {
    const index = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'index.json'), 'utf8'));
    let checked = 0;
    for (const entry of Object.values<{ files: Record<string, string>; kinds: Record<string, Record<string, string>> }>(index.versions)) {
      for (const kinds of Object.values(entry.kinds)) {
        for (const def of Object.values(kinds)) {
          const dot = def.lastIndexOf('.');
          const file = entry.files[def.slice(0, dot)];
          const pkg = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
          assert.ok(pkg.defs[def.slice(dot + 1)], def);
          checked++;
        }
      }
    }
    assert.ok(checked > 300);
  });
});
