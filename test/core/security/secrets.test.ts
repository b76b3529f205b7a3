import { test } from 'node:test';
import assert from 'node:assert/strict';
import { only, r } from '../../helpers';
import { sec } from './helpers';
import { credentialIn, literalSecretValue, looksSecretName, secretMaterialIn, secretSetting } from '../../../server/src/core/util/secrets';

// Made-up key material in the real formats (never a live credential).
const PEM = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAexample\n-----END OPENSSH PRIVATE KEY-----\n';
const AZURE = 'DefaultEndpointsProtocol=https;AccountName=dockyardtest;AccountKey=' + 'A'.repeat(86) + '==;EndpointSuffix=core.windows.net';

test('secret names: what holds a secret, what refers to one, what is a switch about one', () => {
  for (const n of ['aws_secret_access_key', 'password', 'db_password', 'private_key', 'oci_cli_key_content', 'DB_PWD', 'apiToken', 'clientSecret', 'SSH_KEY', 'ssh-key-data'])
    assert.ok(looksSecretName(n), n);
  for (const n of ['ALLOW_EMPTY_PASSWORD', 'PASSWORD_RESET_ENABLED', 'ENABLE_TOKEN_AUTH', 'PASSWORD_FILE', 'AWS_ACCESS_KEY_ID', 'CACHE_KEY_PREFIX', 'PUBLIC_KEY', 'OLDPWD', 'KEYSTONE_HOST', 'token_ttl', 'MONKEY', 'key'])
    assert.ok(!looksSecretName(n), n);
});

test('literal values: flags, numbers, empty, templated, references and paths are not secrets', () => {
  for (const v of ['yes', 'true', 'On', '1', '0644', '3.5', '', '  ', '{{ .Values.pw }}', '${DB_PW}', '$(DB_PW)', '$PW', '%(password)s', '/etc/secret/pw', '<password>', '***'])
    assert.equal(literalSecretValue(v), false, JSON.stringify(v));
  for (const v of ['hunter2', 's3cr3t-v4lue', 'password']) assert.equal(literalSecretValue(v), true, v);
  assert.equal(secretSetting('CEPH_GET_ADMIN_KEY', '1'), false);
  assert.equal(secretSetting('ALLOW_EMPTY_PASSWORD', 'yes'), false);
  assert.equal(secretSetting('db_password', 'hunter2'), true);
});

test('credentials in values whatever the name', () => {
  assert.equal(credentialIn(PEM), 'privateKey');
  assert.equal(credentialIn(AZURE), 'cloudKey');
  assert.equal(credentialIn('ghp_' + 'a1B2'.repeat(9)), 'cloudKey');
  assert.equal(credentialIn('mysql+pymysql://nova:n0va-pw@mariadb.openstack.svc:3306/nova'), 'urlPassword');
  assert.equal(credentialIn('mysql+pymysql://nova:$(DB_PASSWORD)@mariadb/nova'), undefined);
  assert.equal(credentialIn('https://user@example.com/x'), undefined);
  assert.equal(credentialIn('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'), undefined);
  assert.equal(secretMaterialIn('amqp://guest:guest@rabbit:5672/'), undefined, 'a URL password is a ConfigMap finding, not env material');
});

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

test('sensitive-configmap: a Helm template value is unknowable, not a literal', () => {
  const helm = CM.replace('ldap_password: "{{ .Values.ldap.password }}"', 'ldap_password: {{ .Values.ldap.password | quote }}');
  const f = only(sec(helm, {}, '/ws/chart/templates/cm.yaml'), 'sensitive-configmap');
  assert.ok(!f.some((x) => x.range.start.line === 13), 'the templated value is not reported');
});

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
