import { test } from 'node:test';
import assert from 'node:assert/strict';
import { only, r } from '../../helpers';
import { sec } from './helpers';

/**
 * Every workload kind, the PodSpec at its own path, with a pod-level finding (hostPID), a
 * container-level one (privileged) in containers, initContainers and ephemeralContainers.
 */
const podSpec = (indent: string) =>
  [
    'hostPID: true',
    'containers:',
    '  - name: app',
    '    image: nginx:1.27',
    '    securityContext: {privileged: true}',
    'initContainers:',
    '  - name: init',
    '    image: busybox:1.36',
    '    securityContext: {privileged: true}',
    'ephemeralContainers:',
    '  - name: debug',
    '    image: busybox:1.36',
    '    securityContext: {privileged: true}',
  ]
    .map((l) => indent + l)
    .join('\n') + '\n';

const WORKLOADS: { kind: string; apiVersion: string; head: string; indent: string }[] = [
  { kind: 'Pod', apiVersion: 'v1', head: 'spec:\n', indent: '  ' },
  { kind: 'Deployment', apiVersion: 'apps/v1', head: 'spec:\n  template:\n    spec:\n', indent: '      ' },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', head: 'spec:\n  serviceName: s\n  template:\n    spec:\n', indent: '      ' },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', head: 'spec:\n  template:\n    spec:\n', indent: '      ' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', head: 'spec:\n  template:\n    spec:\n', indent: '      ' },
  { kind: 'ReplicationController', apiVersion: 'v1', head: 'spec:\n  template:\n    spec:\n', indent: '      ' },
  { kind: 'Job', apiVersion: 'batch/v1', head: 'spec:\n  template:\n    spec:\n', indent: '      ' },
  { kind: 'CronJob', apiVersion: 'batch/v1', head: 'spec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n', indent: '          ' },
  { kind: 'PodTemplate', apiVersion: 'v1', head: 'template:\n  spec:\n', indent: '    ' },
];

for (const w of WORKLOADS) {
  test(`${w.kind}: pod-level and container-level rules find the PodSpec and every container group`, () => {
    const text = `apiVersion: ${w.apiVersion}\nkind: ${w.kind}\nmetadata:\n  name: w\n${w.head}${podSpec(w.indent)}`;
    const specLine = 4 + w.head.split('\n').length - 1;
    const col = w.indent.length;
    const all = sec(text);
    assert.deepEqual(only(all, 'host-namespace').map(r), [[specLine, col, specLine, col + 13]], 'hostPID');
    const p = only(all, 'privileged-container');
    assert.deepEqual(p.map((f) => f.message.args!.container), ['app', 'init', 'debug']);
    assert.deepEqual(p.map((f) => f.range.start.line), [specLine + 4, specLine + 8, specLine + 12]);
    // Missing pod-level fields point at the `spec:` key holding the PodSpec.
    const sa = only(all, 'service-account-token');
    assert.equal(sa.length, 1);
    assert.equal(sa[0].range.start.line, specLine - 1);
    assert.equal(sa[0].range.end.character - sa[0].range.start.character, 4);
    // Container-level missing fields are reported per container, in init and ephemeral containers too.
    assert.deepEqual(only(all, 'privilege-escalation').map((f) => f.message.args!.container), ['app', 'init', 'debug']);
    // Ephemeral containers take no resources.
    assert.deepEqual(only(all, 'missing-resource-limits').map((f) => f.message.args!.container), ['app', 'init']);
  });
}

test('non-workload kinds and documents without a PodSpec are ignored', () => {
  assert.deepEqual(sec('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  hostPID: "true"\n'), []);
  assert.deepEqual(sec('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template: {}\n'), []);
  assert.deepEqual(sec('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: d}\nspec:\n  containers:\n    - name: x\n      securityContext: {privileged: true}\n'), []);
});
