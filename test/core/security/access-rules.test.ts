import { test } from 'node:test';
import { looksSecret } from '../../../server/src/core/rules/security/env-var-secret';
import { imageTag } from '../../../server/src/core/rules/security/image-latest-tag';
import { parseQuantity } from '../../../server/src/core/rules/security/missing-resource-limits';
import assert from 'node:assert/strict';

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
