// Work scales with what changed (issue #11 item 2): cross-file rules record the index facts they read;
// an edit that changes no fact re-analyses only the edited file, an edit that changes facts
// re-analyses only the documents that read them. Counted on the service (test hook) and as
// publishDiagnostics over the in-memory connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryClient, type Published } from './client';

const N = 6;
const uri = (i: number) => `file:///ws/app-${i}.yaml`;
const manifest = (i: number, cfg = `cfg-${i}`) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${cfg}
data:
  key: value
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          envFrom:
            - configMapRef:
                name: cfg-${(i + 1) % N}
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector: {app: app-${i}}
  ports:
    - port: 80
`;

const settle = () => new Promise((r) => setTimeout(r, 250));

test('6 open files: a comment line re-analyses and republishes one file; renaming a ConfigMap republishes only its referrer', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    for (let i = 0; i < N; i++) await c.open(uri(i), 'yaml', manifest(i));
    for (let i = 0; i < N; i++) await c.waitFor((p) => p.uri === uri(i) && p.version === 1);
    await settle();
    const service = c.session!.service;
    const missing = (p: Published) => p.diagnostics.filter((d) => d.code === 'missing-reference').length;
    const latest = (i: number) => c.published.filter((p) => p.uri === uri(i)).at(-1)!;
    for (let i = 0; i < N; i++) assert.equal(missing(latest(i)), 0, `app-${i}: every ConfigMap is defined`);

    // A comment line at the top of one file: no fact changes.
    let analyses = service.analyses;
    let published = c.published.length;
    await c.change(uri(2), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }]);
    await c.waitFor((p) => p.uri === uri(2) && p.version === 2);
    await settle();
    assert.deepEqual(c.published.slice(published).map((p) => p.uri), [uri(2)]);
    assert.equal(service.analyses - analyses, 1);

    // Rename the ConfigMap of app-3 (cfg-3, read by app-2): only app-3 itself and app-2 run again.
    analyses = service.analyses;
    published = c.published.length;
    await c.change(uri(3), 2, [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 13 } }, text: 'cfg-renamed' }]);
    await c.waitFor((p) => p.uri === uri(3) && p.version === 2);
    await c.waitFor((p) => p.uri === uri(2) && c.published.indexOf(p) >= published);
    await settle();
    assert.deepEqual(c.published.slice(published).map((p) => p.uri).sort(), [uri(2), uri(3)]);
    assert.equal(service.analyses - analyses, 2);
    assert.equal(missing(latest(2)), 1, 'app-2 now refers to a ConfigMap nobody defines');
  } finally {
    await c.shutdown();
  }
});
