import { test, describe } from 'node:test';
import { lint, only } from '../../helpers';
import type { Finding } from '../../../server/src/core/types';
import assert from 'node:assert/strict';
import { SCHEMA_RULES, k8s, GOOD_DEPLOYMENT } from './helpers';

describe('schema rules: passing documents', () => {
  test('a valid Deployment has no schema finding', () => {
    assert.deepEqual(k8s(lint(GOOD_DEPLOYMENT)), []);
  });

  test('null values count as absent (no type or required finding)', () => {
    const text = GOOD_DEPLOYMENT.replace('  replicas: 3\n', '  replicas:\n  paused: ~\n');
    assert.deepEqual(k8s(lint(text)), []);
  });

  test('int-or-string and quantities accept both forms', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  selector: {app: web}
  ports:
    - port: 80
      targetPort: http
    - port: 81
      targetPort: 8081
`;
    assert.deepEqual(k8s(lint(text)), []);
    const cm = GOOD_DEPLOYMENT.replace('{cpu: 500m, memory: 512Mi}', '{cpu: 1, memory: 1Gi}');
    assert.deepEqual(k8s(lint(cm)), []);
  });
});

describe('which files get Kubernetes findings', () => {
  test('documents without apiVersion/kind in a Kubernetes file get none', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n---\nfoo: bar\nkind: x\ncontaienrs: 1\n';
    assert.deepEqual(k8s(lint(text)), []);
  });

  test('a compose file with a kind: key, a workflow and a Helm values.yaml get none', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    labels:\n      kind: frontend\nkind: weird\nvolumes: {}\n';
    assert.deepEqual(k8s(lint(compose, '/ws/docker-compose.yaml')), []);
    const workflow = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
    assert.deepEqual(k8s(lint(workflow, '/ws/.github/workflows/ci.yaml')), []);
    const values = 'images:\n  tags:\n    cinder_api: quay.io/airshipit/cinder:2024.1\npod:\n  replicas:\n    api: 1\nkind: Deployment\n';
    assert.deepEqual(k8s(lint(values, '/ws/cinder/values.yaml')), []);
  });

  test('any YAML file name: a manifest called settings.yml is checked', () => {
    const f = lint('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndat: {}\n', '/ws/conf/settings.yml');
    assert.equal(only(f, 'schema-unknown-field').length, 1);
  });
});
