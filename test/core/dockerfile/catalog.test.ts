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
    [
      'layer-count',
      'consecutive-run',
      'root-user',
      'add-remote-url',
      'pipe-to-shell',
      'secret-in-build-arg',
      'unpinned-base-image',
      'sudo-in-run',
      'sensitive-file-copy',
      'exposed-sensitive-port',
      'apt-lists-not-cleaned',
      'unpinned-os-package',
      'unpinned-language-package',
      'apt-install-recommends',
      'package-install-prompt',
      'apt-instead-of-apt-get',
      'distro-upgrade-in-run',
      'apt-update-without-install',
      'apk-add-without-no-cache',
      'package-cache-not-cleaned',
      'pip-install-without-no-cache-dir',
      'workdir-relative',
      'cd-in-run',
      'add-instead-of-copy',
      'cmd-shell-form',
      'repeated-stage-instruction',
      'maintainer-deprecated',
      'copy-from-stage',
      'copy-destination-not-directory',
      'from-platform-constant',
      'env-legacy-format',
      'instruction-casing',
      'undefined-arg-in-from',
      'pipefail-missing',
      'wget-and-curl',
      'useradd-high-uid',
      'apt-key-deprecated',
      'chown-after-copy',
      'copy-relative-destination',
      'env-self-reference',
      'shell-symlink',
      'from-platform-redundant',
      'reserved-stage-name',
      'empty-continuation-line',
    ],
  );
  // safe tier (fix-all on save and plain `dockyard fix`): only edits that do not change what the image does.
  assert.deepEqual(DOCKERFILE_RULES.filter((r) => r.fixTiers?.includes('safe')).map((r) => r.id), [
    'apt-lists-not-cleaned',
    'apk-add-without-no-cache',
    'package-cache-not-cleaned',
    'pip-install-without-no-cache-dir',
    'copy-destination-not-directory',
    'env-legacy-format',
    'instruction-casing',
    'useradd-high-uid',
    'from-platform-redundant',
    'empty-continuation-line',
  ]);
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

test('equivalents: tool:ID values, shown in the rule docs (hover and docs/rules.md)', async () => {
  const { ruleDocsMarkdown, rulesMarkdown } = await import('../../../server/src/core/features/rule-docs');
  for (const r of DOCKERFILE_RULES) for (const e of r.equivalents ?? []) assert.match(e, /^(hadolint:DL\d{4}|buildkit:[A-Z][A-Za-z]+|shellcheck:SC\d{4})$/, `${r.id}: ${e}`);
  const pin = DOCKERFILE_RULES.find((r) => r.id === 'unpinned-os-package')!;
  assert.match(ruleDocsMarkdown(pin), /Same check in other tools: `hadolint DL3008`, `hadolint DL3018`/);
  const md = rulesMarkdown(DOCKERFILE_RULES);
  assert.match(md, /### sudo-in-run\n\nsudo inside RUN\.\n\n- Default severity: warning\n- Fix tier: `review`[^\n]*\n- Same check in other tools: `hadolint DL3004`\n/);
  // Rules without an equivalent say nothing about other tools.
  assert.doesNotMatch(md.split('### apt-key-deprecated')[1].split('###')[0], /Same check/);
});
