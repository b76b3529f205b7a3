import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { damerauLevenshtein, nearestName } from '../../../server/src/core/schema';
import { REPO_ROOT, SCHEMA_DIR } from './helpers';

interface BuildModule {
  deriveEnum(description: string): string[] | undefined;
  trimDescription(text: string, max?: number): string | undefined;
  shortName(full: string): string;
  build(outDir: string): { bytes: number; files: number; ms: number };
}

let mod: BuildModule;
before(async () => {
  // Loaded at run time (an ES module script, not bundled into the test).
  const url = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'build-schema.mjs')).href;
  mod = (await import(url)) as BuildModule;
});

describe('build-schema: enum derivation', () => {
  it('reads inline lists of allowed values', () => {
    assert.deepEqual(mod.deriveEnum('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always.'), ['Always', 'Never', 'IfNotPresent']);
    assert.deepEqual(mod.deriveEnum('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".'), ['UDP', 'TCP', 'SCTP']);
    assert.deepEqual(mod.deriveEnum("Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'."), [
      'ClusterFirstWithHostNet',
      'ClusterFirst',
      'Default',
      'None',
    ]);
    assert.deepEqual(mod.deriveEnum('Allowed values are "Never" and "IfNeeded".'), ['Never', 'IfNeeded']);
  });

  it('reads bullet lists after "values are:"', () => {
    const text = 'Specifies the action. Possible values are:\n\n- FailJob: fail.\n- FailIndex: index.\n- Ignore: skip.\n- Count: count.\nAdditional values are considered to be added in the future.';
    assert.deepEqual(mod.deriveEnum(text), ['FailJob', 'FailIndex', 'Ignore', 'Count']);
  });

  it('refuses sentences that are not clean lists', () => {
    assert.equal(mod.deriveEnum('Valid values are "None", empty string (""), or a valid IP address.'), undefined);
    assert.equal(mod.deriveEnum('It can be `NonIndexed` (default) or `Indexed`.'), undefined);
    assert.equal(mod.deriveEnum('Must be a DNS_LABEL.'), undefined);
    assert.equal(mod.deriveEnum('Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.'), undefined);
    assert.equal(mod.deriveEnum('Name of the container.'), undefined);
  });

  it('shortens definition names', () => {
    assert.equal(mod.shortName('io.k8s.api.core.v1.PodSpec'), 'core.v1.PodSpec');
    assert.equal(mod.shortName('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), 'meta.v1.ObjectMeta');
    assert.equal(mod.shortName('io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps'), 'apiextensions.v1.JSONSchemaProps');
  });

  it('trims descriptions to their first two sentences', () => {
    assert.equal(mod.trimDescription('First one. Second, e.g. this. Third.'), 'First one. Second, e.g. this.');
    assert.equal(mod.trimDescription('Only\n  one   sentence'), 'Only one sentence');
    assert.equal(mod.trimDescription(''), undefined);
  });
});

describe('build-schema: output', () => {
  it('is deterministic', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-schema-'));
    try {
      const result = mod.build(dir);
      console.log(`# build-schema: ${result.ms} ms`);
      const names = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
      const shipped = fs.readdirSync(SCHEMA_DIR, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
      assert.deepEqual(names, shipped);
      for (const name of names) {
        assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8'), name);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts reviewed enums where they belong', () => {
    const core = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, '1.35', 'core.v1.json'), 'utf8')).defs;
    assert.deepEqual(core.ContainerPort.p.protocol.e, ['TCP', 'UDP', 'SCTP']);
    assert.deepEqual(core.PersistentVolumeClaimSpec.p.accessModes.i.e, ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
    assert.deepEqual(core.NodeSelectorRequirement.p.operator.e, ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']);
    assert.equal(core.NodeAddress.p.type.e, undefined, 'suppressed: the description misses InternalDNS/ExternalDNS');
    assert.equal(core.Container.p.name.e, undefined);
  });
});

describe('suggestions', () => {
  it('counts an adjacent swap as one edit', () => {
    assert.equal(damerauLevenshtein('contaienrs', 'containers'), 1);
    assert.equal(damerauLevenshtein('abc', 'abc'), 0);
    assert.equal(damerauLevenshtein('', 'abc'), 3);
    assert.equal(damerauLevenshtein('kitten', 'sitting'), 3);
  });

  it('suggests only close names', () => {
    assert.equal(nearestName('contaienrs', ['command', 'containers', 'initContainers']), 'containers');
    assert.equal(nearestName('IMAGE', ['image', 'imagePullPolicy']), 'image');
    assert.equal(nearestName('xyz', ['image', 'name']), undefined);
    assert.equal(nearestName('replica', ['replicas', 'revisionHistoryLimit']), 'replicas');
  });
});
