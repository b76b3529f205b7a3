import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryClient, TestClient } from './client';

const URI = 'file:///ws/deploy/pod.yaml';
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

test('initialize announces the capabilities', async () => {
  const c = new TestClient();
  try {
    const r = await c.initialize();
    assert.equal(r.serverInfo.name, 'dockyard-language-server');
    const caps = r.capabilities as Record<string, any>;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.dockyard']);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.inlayHintProvider, true);
    assert.ok(caps.completionProvider);
    assert.ok(caps.codeLensProvider);
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});

test('diagnostics on didOpen, a quick fix with its exact edit, and a didChange that clears it', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    await c.open(URI, 'yaml', POD);
    const p = await c.waitFor((x) => x.uri === URI && x.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'privileged-container')!;
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.deepEqual(d.range, { start: { line: 9, character: 8 }, end: { line: 9, character: 24 } });
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'dockyard');
    assert.match(d.codeDescription!.href, /#privileged-container$/);
    assert.equal(d.message, 'Container "app" runs privileged (securityContext.privileged: true).');

    const actions = await c.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.title === 'Set privileged to false');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit.changes[URI], [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } }, newText: 'false' }]);
    const ignore = actions.find((a) => a.title === 'Ignore privileged-container here');
    assert.deepEqual(ignore.edit.changes[URI], [
      { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '        # dockyard-ignore privileged-container: reason\n' },
    ]);

    await c.change(URI, 2, [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } }, text: 'false' }]);
    const p2 = await c.waitFor((x) => x.uri === URI && x.version === 2);
    assert.equal(p2.diagnostics.filter((x) => x.code === 'privileged-container').length, 0);
  } finally {
    await c.shutdown();
  }
});

test('a configuration change turns a rule off', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    await c.open(URI, 'yaml', POD);
    await c.waitFor((x) => x.uri === URI && x.diagnostics.some((d) => d.code === 'privileged-container'));
    c.settings = { rules: { 'privileged-container': 'off' } };
    const before = c.published.length;
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // A run scheduled before the change may still publish the old result: wait for the new one.
    const p = await c.waitFor((x) => x.uri === URI && c.published.indexOf(x) >= before && !x.diagnostics.some((d) => d.code === 'privileged-container'));
    assert.equal(p.diagnostics.filter((d) => d.code === 'privileged-container').length, 0);
  } finally {
    await c.shutdown();
  }
});

test('hover on a finding shows the rule docs', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    await c.open(URI, 'yaml', POD);
    await c.waitFor((x) => x.uri === URI);
    const h = await c.request<any>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 9, character: 12 } });
    assert.match(h.contents.value, /\*\*privileged-container\*\*/);
    assert.match(h.contents.value, /Pod Security Standards: baseline/);
  } finally {
    await c.shutdown();
  }
});

test('the server survives binary, empty and huge inputs', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    await c.open('file:///ws/empty.yaml', 'yaml', '');
    await c.open('file:///ws/bin.yaml', 'yaml', 'apiVersion: v1\n\u0000\u0001\u0002kind: x\n');
    await c.open('file:///ws/Dockerfile', 'dockerfile', 'FROM\n\u0000');
    const big = Array.from({ length: 3000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`).join('---\n');
    await c.open('file:///ws/big.yaml', 'yaml', big);
    await c.waitFor((x) => x.uri === 'file:///ws/empty.yaml');
    const b = await c.waitFor((x) => x.uri === 'file:///ws/bin.yaml');
    assert.equal(b.diagnostics[0]?.code, 'binary-file');
    await c.waitFor((x) => x.uri === 'file:///ws/Dockerfile');
    await c.waitFor((x) => x.uri === 'file:///ws/big.yaml', 30_000);
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});

test('opening a document validates it at once, not after the typing debounce (didOpen is followed by a content-change event)', async () => {
  const c = new MemoryClient();
  const uri = 'file:///ws/open-now/pod.yaml';
  try {
    // A debounce far longer than the wait: before the fix the open waited for it.
    await c.initialize({ debounceMs: 120_000 });
    await c.open(uri, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n', 1);
    const p = await c.waitFor((x) => x.uri === uri && x.version === 1, 30_000);
    assert.ok(p.diagnostics.some((d) => d.code === 'privileged-container'));
    // A change after the open is debounced as before.
    await c.change(uri, 2, [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } }, text: 'false' }]);
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(!c.published.some((x) => x.uri === uri && x.version === 2), 'the change is still debounced');
  } finally {
    await c.shutdown();
  }
});
