import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { exposedControlPlanePort } from './exposed-control-plane-port';

test('exposed-control-plane-port: NodePort/LoadBalancer/externalIPs Services, hostPort, hostNetwork', () => {
  const svc = (type: string, port: number, name = 'web') =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  ports:\n    - port: 443\n      targetPort: ${port}\n`;
  assert.deepEqual(only(sec(svc('NodePort', 10250)), 'exposed-control-plane-port').map(r), [[8, 6, 8, 23]]);
  assert.deepEqual(only(sec(svc('LoadBalancer', 2379)), 'exposed-control-plane-port')[0].message.args, { port: '2379', component: 'etcd', how: 'LoadBalancer' });
  assert.deepEqual(only(sec(svc('ClusterIP', 10250)), 'exposed-control-plane-port'), []);
  assert.deepEqual(only(sec(svc('NodePort', 8080)), 'exposed-control-plane-port'), []);
  assert.equal(only(sec(svc('NodePort', 8080, 'kube-apiserver-insecure')), 'exposed-control-plane-port').length, 1);
  const ext = `apiVersion: v1\nkind: Service\nmetadata:\n  name: docker\nspec:\n  externalIPs: [192.0.2.10]\n  ports:\n    - port: 2375\n`;
  assert.deepEqual(only(sec(ext), 'exposed-control-plane-port')[0].message.args, { port: '2375', component: 'Docker API', how: 'externalIPs' });
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet-proxy\nspec:\n  hostNetwork: true\n  containers:\n    - name: p\n      image: nginx:1.27\n      ports:\n        - containerPort: 10255\n        - containerPort: 8080\n`;
  const f = only(sec(pod), 'exposed-control-plane-port');
  assert.deepEqual(f.map(r), [[10, 10, 10, 30]]);
  assert.equal(f[0].message.id, 'rule.exposed-control-plane-port.messageHostNetwork');
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(exposedControlPlanePort, {
  valid: [
    `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: ClusterIP
  ports:
    - port: 10250
`,
    `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  ports:
    - port: 8080
`,
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  ports:
    - port: 10250
`,
      errors: [{ messageId: "messageService", range: [7, 6, 7, 17] }],
    },
  ],
});
