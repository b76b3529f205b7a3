// Issue #12: in Restricted Mode (the client's `$trusted: false`), paths a repository's .dockyard.yaml
// names outside the workspace folder are ignored with a visible notice; once trusted they are honoured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient } from './client';

const CRD = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}\n';

test('Restricted Mode: a crdSchemas path outside the workspace folder is ignored with a notice; trusted: read', async () => {
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-restricted-')));
  const ws = path.join(top, 'ws');
  fs.mkdirSync(ws);
  fs.mkdirSync(path.join(top, 'outside'));
  fs.writeFileSync(path.join(top, 'outside', 'crd.yaml'), CRD);
  fs.writeFileSync(path.join(ws, '.dockyard.yaml'), 'kubernetes:\n  crdSchemas:\n    Widget: ../outside/crd.yaml\n');
  const file = path.join(ws, 'widget.yaml');
  const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: "big"}\n';
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const c = new MemoryClient();
  const notices: string[] = [];
  c.conn.onNotification('window/showMessage', (m: { type: number; message: string }) => void notices.push(`${m.type}:${m.message}`));
  c.settings = { $trusted: false };
  try {
    await c.initialize({ trusted: false }, pathToFileURL(ws).href);
    await c.open(uri, 'yaml', text);
    const restricted = await c.waitFor((p) => p.uri === uri);
    assert.deepEqual(restricted.diagnostics.map((d) => d.code), ['unknown-kind']);
    assert.deepEqual(notices, [`2:Restricted Mode: kubernetes.crdSchemas names ${path.join(top, 'outside', 'crd.yaml')}, outside the workspace folder (${ws}); Dockyard ignores it until you trust this workspace.`]);
    c.settings = { $trusted: true };
    const before = c.published.length;
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const trusted = await c.waitFor((p) => p.uri === uri && c.published.indexOf(p) >= before && p.diagnostics.some((d) => d.code === 'schema-type'));
    assert.deepEqual(trusted.diagnostics.map((d) => d.code), ['schema-type']);
  } finally {
    await c.shutdown();
  }
});
