import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, r, applyFix } from '../../helpers';
import type { Finding } from '../../../server/src/core/types';

const SCHEMA_RULES = ['unknown-kind', 'schema-required', 'schema-type', 'schema-enum', 'schema-unknown-field', 'deprecated-api', 'removed-api'];

function k8s(findings: Finding[]): Finding[] {
  return findings.filter((f) => SCHEMA_RULES.includes(f.rule));
}

const GOOD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: Always
      containers:
        - name: app
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 8080
              protocol: TCP
          resources:
            limits: {cpu: 500m, memory: 512Mi}
`;

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

describe('schema-unknown-field', () => {
  const text = GOOD_DEPLOYMENT.replace('      containers:', '      contaienrs:');

  test('reports the exact key with a did-you-mean and renames it', () => {
    const all = lint(text);
    const f = only(all, 'schema-unknown-field');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [14, 6, 14, 16]);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(f[0].message, { id: 'rule.schema-unknown-field.suggest', args: { key: 'contaienrs', path: 'spec.template.spec', suggestion: 'containers' } });
    // and containers is then missing
    const req = only(all, 'schema-required');
    assert.deepEqual(req.map((x) => [r(x), x.message.args]), [[[12, 4, 12, 8], { key: 'containers', path: 'spec.template.spec' }]]);
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, GOOD_DEPLOYMENT);
    assert.deepEqual(k8s(lint(fixed)), []);
  });

  test('a field at the wrong level, without a close name: no fix', () => {
    const bad = GOOD_DEPLOYMENT.replace('      restartPolicy: Always\n', '      restartPolicy: Always\n      imagePullPolicy: Always\n');
    const f = only(lint(bad), 'schema-unknown-field');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [14, 6, 14, 21]);
    assert.deepEqual(f[0].message, { id: 'rule.schema-unknown-field.message', args: { key: 'imagePullPolicy', path: 'spec.template.spec' } });
    assert.equal(f[0].fixes, undefined);
  });

  test('quoted keys keep their quotes; no rename when the suggested key exists', () => {
    const q = GOOD_DEPLOYMENT.replace('          image: nginx:1.27', '          "imagee": nginx:1.27');
    const f = only(lint(q), 'schema-unknown-field');
    assert.deepEqual(r(f[0]), [16, 10, 16, 18]);
    assert.equal(f[0].fixes![0].edits[0].newText, '"image"');
    assert.equal(applyFix(q, f[0]), GOOD_DEPLOYMENT.replace('image: nginx', '"image": nginx'));
    const dup = GOOD_DEPLOYMENT.replace('          image: nginx:1.27', '          image: nginx:1.27\n          imagee: x');
    const g = only(lint(dup), 'schema-unknown-field');
    assert.equal(g.length, 1);
    assert.equal(g[0].fixes, undefined);
  });

  test('unknown top-level field, in a flow mapping and in a sequence item', () => {
    const text2 = `apiVersion: v1
kind: ConfigMap
metadata: {name: c, lables: {a: b}}
data: {k: v}
dat: {}
`;
    const f = only(lint(text2), 'schema-unknown-field');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.args]),
      [
        [[2, 20, 2, 26], { key: 'lables', path: 'metadata', suggestion: 'labels' }],
        [[4, 0, 4, 3], { key: 'dat', path: 'ConfigMap', suggestion: 'data' }],
      ],
    );
  });
});

describe('schema-enum', () => {
  test('value range, allowed values, nearest-value fix', () => {
    const text = GOOD_DEPLOYMENT.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: ifnotpresent');
    const f = only(lint(text), 'schema-enum');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [17, 27, 17, 39]);
    assert.deepEqual(f[0].message, {
      id: 'rule.schema-enum.suggest',
      args: { path: 'spec.template.spec.containers[0].imagePullPolicy', actual: 'ifnotpresent', allowed: 'Always, IfNotPresent, Never', suggestion: 'IfNotPresent' },
    });
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, GOOD_DEPLOYMENT);
    assert.deepEqual(k8s(lint(fixed)), []);
  });

  test('no suggestion for a far value', () => {
    const text = GOOD_DEPLOYMENT.replace('restartPolicy: Always', 'restartPolicy: Sometimes');
    const f = only(lint(text), 'schema-enum');
    assert.deepEqual(r(f[0]), [13, 21, 13, 30]);
    assert.equal(f[0].message.id, 'rule.schema-enum.message');
    assert.equal(f[0].fixes, undefined);
  });

  test('protocol inside a port list', () => {
    const text = GOOD_DEPLOYMENT.replace('protocol: TCP', 'protocol: "tcp"');
    const f = only(lint(text), 'schema-enum');
    assert.deepEqual(r(f[0]), [20, 24, 20, 29]);
    assert.equal(f[0].fixes![0].edits[0].newText, '"TCP"');
  });
});

describe('schema-type', () => {
  test('string where an integer is expected: the value range', () => {
    const text = GOOD_DEPLOYMENT.replace('replicas: 3', 'replicas: "3"');
    const f = only(lint(text), 'schema-type');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [6, 12, 6, 15]);
    assert.deepEqual(f[0].message, { id: 'rule.schema-type.message', args: { path: 'spec.replicas', expected: 'integer', actual: 'string' } });
  });

  test('object where a list is expected, list where an IntOrString is expected', () => {
    const text = GOOD_DEPLOYMENT.replace(/          ports:\n            - containerPort: 8080\n              protocol: TCP\n/, '          ports:\n            containerPort: 8080\n');
    const f = only(lint(text), 'schema-type');
    assert.deepEqual(f.map((x) => [r(x), x.message.args]), [[[18, 10, 18, 15], { path: 'spec.template.spec.containers[0].ports', expected: '[]ContainerPort', actual: 'object' }]]);
    const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: 80\n      targetPort: [1]\n';
    const g = only(lint(svc), 'schema-type');
    assert.deepEqual(g.map((x) => [r(x), x.message.args]), [[[6, 18, 6, 21], { path: 'spec.ports[0].targetPort', expected: 'IntOrString', actual: 'array' }]]);
  });

  test('yes/on/NO are booleans as kubectl reads them (YAML 1.1); a quoted "yes" is a string', () => {
    // Deliberate change (issue #11): 0.1 read YAML 1.2 and reported `paused: yes` as a string.
    for (const v of ['yes', 'on', 'NO', 'Off', 'y']) {
      const text = GOOD_DEPLOYMENT.replace('  replicas: 3\n', `  replicas: 3\n  paused: ${v}\n`);
      assert.deepEqual(only(lint(text), 'schema-type'), [], v);
    }
    const text = GOOD_DEPLOYMENT.replace('  replicas: 3\n', '  replicas: 3\n  paused: "yes"\n');
    const f = only(lint(text), 'schema-type');
    assert.deepEqual(f.map((x) => [r(x), x.message.args]), [[[7, 10, 7, 15], { path: 'spec.paused', expected: 'boolean', actual: 'string' }]]);
  });
});

describe('schema-required', () => {
  test('on the key that holds the object', () => {
    const text = GOOD_DEPLOYMENT.replace('          image: nginx:1.27\n', '').replace('        - name: app\n', '        - image: nginx\n');
    const f = only(lint(text), 'schema-required');
    assert.deepEqual(f.map((x) => [r(x), x.message]), [[[15, 10, 15, 15], { id: 'rule.schema-required.message', args: { key: 'name', path: 'spec.template.spec.containers[0]' } }]]);
  });

  test('top-level required fields go on the kind pair', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nsubjects: []\n';
    const f = only(lint(text), 'schema-required');
    assert.deepEqual(f.map((x) => [r(x), x.message]), [[[1, 0, 1, 17], { id: 'rule.schema-required.root', args: { key: 'roleRef', kind: 'RoleBinding' } }]]);
  });

  test('an empty flow mapping: on its key', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n';
    const f = only(lint(text), 'schema-required');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.args]),
      [
        [[3, 0, 3, 4], { key: 'selector', path: 'spec' }],
        [[3, 0, 3, 4], { key: 'template', path: 'spec' }],
      ],
    );
  });
});

describe('unknown-kind', () => {
  test('a misspelt kind with a suggestion and a fix', () => {
    const text = 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: d}\n';
    const f = only(lint(text), 'unknown-kind');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(r(f[0]), [1, 6, 1, 16]);
    assert.deepEqual(f[0].message, { id: 'rule.unknown-kind.suggest', args: { apiVersion: 'apps/v1', kind: 'Deploymnet', suggestion: 'Deployment', version: '1.36' } });
    assert.equal(applyFix(text, f[0]), text.replace('Deploymnet', 'Deployment'));
  });

  test('a kind under the wrong apiVersion: the fix moves apiVersion', () => {
    const text = 'apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n';
    const f = only(lint(text), 'unknown-kind');
    assert.deepEqual(r(f[0]), [0, 12, 0, 14]);
    assert.deepEqual(f[0].message, { id: 'rule.unknown-kind.otherApiVersion', args: { apiVersion: 'v1', kind: 'Deployment', expected: 'apps/v1', version: '1.36' } });
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, text.replace('apiVersion: v1', 'apiVersion: apps/v1'));
    assert.deepEqual(k8s(lint(fixed)), only(lint(fixed), 'schema-required'));
  });

  test('a misspelt kind of another apiVersion: the fix changes both', () => {
    const text = 'apiVersion: v1\nkind: Deploymnet\n';
    const f = only(lint(text), 'unknown-kind');
    assert.deepEqual(r(f[0]), [1, 6, 1, 16]);
    assert.equal(f[0].message.id, 'rule.unknown-kind.suggestOther');
    assert.equal(applyFix(text, f[0]), 'apiVersion: apps/v1\nkind: Deployment\n');
  });

  test('an apiVersion the version does not serve, not in the lifecycle table', () => {
    const text = 'apiVersion: apps/v2\nkind: Frobnicator\n';
    const f = only(lint(text), 'unknown-kind');
    assert.deepEqual(f.map((x) => [r(x), x.message.id]), [[[0, 12, 0, 19], 'rule.unknown-kind.apiVersion']]);
  });

  test('CRD groups, kubeconfig and kustomize files are skipped', () => {
    assert.deepEqual(k8s(lint('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {anything: 1}\n')), []);
    assert.deepEqual(k8s(lint('apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\n')), []);
    assert.deepEqual(k8s(lint('apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n')), []);
    assert.deepEqual(k8s(lint('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n')), []);
  });

  test('the selected version decides what is served', () => {
    const text = 'apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: g}\n';
    assert.equal(only(lint(text, '/ws/a.yaml', { kubernetes: { version: '1.36' } }), 'unknown-kind').length, 0);
    const f = only(lint(text, '/ws/a.yaml', { kubernetes: { version: '1.35' } }), 'unknown-kind');
    assert.equal(f.length, 1);
    assert.equal(f[0].message.args!.version, '1.35');
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
