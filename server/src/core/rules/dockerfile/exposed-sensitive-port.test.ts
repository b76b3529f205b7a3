import { test } from 'node:test';
import { lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { exposedSensitivePort } from './exposed-sensitive-port';

test('exposed-sensitive-port: control-plane ports and ranges; everyday ports and udp not', () => {
  const text = 'ARG API=6443\nFROM alpine:3.20\nEXPOSE 80 443 8080 ${API}/tcp 10250\nEXPOSE 2370-2380 2379/udp 9090\n';
  const f = only(lintD(text), 'exposed-sensitive-port');
  assert.deepEqual(f.map((x) => [x.message.id, r(x), x.message.args]), [
    ['rule.exposed-sensitive-port.message', [2, 19, 2, 29], { port: '${API}/tcp', component: 'kube-apiserver', ports: '6443' }],
    ['rule.exposed-sensitive-port.message', [2, 30, 2, 35], { port: '10250', component: 'kubelet', ports: '10250' }],
    ['rule.exposed-sensitive-port.messageRange', [3, 7, 3, 16], { port: '2370-2380', component: 'Docker Engine API, etcd', ports: '2375, 2376, 2379, 2380' }],
  ]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(exposedSensitivePort, {
  valid: [
    `FROM alpine:3.20
EXPOSE 80 443/tcp 9090
`,
    `FROM alpine:3.20
EXPOSE 2379/udp
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
EXPOSE 80 10250
`,
      errors: [{ messageId: "message", range: [1, 10, 1, 15], args: {"port": "10250", "component": "kubelet", "ports": "10250"}, severity: "warning" }],
    },
    {
      code: `FROM alpine:3.20
EXPOSE 2370-2380
`,
      errors: [{ messageId: "messageRange", range: [1, 7, 1, 16] }],
    },
  ],
});
