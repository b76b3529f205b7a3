import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec } from '../../../../../test/core/security/helpers';
import { configMapLeak } from './sensitive-configmap';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { sensitiveConfigmap } from './sensitive-configmap';

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  aws_secret_access_key: wJalrXUtnFEMI-example-value
  db_password: "hunter2"
  oci_cli_key_content: MIIEvQIBADANexample
  ALLOW_EMPTY_PASSWORD: "yes"
  PASSWORD_RESET_ENABLED: "true"
  CEPH_GET_ADMIN_KEY: "1"
  admin_password: ""
  token_file: /var/run/secrets/token
  ldap_password: "{{ .Values.ldap.password }}"
  DATABASE_URL: postgres://app:Sup3rSecret@db:5432/app
  broker: amqp://rabbit:5672/
  log_level: debug
`;

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

test('sensitive-configmap: secret-named keys with literal values, URL passwords; flags and empty values are fine', () => {
  const f = only(sec(CM), 'sensitive-configmap');
  assert.deepEqual(f.map((x) => [r(x), x.message.id]), [
    [[5, 2, 5, 23], 'rule.sensitive-configmap.secretKey'],
    [[6, 2, 6, 13], 'rule.sensitive-configmap.secretKey'],
    [[7, 2, 7, 21], 'rule.sensitive-configmap.secretKey'],
    [[14, 2, 14, 14], 'rule.sensitive-configmap.urlPassword'],
  ]);
  assert.deepEqual(f[0].message.args, { key: 'aws_secret_access_key', name: 'app-settings' });
});

test('sensitive-configmap: a secret-named key holding a placeholder is information (the real value would land here); Azure service keys are secret names', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cloud
data:
  AWS_SECRET_ACCESS_KEY: xxxxx
  smtp_password: "<password>"
  AZURE_SEARCH_KEY: 3f9c1e77d2a84b6e
  AZURE_STORAGE_ACCOUNT: shopdata
  AZURE_PUBLIC_KEY: ssh-ed25519-example
  support_contact: changeme
  jwt_secret: ""
`;
  const f = only(sec(text), 'sensitive-configmap');
  assert.deepEqual(f.map((x) => [r(x), x.message.id, x.severity, x.message.args]), [
    [[5, 2, 5, 23], 'rule.sensitive-configmap.placeholder', 'information', { key: 'AWS_SECRET_ACCESS_KEY', name: 'cloud', value: 'xxxxx' }],
    [[6, 2, 6, 15], 'rule.sensitive-configmap.placeholder', 'information', { key: 'smtp_password', name: 'cloud', value: '<password>' }],
    [[7, 2, 7, 18], 'rule.sensitive-configmap.secretKey', 'error', { key: 'AZURE_SEARCH_KEY', name: 'cloud' }],
  ]);
});

test('sensitive-configmap: a private key whose armour lost some dashes is still a private key', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n  deploy: |\n    ---BEGIN OPENSSH PRIVATE KEY---\n    b3BlbnNzaC1rZXktdjEAexample\n    ---END OPENSSH PRIVATE KEY---\n  notes: "see BEGIN PRIVATE KEY in the runbook"\n`;
  assert.deepEqual(only(sec(text), 'sensitive-configmap').map((x) => [r(x), x.message.id]), [[[5, 2, 5, 8], 'rule.sensitive-configmap.privateKey']]);
});

test('sensitive-configmap: a Helm template value is unknowable, not a literal', () => {
  const helm = CM.replace('ldap_password: "{{ .Values.ldap.password }}"', 'ldap_password: {{ .Values.ldap.password | quote }}');
  const f = only(sec(helm, {}, '/ws/chart/templates/cm.yaml'), 'sensitive-configmap');
  assert.ok(!f.some((x) => x.range.start.line === 13), 'the templated value is not reported');
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(sensitiveConfigmap, {
  valid: [
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  LOG_LEVEL: debug
  ALLOW_EMPTY_PASSWORD: "yes"
`,
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  db_password: hunter2hunter2
`,
      errors: [{ messageId: "secretKey", range: [5, 2, 5, 13], args: {"key": "db_password", "name": "app"}, severity: "error" }],
    },
    {
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  DATABASE_URL: postgres://app:s3cretPass@db:5432/app
`,
      errors: [{ messageId: "urlPassword", range: [5, 2, 5, 14] }],
    },
  ],
});
