// Issue #17: CustomResourceDefinitions found in the workspace validate custom resources without a
// setting, and are read again as they change (index facts: the custom resource becomes stale).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DockyardService } from '../../../server/src/core/service';
import { createRegistry } from '../../../server/src/core/rules';
import { createNodeHost } from '../../../server/src/host/node-host';
import { format } from '../../../server/src/core/messages/catalog';

const crd = (sizeType: string, extra = '') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size:
                  type: ${sizeType}${extra}
`;

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  size: big
  colour: red
`;

function service(): DockyardService {
  const registry = createRegistry();
  return new DockyardService({ host: createNodeHost({ knownRules: new Set(registry.ids()), roots: () => ['/nonexistent-ws'] }), registry });
}

const schemaFindings = (s: DockyardService, p: string) =>
  s
    .diagnostics(p)
    .filter((f) => f.rule.startsWith('schema-') || f.rule === 'unknown-kind')
    .map((f) => `${f.range.start.line}:${f.range.start.character} ${f.rule} ${format(f.message)}`);

test('a CRD in the workspace validates its custom resources; changing the CRD updates the findings', () => {
  const s = service();
  // Without a CRD the custom resource is not judged.
  s.open('/nonexistent-ws/widget.yaml', 1, WIDGET);
  assert.deepEqual(schemaFindings(s, '/nonexistent-ws/widget.yaml'), []);

  s.open('/nonexistent-ws/crd.yaml', 1, crd('integer'));
  s.diagnostics('/nonexistent-ws/crd.yaml');
  // The CRD's arrival makes the custom resource stale (it read the fact while none existed).
  assert.deepEqual(s.staleDocuments(), ['/nonexistent-ws/widget.yaml']);
  const before = schemaFindings(s, '/nonexistent-ws/widget.yaml');
  assert.equal(before.length, 2, before.join('\n'));
  assert.match(before[0], /^5:8 schema-type /);
  assert.match(before[1], /^6:2 schema-unknown-field .*"colour"/);

  // The CRD changes: size becomes a string and colour is declared.
  s.update('/nonexistent-ws/crd.yaml', 2, crd('string', '\n                colour:\n                  type: string'));
  s.diagnostics('/nonexistent-ws/crd.yaml');
  assert.deepEqual(s.staleDocuments(), ['/nonexistent-ws/widget.yaml']);
  assert.deepEqual(schemaFindings(s, '/nonexistent-ws/widget.yaml'), []);

  // A comment line in the CRD changes no fact: nothing is stale.
  s.update('/nonexistent-ws/crd.yaml', 3, '# comment\n' + crd('string', '\n                colour:\n                  type: string'));
  s.diagnostics('/nonexistent-ws/crd.yaml');
  assert.deepEqual(s.staleDocuments(), []);
});

test('a custom resource at a version the workspace CRD does not serve says so', () => {
  const s = service();
  s.open('/nonexistent-ws/crd.yaml', 1, crd('integer'));
  s.diagnostics('/nonexistent-ws/crd.yaml');
  s.open('/nonexistent-ws/widget.yaml', 1, WIDGET.replace('example.com/v1', 'example.com/v2'));
  const got = schemaFindings(s, '/nonexistent-ws/widget.yaml');
  assert.equal(got.length, 1, got.join('\n'));
  assert.match(got[0], /^0:\d+ unknown-kind .*v1/);
});

test('the table of workspace CRDs is rebuilt when a CRD fact changes or the files are reordered, not when another file is added', async () => {
  const { WorkspaceIndex } = await import('../../../server/src/core/workspace');
  const { workspaceCrdSchemaFor } = await import('../../../server/src/core/kubernetes/crd');
  /** Counts the whole-index scans. */
  class CountingIndex extends WorkspaceIndex {
    scans = 0;
    override all() {
      this.scans++;
      return super.all();
    }
  }
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const crdEntry = (path: string, version: string) => ({ path, docIndex: 0, apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'widgets.example.com', range, data: { crd: { group: 'example.com', kind: 'Widget', versions: { [version]: { type: 'object' } } } } });
  const ws = new CountingIndex();
  ws.set('/a.yaml', [crdEntry('/a.yaml', 'v1')]);
  assert.equal(workspaceCrdSchemaFor(ws, 'example.com/v1', 'Widget')?.file, '/a.yaml');
  const scans = ws.scans;
  for (let i = 0; i < 20; i++) {
    ws.set(`/cm${i}.yaml`, [{ path: `/cm${i}.yaml`, docIndex: 0, apiVersion: 'v1', kind: 'ConfigMap', name: `cm${i}`, range }]);
    assert.equal(workspaceCrdSchemaFor(ws, 'example.com/v1', 'Widget')?.file, '/a.yaml');
  }
  assert.equal(ws.scans, scans, 'no rescan for files without CRDs');
  // Another definition of the kind: the first in index order still wins; the table was rebuilt.
  ws.set('/b.yaml', [crdEntry('/b.yaml', 'v2')]);
  assert.equal(workspaceCrdSchemaFor(ws, 'example.com/v2', 'Widget')?.status, 'no-version');
  assert.equal(ws.scans, scans + 1);
  // Put in another order: b first.
  ws.reorder(['/b.yaml', '/a.yaml']);
  assert.equal(workspaceCrdSchemaFor(ws, 'example.com/v2', 'Widget')?.file, '/b.yaml');
  ws.delete('/b.yaml');
  assert.equal(workspaceCrdSchemaFor(ws, 'example.com/v1', 'Widget')?.file, '/a.yaml');
  ws.delete('/a.yaml');
  assert.equal(workspaceCrdSchemaFor(ws, 'example.com/v1', 'Widget'), undefined);
});
