import { test } from 'node:test';
import { credentialIn, literalSecretValue, looksSecretName, secretMaterialIn, secretSetting } from '../../../server/src/core/util/secrets';
import assert from 'node:assert/strict';
import { PEM, AZURE } from './helpers';

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
  // fill-in instructions are placeholders; words that merely start or end alike are not
  for (const v of ['INSERT_ETCD_INITIAL_CLUSTER_TOKEN', 'YOUR_API_KEY', 'your-password-here', 'Enter secret', 'put-token-here', 'fill-in-password'])
    assert.equal(literalSecretValue(v), false, v);
  for (const v of ['yourself123', 'inserted-9f2k', 'there', 'adhere-2024']) assert.equal(literalSecretValue(v), true, v);
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
