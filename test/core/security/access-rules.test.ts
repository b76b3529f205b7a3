import { test } from 'node:test';
import assert from 'node:assert/strict';
import { only, r } from '../../helpers';
import { sec, ROLE } from './helpers';
import { configMapLeak } from '../../../server/src/core/rules/security/sensitive-configmap';
import { looksSecret } from '../../../server/src/core/rules/security/env-var-secret';
import { imageTag } from '../../../server/src/core/rules/security/image-latest-tag';
import { parseQuantity } from '../../../server/src/core/rules/security/missing-resource-limits';

test('rbac-wildcard: each wildcard entry', () => {
  const f = only(sec(ROLE), 'rbac-wildcard');
  assert.deepEqual(f.map(r), [[11, 8, 11, 11]]);
  assert.deepEqual(f[0].message.args, { field: 'resources', value: '*' });
  assert.equal(f[0].fixes, undefined);
  const all = `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: x}\nrules:\n- apiGroups: ["*"]\n  resources: ["deployments/*"]\n  verbs: ["*"]\n`;
  assert.deepEqual(only(sec(all), 'rbac-wildcard').map(r), [[4, 14, 4, 17], [5, 14, 5, 29], [6, 10, 6, 13]]);
});

test('rbac-pod-exec: pods/exec with get or create in the core group; list-only attach is fine', () => {
  const f = only(sec(ROLE), 'rbac-pod-exec');
  assert.deepEqual(f.map(r), [[6, 24, 6, 35]]);
  assert.deepEqual(f[0].message.args, { resource: 'pods/exec', verbs: 'get, create' });
  assert.deepEqual(only(sec(ROLE.replace('apiGroups: [""]\n    resources: ["pods"', 'apiGroups: ["apps"]\n    resources: ["pods"')), 'rbac-pod-exec'), []);
});

test('rbac-secrets-access: ClusterRole and Role (with its namespace); a resourceNames get is left alone', () => {
  const inRole = only(sec(ROLE), 'rbac-secrets-access');
  assert.deepEqual(inRole.map((x) => [r(x), x.message.id, x.message.args]), [[[14, 16, 14, 23], 'rule.rbac-secrets-access.messageRole', { verbs: 'get, list, watch' }]]);
  const cluster = ROLE.replace('kind: Role', 'kind: ClusterRole');
  const f = only(sec(cluster), 'rbac-secrets-access');
  assert.deepEqual(f.map(r), [[14, 16, 14, 23]]);
  assert.deepEqual(f[0].message.args, { verbs: 'get, list, watch' });
  const named = cluster.replace('verbs: [get, list, watch]', 'verbs: [get]\n    resourceNames: [tls-cert]');
  assert.deepEqual(only(sec(named), 'rbac-secrets-access'), []);
});

test('rbac-cluster-admin-binding: subjects outside system:, service accounts always', () => {
  const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: Group
    name: system:masters
  - kind: ServiceAccount
    name: deployer
    namespace: ci
  - kind: User
    name: alice
`;
  const f = only(sec(text), 'rbac-cluster-admin-binding');
  assert.deepEqual(f.map(r), [[11, 4, 13, 17], [14, 4, 15, 15]]);
  assert.equal(f[0].severity, 'error');
  assert.deepEqual(only(sec(text.replace('name: cluster-admin', 'name: view')), 'rbac-cluster-admin-binding'), []);
});

test('secret-in-manifest: literal data/stringData; empty values do not count', () => {
  const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: aHVudGVyMg==\n  empty: ""\nstringData:\n  user: ""\n`;
  const f = only(sec(text), 'secret-in-manifest');
  assert.deepEqual(f.map(r), [[4, 0, 4, 4]]);
  assert.deepEqual(f[0].message.args, { name: 'db', field: 'data', count: 1, keys: 'password' });
  assert.deepEqual(only(sec(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: kubernetes.io/service-account-token\n`), 'secret-in-manifest'), []);
});

test('sensitive-configmap: private keys, kubeconfigs with credentials, AWS key pairs', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  tls.key: |
    -----BEGIN EC PRIVATE KEY-----
    MHcCAQEEIBexample
    -----END EC PRIVATE KEY-----
  tls.crt: |
    -----BEGIN CERTIFICATE-----
    MIIBexample
    -----END CERTIFICATE-----
  kubeconfig: |
    apiVersion: v1
    kind: Config
    users:
    - name: admin
      user:
        token: eyJhbGciOiJSUzI1NiJ9.example
  aws.ini: |
    [default]
    aws_access_key_id = AKIAIOSFODNN7EXAMPLE
    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
  only-id: AKIAIOSFODNN7EXAMPLE
`;
  const f = only(sec(text), 'sensitive-configmap');
  assert.deepEqual(f.map(r), [[5, 2, 5, 9], [13, 2, 13, 12], [20, 2, 20, 9]]);
  assert.deepEqual(f.map((x) => x.message.id), ['rule.sensitive-configmap.privateKey', 'rule.sensitive-configmap.kubeconfig', 'rule.sensitive-configmap.awsKeyPair']);
  assert.equal(configMapLeak('clusters:\n- cluster:\n    server: https://k\nusers:\n- name: a\n  user:\n    exec: {command: aws}\n'), undefined);
  const bin = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\nbinaryData:\n  key.pem: ${Buffer.from('-----BEGIN PRIVATE KEY-----\nabc\n').toString('base64')}\n`;
  assert.deepEqual(only(sec(bin), 'sensitive-configmap').map(r), [[4, 2, 4, 9]]);
});

test('exposed-control-plane-port: NodePort/LoadBalancer/externalIPs Services, hostPort, hostNetwork', () => {
  const svc = (type: string, port: number, name = 'web') =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  ports:\n    - port: 443\n      targetPort: ${port}\n`;
  assert.deepEqual(only(sec(svc('NodePort', 10250)), 'exposed-control-plane-port').map(r), [[8, 6, 8, 23]]);
  assert.deepEqual(only(sec(svc('LoadBalancer', 2379)), 'exposed-control-plane-port')[0].message.args, { port: '2379', component: 'etcd', how: 'LoadBalancer' });
  assert.deepEqual(only(sec(svc('ClusterIP', 10250)), 'exposed-control-plane-port'), []);
  assert.deepEqual(only(sec(svc('NodePort', 8080)), 'exposed-control-plane-port'), []);
  assert.equal(only(sec(svc('NodePort', 8080, 'kube-apiserver-insecure')), 'exposed-control-plane-port').length, 1);
  const ext = `apiVersion: v1\nkind: Service\nmetadata:\n  name: docker\nspec:\n  externalIPs: [192.0.2.10]\n  ports:\n    - port: 2375\n`;
  assert.deepEqual(only(sec(ext), 'exposed-control-plane-port')[0].message.args, { port: '2375', component: 'Docker API', how: 'externalIPs' });
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet-proxy\nspec:\n  hostNetwork: true\n  containers:\n    - name: p\n      image: nginx:1.27\n      ports:\n        - containerPort: 10255\n        - containerPort: 8080\n`;
  const f = only(sec(pod), 'exposed-control-plane-port');
  assert.deepEqual(f.map(r), [[10, 10, 10, 30]]);
  assert.equal(f[0].message.id, 'rule.exposed-control-plane-port.messageHostNetwork');
});

test('helpers: secret-looking names, image tags, quantities', () => {
  for (const n of ['DB_PASSWORD', 'apiToken', 'AWS_SECRET_ACCESS_KEY', 'OS_PASSWORD', 'MYSQL_ROOT_PASS', 'github_token', 'API_KEY', 'credentials', 'PRIVATE_KEY', 'clientSecret']) assert.ok(looksSecret(n), n);
  for (const n of ['KEYSTONE_HOST', 'PASSWORD_FILE', 'TOKEN_URL', 'AWS_ACCESS_KEY_ID', 'PUBLIC_KEY', 'SECRET_NAME', 'MONKEY', 'PWD', 'TOKENIZER']) assert.ok(!looksSecret(n), n);
  assert.deepEqual(imageTag('registry:5000/a/b'), { tag: undefined, digest: undefined });
  assert.deepEqual(imageTag('registry:5000/a/b:1@sha256:x'), { tag: '1', digest: 'sha256:x' });
  assert.equal(parseQuantity('250m'), 0.25);
  assert.equal(parseQuantity('1Gi'), 2 ** 30);
  assert.equal(parseQuantity('1e3'), 1000);
  assert.equal(parseQuantity('lots'), undefined);
});
