import { describe, test } from 'node:test';
import { YamlDocModel } from '../../../server/src/core/model/yaml';
import { podsOf } from '../../../server/src/core/model/pods';
import { only, r } from '../../helpers';
import { sec } from './helpers';
import assert from 'node:assert/strict';

const container = (indent: string) => `${indent}- name: app\n${indent}  image: registry.example.com/app:1.0\n${indent}  securityContext:\n${indent}    privileged: true\n`;

describe('every pod template: known kinds of other projects and CRDs by shape', () => {
  test('OpenShift DeploymentConfig and Argo Rollout: spec.template.spec', () => {
    for (const [apiVersion, kind] of [['apps.openshift.io/v1', 'DeploymentConfig'], ['argoproj.io/v1alpha1', 'Rollout']]) {
      const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n${container('        ')}`;
      const f = only(sec(text), 'privileged-container');
      assert.deepEqual(f.map(r), [[13, 12, 13, 28]], kind);
      assert.deepEqual(podsOf(new YamlDocModel(text))[0].path, ['spec', 'template', 'spec']);
    }
  });

  test('a CRD with spec.jobTemplate.spec.template.spec, schema known or not', () => {
    const text = `apiVersion: batch.example.com/v1\nkind: ScheduledTask\nmetadata:\n  name: t\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n${container('            ')}`;
    assert.deepEqual(only(sec(text), 'privileged-container').map(r), [[13, 16, 13, 32]]);
  });

  test('a pod spec found by shape anywhere in a custom resource (several of them, in lists too)', () => {
    const text = `apiVersion: ml.example.com/v1\nkind: TrainingJob\nmetadata:\n  name: j\nspec:\n  replicaSpecs:\n    - role: master\n      pod:\n        volumes: []\n        containers:\n${container('          ')}    - role: worker\n      pod:\n        containers:\n${container('          ')}`;
    const pods = podsOf(new YamlDocModel(text));
    assert.deepEqual(pods.map((p) => p.path), [['spec', 'replicaSpecs', 0, 'pod'], ['spec', 'replicaSpecs', 1, 'pod']]);
    assert.deepEqual(only(sec(text), 'privileged-container').map(r), [[13, 14, 13, 30], [20, 14, 20, 30]]);
  });

  test('not a pod spec: containers without image, CRD schemas, ConfigMaps', () => {
    const noImage = `apiVersion: x.example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  containers:\n    - name: a\n      port: 80\n`;
    assert.deepEqual(podsOf(new YamlDocModel(noImage)), []);
    const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  x: y\n`;
    assert.deepEqual(podsOf(new YamlDocModel(cm)), []);
  });
});
