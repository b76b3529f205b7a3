import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectKind } from '../../../server/src/core/model/detect';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walk } from '../../../server/src/host/files';
import { lint, r } from '../../helpers';

// A DaemonSet written in YAML flow style with comments between its entries (the Kubernetes
// documentation writes some of its examples this way): still a manifest.
const FLOW = `---
{
  apiVersion: "apps/v1",
  # a comment between entries
  kind: "DaemonSet",
  metadata: { name: "agent", namespace: "kube-system" },
  spec: {
    selector: { matchLabels: { app: "agent" } },
    template: {
      metadata: { labels: { app: "agent" } },
      spec: {
        containers: [{
          image: "registry.example.com/agent:v1",
          name: "agent",
          securityContext: { privileged: true },
        }],
      },
    },
  },
}
`;

test('detectKind: block, JSON and flow-style manifests are Kubernetes; other YAML is not', () => {
  assert.equal(detectKind('/a.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
  assert.equal(detectKind('/a.yaml', '{"apiVersion": "v1", "kind": "Pod"}'), 'kubernetes');
  assert.equal(detectKind('/a.yaml', FLOW), 'kubernetes');
  assert.equal(detectKind('/a.yaml', "# header\n\n--- {'kind': 'Pod', 'apiVersion': 'v1'}\n"), 'kubernetes');
  // a flow document without apiVersion/kind keys, block YAML that only mentions them in a value, a list of plays
  assert.equal(detectKind('/a.yaml', '{ name: x, items: [1, 2] }\n'), 'yaml');
  assert.equal(detectKind('/a.yaml', 'doc:\n  text: "kind: Pod"\n'), 'yaml');
  assert.equal(detectKind('/a.yaml', '- hosts: all\n  tasks: []\n'), 'yaml');
});

test('a flow-style manifest is analysed like a block one: exact rule and range', () => {
  const f = lint(FLOW).filter((x) => x.rule === 'privileged-container');
  assert.deepEqual(f.map((x) => [x.rule, x.severity, r(x)]), [['privileged-container', 'error', [14, 29, 14, 45]]]);
});

// JSON manifests: kubectl applies them, kube-linter and Polaris read them. A JSON file is a manifest
// when it opens with `{`/`[` and has string-valued apiVersion and kind; a JSON schema of a manifest
// (`"apiVersion": {…}`) and package.json are not.
test('detect: a JSON manifest is Kubernetes; package.json and a JSON schema are not analysed', () => {
  const pod = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "web"}\n}\n';
  assert.equal(detectKind('/ws/pod.json', pod), 'kubernetes');
  assert.equal(detectKind('/ws/untitled', pod, 'json'), 'kubernetes');
  assert.equal(detectKind('/ws/package.json', '{"name": "x", "version": "1.0.0"}\n'), 'unknown');
  assert.equal(detectKind('/ws/schema.json', '{"type": "object", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}}\n'), 'unknown');
  assert.equal(detectKind('/ws/pods.json', '[{"kind": "Pod", "apiVersion": "v1"}]'), 'kubernetes');
});

test('a JSON manifest gets the same findings at exact ranges, and a folder walk picks it up (and only it)', () => {
  const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "web"},\n  "spec": {"containers": [{"name": "web", "image": "nginx:1.25", "securityContext": {"privileged": true}}]}\n}\n';
  const f = lint(text, '/ws/pod.json').filter((x) => x.rule === 'privileged-container');
  assert.deepEqual(f.map((x) => [x.rule, r(x)]), [['privileged-container', [4, 85, 4, 103]]]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-json-'));
  try {
    fs.writeFileSync(path.join(dir, 'pod.json'), text);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}\n');
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{"compilerOptions": {"strict": true}}\n');
    const seen: string[] = [];
    walk(dir, (p) => seen.push(path.basename(p)));
    assert.deepEqual(seen, ['pod.json']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
