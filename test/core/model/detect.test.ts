import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectKind } from '../../../server/src/core/model/detect';
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
