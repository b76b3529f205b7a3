import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { PEM, AZURE } from '../../../../../test/core/security/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { envVarSecret } from './env-var-secret';

const POD = (env: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
${env}`;

test('env-var-secret: literal secret-looking values move to secretKeyRef', () => {
  const text = GOOD + `      env:
        - name: DB_PASSWORD # from the vault
          value: "hunter2"
        - {name: apiToken, value: abc123}
        - name: PASSWORD_FILE
          value: /run/secrets/db
        - name: OS_AUTH_URL
          value: http://keystone:5000/v3
        - name: SECRET_KEY
          value: ""
        - name: KEYSTONE_HOST
          value: keystone
`;
  const f = only(sec(text), 'env-var-secret');
  assert.deepEqual(f.map(r), [[23, 10, 24, 26], [25, 10, 25, 41]]);
  assert.equal(
    roundTrip(text, f[0]),
    text.replace('          value: "hunter2"\n', '          valueFrom:\n            secretKeyRef:\n              name: demo-secrets\n              key: db_password\n'),
  );
  assert.equal(roundTrip(text, f[1]), text.replace('value: abc123}', 'valueFrom: {secretKeyRef: {name: demo-secrets, key: apitoken}}}'));
});

test('env-var-secret: a private key or a cloud secret key is a finding whatever the name; flags are not', () => {
  const text = POD(
    [
      `        - name: TLS_MATERIAL`,
      `          value: ${JSON.stringify(PEM)}`,
      `        - name: STORAGE`,
      `          value: ${JSON.stringify(AZURE)}`,
      `        - name: ALLOW_EMPTY_PASSWORD`,
      `          value: "yes"`,
      `        - name: PASSWORD_RESET_ENABLED`,
      `          value: "true"`,
      `        - name: CEPH_GET_ADMIN_KEY`,
      `          value: "1"`,
      `        - name: DB_PASSWORD`,
      `          value: hunter2`,
      `        - name: KEY_PATH`,
      `          value: /etc/keys/app.pem`,
      '',
    ].join('\n'),
  );
  const f = only(sec(text), 'env-var-secret');
  assert.deepEqual(f.map((x) => [r(x)[0], x.message.id]), [
    [9, 'rule.env-var-secret.privateKey'],
    [11, 'rule.env-var-secret.cloudKey'],
    [19, 'rule.env-var-secret.message'],
  ]);
});

test('env-var-secret: a private key with shortened armour dashes, and an Azure service key by name', () => {
  const text = POD(
    [
      `        - name: BOOTSTRAP`,
      `          value: |`,
      `            ---BEGIN RSA PRIVATE KEY---`,
      `            MIIEowIBAAKCAQEAexample`,
      `            ---END RSA PRIVATE KEY---`,
      `        - name: AZURE_BATCH_KEY`,
      `          value: c2VjcmV0LWJhdGNoLWtleQ`,
      `        - name: AZURE_BATCH_ACCOUNT`,
      `          value: renderfarm`,
      '',
    ].join('\n'),
  );
  assert.deepEqual(only(sec(text), 'env-var-secret').map((x) => [r(x), x.message.id]), [
    [[9, 10, 13, 37], 'rule.env-var-secret.privateKey'],
    [[14, 10, 15, 39], 'rule.env-var-secret.message'],
  ]);
});

test('env-var-secret: a fill-in instruction is a placeholder, not a secret', () => {
  const text = POD(
    [
      `        - name: ETCD_INITIAL_CLUSTER_TOKEN`,
      `          value: INSERT_ETCD_INITIAL_CLUSTER_TOKEN`,
      `        - name: API_TOKEN`,
      `          value: "your-api-token-here"`,
      `        - name: DB_PASSWORD`,
      `          value: "<db password>"`,
      `        - name: ADMIN_PASSWORD`,
      `          value: inserted9f2k`,
      '',
    ].join('\n'),
  );
  const f = only(sec(text), 'env-var-secret');
  assert.deepEqual(f.map((x) => [r(x), x.message.id]), [[[15, 10, 16, 29], 'rule.env-var-secret.message']]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(envVarSecret, {
  valid: [
    GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      env:\n        - name: DB_PASSWORD_FILE\n          value: /run/secrets/db\n        - name: LOG_LEVEL\n          value: debug\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      env:\n        - name: LOG_LEVEL\n          value: debug\n        - name: DB_PASSWORD\n          value: hunter2hunter2\n'),
      errors: [{ messageId: "message", range: [25, 10, 26, 31], args: {"container": "app", "name": "DB_PASSWORD"} }],
      output: GOOD.replace('          drop: [ALL]\n', '          drop: [ALL]\n      env:\n        - name: LOG_LEVEL\n          value: debug\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: demo-secrets\n              key: db_password\n'),
    },
  ],
});
