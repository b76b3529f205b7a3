import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasMessage, placeholders, template } from '../../server/src/core/messages/catalog';
import { scaffold } from '../../server/src/core/messages/en/scaffold';
import { BACKENDS } from '../../server/src/core/scaffold/validate';
import { CODENAMES, SERVICES } from '../../server/src/core/scaffold/profiles';
import { repoRoot } from '../scaffold-helpers';

const SOURCES = [
  'server/src/cli-scaffold.ts',
  'client/src/scaffold.ts',
  'server/src/core/scaffold/validate.ts',
  'server/src/core/scaffold/actions.ts',
  'server/src/core/scaffold/image.ts',
  'server/src/core/scaffold/manifests.ts',
];

test('catalog: every scaffold.* id the code uses exists, and every scaffold id is used', () => {
  const used = new Set<string>();
  for (const f of SOURCES) {
    const src = readFileSync(join(repoRoot(), f), 'utf8');
    for (const m of src.matchAll(/['`](scaffold\.[a-zA-Z0-9_.]+)['`]/g)) if (!m[1].endsWith('.')) used.add(m[1]);
    // manifests.ts names its texts relative to `scaffold.manifests.` (r.say('conf.stderr')).
    if (f.endsWith('manifests.ts')) for (const m of src.matchAll(/'([a-zA-Z][\w.-]*)'/g)) if (hasMessage(`scaffold.manifests.${m[1]}`)) used.add(`scaffold.manifests.${m[1]}`);
  }
  // …and the README line of each generated file by its name (describe.<file>[.<backend>]).
  for (const id of Object.keys(scaffold)) if (id.startsWith('scaffold.manifests.describe.')) used.add(id);
  for (const s of SERVICES) used.add(`scaffold.image.siteWhy.${s}`);
  // ids built from a value: scaffold.ui.service.${s}, .codename.${c}, .backend.${b}
  for (const s of SERVICES) used.add(`scaffold.ui.service.${s}`);
  for (const c of CODENAMES) used.add(`scaffold.ui.codename.${c}`);
  for (const b of new Set(Object.values(BACKENDS).flat())) used.add(`scaffold.ui.backend.${b}`);
  const missing = [...used].filter((id) => !hasMessage(id));
  assert.deepEqual(missing, []);
  const unused = Object.keys(scaffold).filter((id) => !used.has(id));
  assert.deepEqual(unused, []);
});

test('catalog: the placeholders the code passes are the ones the messages use', () => {
  assert.deepEqual(placeholders(template('scaffold.cli.exists')!), ['path']);
  assert.deepEqual(placeholders(template('scaffold.option.profileUnknownSuggest')!), ['value', 'suggestion']);
  assert.deepEqual(placeholders(template('scaffold.ui.overwriteQuestion')!), ['count', 'folder']);
  assert.deepEqual(placeholders(template('scaffold.action.manifests')!), ['what']);
});

test('package.json contributes exactly the commands the client registers, and the two snippet files', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));
  const registered = new Set<string>();
  for (const f of ['client/src/extension.ts', 'client/src/scaffold.ts']) {
    for (const m of readFileSync(join(repoRoot(), f), 'utf8').matchAll(/registerCommand\(\s*'(dockyard\.[A-Za-z]+)'/g)) registered.add(m[1]);
  }
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, [...registered].sort());
  assert.ok(contributed.includes('dockyard.scaffoldImage') && contributed.includes('dockyard.scaffoldManifests'));
  for (const s of pkg.contributes.snippets) JSON.parse(readFileSync(join(repoRoot(), s.path), 'utf8'));
  assert.deepEqual(pkg.contributes.snippets.map((s: { language: string }) => s.language), ['dockerfile', 'yaml']);
});
