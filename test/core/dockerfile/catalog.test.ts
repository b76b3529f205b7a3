import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasMessage, placeholders, template } from '../../../server/src/core/messages/catalog';
import { DOCKERFILE_RULES } from '../../../server/src/core/rules/dockerfile';

const root = process.env.DOCKYARD_ROOT ?? join(__dirname, '../../../..');

test('every Dockerfile rule has its docs in the catalog and a reference link', () => {
  for (const rule of [...DOCKERFILE_RULES]) {
    assert.ok(template(`rule.${rule.id}.summary`), `${rule.id}.summary`);
    assert.ok(template(`rule.${rule.id}.fix`), `${rule.id}.fix`);
    assert.ok(rule.references?.length, `${rule.id} references`);
    if (rule.fixTiers?.length) assert.ok(template(`rule.${rule.id}.fixTitle`), `${rule.id}.fixTitle`);
  }
  assert.deepEqual(
    DOCKERFILE_RULES.map((r) => r.id),
    ['layer-count', 'consecutive-run', 'root-user', 'add-remote-url', 'pipe-to-shell', 'secret-in-build-arg', 'unpinned-base-image', 'sudo-in-run', 'sensitive-file-copy', 'exposed-sensitive-port', 'apt-lists-not-cleaned'],
  );
  assert.deepEqual(DOCKERFILE_RULES.filter((r) => r.fixTiers?.includes('safe')).map((r) => r.id), ['apt-lists-not-cleaned']);
});

test('every message id the Dockerfile code uses exists, and its placeholders are given', () => {
  const files = [
    ...readdirSync(join(root, 'server/src/core/rules/dockerfile')).map((f) => join(root, 'server/src/core/rules/dockerfile', f)),
    join(root, 'server/src/core/features/dockerfile-layers.ts'),
  ];
  let checked = 0;
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/'((?:rule\.[a-z-]+|dockerfile\.layers)\.[A-Za-z]+)'/g)) {
      assert.ok(hasMessage(m[1]), `${file}: ${m[1]}`);
      checked++;
    }
  }
  for (const kind of ['kubeconfig', 'sshDir', 'sshKey', 'aws', 'dockerConfig', 'credentialsFile', 'envFile', 'keyFile']) {
    const id = `rule.sensitive-file-copy.${kind}`;
    assert.ok(hasMessage(id), id);
    assert.deepEqual(placeholders(template(id)!).sort(), ['instruction', 'path']);
  }
  // The rules' own messages are typed by defineRule (m('key')), so literal ids remain in the layer
  // features and a few rules' kind tables only.
  assert.ok(checked >= 10, `${checked} ids checked`);
});
