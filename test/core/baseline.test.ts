// Issue #17: the editor shows baselined findings at hint level (`baseline` setting / .dockyard.yaml).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockyardService } from '../../server/src/core/service';
import { createRegistry } from '../../server/src/core/rules';
import { createNodeHost } from '../../server/src/host/node-host';
import { serializeBaseline } from '../../server/src/core/features/baseline';

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

function service(dir: string): DockyardService {
  const registry = createRegistry();
  return new DockyardService({ host: createNodeHost({ knownRules: new Set(registry.ids()), roots: () => [dir] }), registry });
}

test('editor: findings in the configured baseline are hints, new ones keep their severity', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-bl-'));
  const file = path.join(dir, 'k8s', 'pod.yaml');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, POD);
  // The baseline of the file as it is, written by the service (what --write-baseline writes).
  const s1 = service(dir);
  s1.open(file, 1, POD);
  const base = s1.writeBaseline([{ path: file, text: POD, findings: s1.diagnostics(file) }], dir);
  assert.ok(base.findings.some((e) => e.rule === 'privileged-container' && e.path === 'k8s/pod.yaml' && e.container === 'app'));
  fs.writeFileSync(path.join(dir, 'b.json'), serializeBaseline(base));
  fs.writeFileSync(path.join(dir, '.dockyard.yaml'), 'baseline: b.json\n');

  const s = service(dir);
  const edited = POD.replace('spec:\n', '# added\nspec:\n  hostPID: true\n');
  s.open(file, 1, edited);
  const d = s.diagnostics(file);
  const priv = d.find((f) => f.rule === 'privileged-container')!;
  assert.equal(priv.severity, 'hint');
  assert.equal(priv.range.start.line, 11);
  const pid = d.filter((f) => f.rule === 'host-namespace');
  assert.deepEqual(pid.map((f) => [f.severity, f.range.start.line]), [['error', 6]]);
  assert.ok(d.every((f) => f.rule === 'host-namespace' || f.severity === 'hint'), JSON.stringify(d.map((f) => [f.rule, f.severity])));

  // No baseline configured: the same findings at their own severity.
  fs.writeFileSync(path.join(dir, '.dockyard.yaml'), 'pss: restricted\n');
  s.invalidate({ config: true });
  assert.equal(s.diagnostics(file).find((f) => f.rule === 'privileged-container')!.severity, 'error');
});
