/**
 * Cancellation and stale versions over the real server (dist/server.js over stdio):
 *   - `dockyard/lintWorkspace` on a big generated folder, cancelled by the client after 100 ms,
 *     stops its work and answers `{cancelled: true}` quickly;
 *   - results for a version the client has already replaced are never published (the debounced
 *     run analyses only the latest version), and code actions never serve a stale version's fixes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TestClient } from './client';
import { manifestFiles } from '../../scripts/bench/generate.mjs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('dockyard/lintWorkspace cancelled after 100 ms returns {cancelled: true} quickly', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-cancel-'));
  const files = manifestFiles(600);
  for (const f of files) {
    const p = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.text);
  }
  const c = new TestClient();
  try {
    await c.initialize();
    const source = new CancellationTokenSource();
    const t0 = performance.now();
    const pending = c.conn.sendRequest('dockyard/lintWorkspace', { folders: [pathToFileURL(dir).toString()] }, source.token) as Promise<{ cancelled: boolean; files: number }>;
    await sleep(100);
    const cancelAt = performance.now();
    source.cancel();
    const r = await pending;
    const afterCancel = performance.now() - cancelAt;
    // Stopped early (600 files, 1,200 documents, two passes: far more than 100 ms of work).
    assert.equal(r.cancelled, true, JSON.stringify(r));
    assert.ok(r.files < files.length, `it stopped early (${r.files} of ${files.length})`);
    console.log(`lintWorkspace: cancelled after 100 ms, answered ${afterCancel.toFixed(0)} ms after the cancel, at file ${r.files} of ${files.length} (${(performance.now() - t0).toFixed(0)} ms in all)`);
    // Not cancelled, the request runs to the end (on a part of the folder, to keep the test short).
    const part = pathToFileURL(path.join(dir, 'team-0', 'app-0')).toString();
    const full = await c.request<{ cancelled: boolean; files: number }>('dockyard/lintWorkspace', { folders: [part] });
    assert.deepEqual([full.cancelled, full.files], [false, files.filter((f) => f.path.startsWith('team-0/app-0/')).length]);
    // The server still answers afterwards.
    const docs = await c.request<{ rules: string[] }>('dockyard/ruleDocs', {});
    assert.ok(docs.rules.length > 0);
  } finally {
    await c.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const POD = (privileged: boolean) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: ${privileged}
`;

test('a burst of changes publishes only the latest version, never an older one after a newer', async () => {
  const c = new TestClient();
  const uri = 'file:///ws/stale/pod.yaml';
  try {
    await c.initialize({ debounceMs: 30 });
    await c.open(uri, 'yaml', POD(true), 1);
    await c.waitFor((p) => p.uri === uri && p.version === 1);
    // 20 versions back to back, alternating the privileged flag (so every version has different findings).
    for (let v = 2; v <= 21; v++) {
      await c.change(uri, v, [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: v % 2 ? 24 : 25 } }, text: v % 2 ? 'false' : 'true' }]);
    }
    const last = await c.waitFor((p) => p.uri === uri && p.version === 21);
    await sleep(150);
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, `published out of order: ${versions}`);
    assert.equal(versions.at(-1), 21);
    assert.ok(versions.length < 10, `the debounce should collapse the burst: ${versions}`);
    // v21 has privileged: false (odd versions write false).
    assert.equal(last.diagnostics.filter((d) => d.code === 'privileged-container').length, 0);
  } finally {
    await c.shutdown();
  }
});

test('code actions after a change never offer the fix of the replaced version', async () => {
  const c = new TestClient();
  const uri = 'file:///ws/stale/pod2.yaml';
  try {
    await c.initialize({ debounceMs: 5000 });
    await c.open(uri, 'yaml', POD(true), 1);
    const p1 = await c.waitFor((p) => p.uri === uri && p.version === 1);
    const d = p1.diagnostics.find((x) => x.code === 'privileged-container');
    assert.ok(d);
    // The debounce is long: no diagnostics for v2 yet, but the code action must see v2.
    await c.change(uri, 2, [{ range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } }, text: 'false' }]);
    const actions = await c.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(
      actions.filter((a) => /privileged/i.test(a.title)).map((a) => a.title),
      [],
      'the fix of version 1 must not be offered for version 2',
    );
    assert.ok(!c.published.some((p) => p.uri === uri && p.version === 2), 'v2 was not published yet (debounce)');
  } finally {
    await c.shutdown();
  }
});
