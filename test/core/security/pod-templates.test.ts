import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { YamlDocModel } from '../../../server/src/core/model/yaml';
import { podsOf } from '../../../server/src/core/model/pods';
import { lintWorkspace as workspace, only, r } from '../../helpers';
import { sec } from './helpers';

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


describe('service-account-token: the ServiceAccount the pod uses', () => {
  const pod = (sa: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: apps\nspec:\n${sa}${extra}  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n`;
  const account = (name: string, auto: string, ns = 'apps') => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nautomountServiceAccountToken: ${auto}\n`;
  test('an account with automountServiceAccountToken: false in another file satisfies the pod', () => {
    const files = { '/ws/sa.yaml': account('runner', 'false'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n') };
    assert.deepEqual(only(workspace(files, '/ws/pod.yaml'), 'service-account-token'), []);
  });
  test('the default account, another namespace, an account that mounts, and a pod that asks for the token', () => {
    assert.deepEqual(only(workspace({ '/ws/sa.yaml': account('default', 'false'), '/ws/pod.yaml': pod('') }, '/ws/pod.yaml'), 'service-account-token'), []);
    const otherNs = only(workspace({ '/ws/sa.yaml': account('runner', 'false', 'other'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n') }, '/ws/pod.yaml'), 'service-account-token');
    assert.deepEqual(otherNs.map(r), [[5, 0, 5, 4]]);
    assert.equal(only(workspace({ '/ws/sa.yaml': account('runner', 'true'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n') }, '/ws/pod.yaml'), 'service-account-token').length, 1);
    const asks = only(workspace({ '/ws/sa.yaml': account('runner', 'false'), '/ws/pod.yaml': pod('  serviceAccountName: runner\n', '  automountServiceAccountToken: true\n') }, '/ws/pod.yaml'), 'service-account-token');
    assert.deepEqual(asks.map((x) => [r(x), x.message.id]), [[[7, 2, 7, 36], 'rule.service-account-token.messageTrue']]);
  });
  test('the fix lands in the right document of a multi-document file', () => {
    const text = account('x', 'true') + '---\n' + pod('');
    const [f] = only(workspace({ '/ws/a.yaml': text }, '/ws/a.yaml'), 'service-account-token');
    assert.deepEqual(r(f), [12, 0, 12, 4]);
    const edit = f.fixes![0].edits[0];
    assert.equal(edit.range.start.line, 13);
  });
});

describe('unsafe-sysctl per Kubernetes version', () => {
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_notsent_lowat\n        value: "16384"\n      - name: net.ipv4.tcp_slow_start_after_idle\n        value: "0"\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n`;
  test('tcp_notsent_lowat and tcp_slow_start_after_idle are allowed from 1.37 only', () => {
    assert.deepEqual(only(sec(pod), 'unsafe-sysctl').map(r), [[7, 8, 8, 22], [9, 8, 10, 18]]);
    assert.deepEqual(only(sec(pod, { kubernetes: { version: '1.36' } }), 'unsafe-sysctl').length, 2);
    assert.deepEqual(only(sec(pod, { kubernetes: { version: '1.37' } }), 'unsafe-sysctl'), []);
  });
});
