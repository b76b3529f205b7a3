import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryClient, ROOT } from './client';

const URI = 'file:///ws/deploy/web.yaml';
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      contaienrs:
        - name: app
          image: nginx:1.27
      restartPolicy: Sometimes
---
apiVersion: rbac.authorization.k8s.io/v1beta1
kind: Role
metadata:
  name: reader
rules: []
`;

test('Kubernetes diagnostics, a removed-api fix, hover and completion through the language server', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    await c.open(URI, 'yaml', MANIFEST);
    const p = await c.waitFor((x) => x.uri === URI && x.version === 1);
    const by = (code: string) => p.diagnostics.filter((d) => d.code === code);

    const unknown = by('schema-unknown-field');
    assert.equal(unknown.length, 1, JSON.stringify(p.diagnostics));
    assert.deepEqual(unknown[0].range, { start: { line: 11, character: 6 }, end: { line: 11, character: 16 } });
    assert.equal(unknown[0].severity, 1);
    assert.equal(unknown[0].message, 'Unknown field "contaienrs" in spec.template.spec; did you mean "containers"?');
    assert.match(unknown[0].codeDescription!.href, /#schema-unknown-field$/);

    const en = by('schema-enum');
    assert.deepEqual(en.map((d) => d.range), [{ start: { line: 14, character: 21 }, end: { line: 14, character: 30 } }]);
    assert.equal(en[0].message, 'spec.template.spec.restartPolicy is "Sometimes"; allowed: Always, OnFailure, Never.');

    const removed = by('removed-api');
    assert.deepEqual(removed.map((d) => d.range), [{ start: { line: 16, character: 12 }, end: { line: 16, character: 45 } }]);
    assert.equal(removed[0].severity, 1);
    assert.match(removed[0].message, /^rbac\.authorization\.k8s\.io\/v1beta1 Role is not served since Kubernetes 1\.22/);

    // the rename quick fix of the unknown field
    const renameActions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: unknown[0].range, context: { diagnostics: [unknown[0]] } });
    const rename = renameActions.find((a) => a.title === 'Rename to "containers"');
    assert.ok(rename, JSON.stringify(renameActions.map((a) => a.title)));
    assert.deepEqual(rename.edit.changes[URI], [{ range: unknown[0].range, newText: 'containers' }]);

    // the removed-api fix: exact edit, and it is part of "fix all"
    const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: removed[0].range, context: { diagnostics: [removed[0]] } });
    const fix = actions.find((a) => a.title === 'Change apiVersion to rbac.authorization.k8s.io/v1');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit.changes[URI], [{ range: removed[0].range, newText: 'rbac.authorization.k8s.io/v1' }]);
    const all = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: removed[0].range, context: { diagnostics: [], only: ['source.fixAll.dockyard'] } });
    assert.deepEqual(all[0].edit.changes[URI], [{ range: removed[0].range, newText: 'rbac.authorization.k8s.io/v1' }]);

    // hover on a key: schema documentation (the finding's docs too, when the key has one)
    const h = await c.request<any>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 4 } });
    assert.match(h.contents.value, /^\*\*selector\*\* `LabelSelector` — required\n\n`spec\.selector` in Deployment \(apps\/v1\)\n\nLabel selector for pods\./);
    assert.deepEqual(h.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } });

    // completion: enum values after `key: `, and keys with snippets
    await c.change(URI, 2, [{ range: { start: { line: 14, character: 21 }, end: { line: 14, character: 30 } }, text: '' }]);
    const items = await c.request<any[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 14, character: 21 } });
    assert.deepEqual(items.map((i) => i.label), ['Always', 'OnFailure', 'Never']);
    assert.equal(items[0].kind, 20); // EnumMember
    assert.deepEqual(items[0].textEdit, { range: { start: { line: 14, character: 21 }, end: { line: 14, character: 21 } }, newText: 'Always' });
    await c.change(URI, 3, [{ range: { start: { line: 14, character: 0 }, end: { line: 14, character: 21 } }, text: '      ' }]);
    const keys = await c.request<any[]>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 14, character: 6 } });
    const sc = keys.find((i) => i.label === 'securityContext');
    assert.ok(sc, keys.map((i) => i.label).join(','));
    assert.equal(sc.insertTextFormat, 2); // snippet
    assert.equal(sc.textEdit.newText, 'securityContext:\n  $0');
    assert.ok(keys.some((i) => i.label === 'restartPolicy')); // its line was just removed
    assert.equal(keys.find((i) => i.label === 'containers')?.sortText, '0containers');
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});

test('the bundled CLI validates against the schema with the network unavailable', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-offline-'));
  try {
    const file = path.join(dir, 'pod.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      imagePullPolicy: Sometimes\n');
    // Every socket and DNS lookup throws in the child process.
    const block = path.join(dir, 'no-network.js');
    fs.writeFileSync(
      block,
      `const net = require('net'); const dns = require('dns');
       const fail = () => { throw new Error('network disabled'); };
       net.Socket.prototype.connect = fail; net.connect = fail; net.createConnection = fail;
       dns.lookup = fail; dns.resolve = fail;
       require('http').request = fail; require('https').request = fail;`,
    );
    const r = spawnSync(process.execPath, ['--require', block, path.join(ROOT, 'dist/cli.js'), 'lint', '--format', 'json', file], { encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH ?? '' } });
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    const findings = out.files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics);
    const enumFinding = findings.find((f: any) => f.rule === 'schema-enum');
    assert.ok(enumFinding, r.stdout);
    assert.deepEqual(enumFinding.range, { start: { line: 7, character: 23 }, end: { line: 7, character: 32 } });
    assert.equal(r.status, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cross-resource findings of an open document follow a change in another open document', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    const pod = 'file:///ws/app/pod.yaml';
    const cms = 'file:///ws/app/config.yaml';
    await c.open(pod, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: nginx:1.27}]\n  volumes:\n    - name: v\n      configMap: {name: settings}\n');
    const first = await c.waitFor((x) => x.uri === pod && x.diagnostics.some((d) => d.code === 'missing-reference'));
    assert.deepEqual(first.diagnostics.find((d) => d.code === 'missing-reference')!.range, { start: { line: 7, character: 24 }, end: { line: 7, character: 32 } });
    const before = c.published.length;
    await c.open(cms, 'yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n');
    await c.waitFor((x) => x.uri === pod && c.published.indexOf(x) >= before && !x.diagnostics.some((d) => d.code === 'missing-reference'));
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});
