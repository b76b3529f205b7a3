import { test } from 'node:test';
import { lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';

test('exposed-sensitive-port: control-plane ports and ranges; everyday ports and udp not', () => {
  const text = 'ARG API=6443\nFROM alpine:3.20\nEXPOSE 80 443 8080 ${API}/tcp 10250\nEXPOSE 2370-2380 2379/udp 9090\n';
  const f = only(lintD(text), 'exposed-sensitive-port');
  assert.deepEqual(f.map((x) => [x.message.id, r(x), x.message.args]), [
    ['rule.exposed-sensitive-port.message', [2, 19, 2, 29], { port: '${API}/tcp', component: 'kube-apiserver', ports: '6443' }],
    ['rule.exposed-sensitive-port.message', [2, 30, 2, 35], { port: '10250', component: 'kubelet', ports: '10250' }],
    ['rule.exposed-sensitive-port.messageRange', [3, 7, 3, 16], { port: '2370-2380', component: 'Docker Engine API, etcd', ports: '2375, 2376, 2379, 2380' }],
  ]);
});
