import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSchemaStore } from '../../../server/src/core/schema';
import { SCHEMA_DIR } from './helpers';

const store = createSchemaStore(SCHEMA_DIR);

describe('describe', () => {
  it('describes the kind itself at the empty path', () => {
    assert.deepEqual(store.describe('1.35', 'apps/v1', 'Deployment', []), {
      type: 'object',
      typeLabel: 'Deployment',
      required: false,
      description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    });
  });

  it('walks through arrays (numeric elements) to an enum field', () => {
    assert.deepEqual(store.describe('1.35', 'apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy']), {
      type: 'string',
      typeLabel: 'string',
      required: false,
      description: 'Image pull policy. One of Always, Never, IfNotPresent.',
      enum: ['Always', 'IfNotPresent', 'Never'],
    });
  });

  it('reports required properties and kubectl-style type labels', () => {
    const name = store.describe('1.35', 'v1', 'Pod', ['spec', 'containers', 3, 'name']);
    assert.equal(name?.required, true);
    assert.equal(name?.type, 'string');
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['spec', 'containers'])?.typeLabel, '[]Container');
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['spec', 'containers'])?.required, true);
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['metadata', 'labels'])?.typeLabel, 'map[string]string');
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['metadata', 'creationTimestamp'])?.typeLabel, 'Time');
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['metadata', 'creationTimestamp'])?.format, 'date-time');
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['spec', 'containers', 0, 'resources', 'limits'])?.typeLabel, 'map[string]Quantity');
    assert.deepEqual(
      [store.describe('1.35', 'v1', 'Service', ['spec', 'ports', 0, 'targetPort'])?.type, store.describe('1.35', 'v1', 'Service', ['spec', 'ports', 0, 'targetPort'])?.typeLabel],
      ['int-or-string', 'IntOrString'],
    );
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])?.type, 'quantity');
  });

  it('walks through maps: a label value is a string described by its map', () => {
    assert.deepEqual(store.describe('1.35', 'v1', 'ConfigMap', ['metadata', 'labels', 'app.kubernetes.io/name']), {
      type: 'string',
      typeLabel: 'string',
      required: false,
      description:
        'Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services.',
    });
  });

  it('returns undefined for paths that leave the schema', () => {
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['spec', 'contaienrs']), undefined);
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['spec', 'containers', 'name']), undefined);
    assert.equal(store.describe('1.35', 'v1', 'Pod', ['spec', 'restartPolicy', 'x']), undefined);
    assert.equal(store.describe('1.35', 'example.com/v1', 'Foo', []), undefined);
  });

  it('uses the property text, not only the definition text', () => {
    const d = store.describe('1.35', 'apps/v1', 'Deployment', ['spec', 'template']);
    assert.equal(d?.typeLabel, 'PodTemplateSpec');
    assert.equal(d?.description, 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".');
  });

  it('describes 1.36-only fields from the 1.36 schema', () => {
    assert.equal(store.describe('1.36', 'v1', 'List', ['metadata', 'shardInfo'])?.typeLabel, 'ShardInfo');
    assert.equal(store.describe('1.35', 'v1', 'List', ['metadata', 'shardInfo']), undefined);
  });
});

describe('children', () => {
  it('lists the fields of an object for completion', () => {
    assert.deepEqual(store.children('1.35', 'apps/v1', 'Deployment', ['spec', 'strategy']), [
      {
        name: 'rollingUpdate',
        type: 'object',
        typeLabel: 'RollingUpdateDeployment',
        required: false,
        description: 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.',
      },
      {
        name: 'type',
        type: 'string',
        typeLabel: 'string',
        required: false,
        description: 'Type of deployment. Can be "Recreate" or "RollingUpdate".',
        enum: ['Recreate', 'RollingUpdate'],
      },
    ]);
  });

  it('lists container fields through the array, with required flags', () => {
    const viaIndex = store.children('1.35', 'v1', 'Pod', ['spec', 'containers', 0]);
    const viaArray = store.children('1.35', 'v1', 'Pod', ['spec', 'containers']);
    assert.deepEqual(viaIndex, viaArray);
    assert.equal(viaIndex.length, 25);
    assert.deepEqual(viaIndex.filter((c) => c.required).map((c) => c.name), ['name']);
    assert.deepEqual(viaIndex.slice(0, 4).map((c) => c.name), ['args', 'command', 'env', 'envFrom']);
  });

  it('lists the top-level fields of a kind', () => {
    assert.deepEqual(
      store.children('1.35', 'v1', 'Service', []).map((c) => `${c.name}:${c.typeLabel}`),
      ['apiVersion:string', 'kind:string', 'metadata:ObjectMeta', 'spec:ServiceSpec', 'status:ServiceStatus'],
    );
  });

  it('returns nothing for maps, scalars and unknown paths', () => {
    assert.deepEqual(store.children('1.35', 'v1', 'ConfigMap', ['data']), []);
    assert.deepEqual(store.children('1.35', 'v1', 'Pod', ['spec', 'restartPolicy']), []);
    assert.deepEqual(store.children('1.35', 'v1', 'Pod', ['spec', 'nope']), []);
    assert.deepEqual(store.children('1.35', 'example.com/v1', 'Foo', []), []);
  });
});
