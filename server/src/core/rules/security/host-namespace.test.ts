import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { hostNamespace } from './host-namespace';

test('host-namespace: each true field, removed by the fix; false is fine', () => {
  const text = GOOD.replace('  automountServiceAccountToken: false\n', '  automountServiceAccountToken: false\n  hostNetwork: true # needed for OVS\n  hostPID: false\n  hostIPC: true\n');
  const f = only(sec(text), 'host-namespace');
  assert.deepEqual(f.map(r), [[6, 2, 6, 19], [8, 2, 8, 15]]);
  assert.deepEqual(f.map((x) => x.message.args), [{ field: 'hostNetwork' }, { field: 'hostIPC' }]);
  assert.equal(roundTrip(text, f[0]), text.replace('  hostNetwork: true # needed for OVS\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('  hostIPC: true\n', ''));
  assert.equal(f[0].fixes![0].tier, 'review');
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(hostNamespace, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          cpu: 500m
          memory: 128Mi
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  automountServiceAccountToken: false
  hostPID: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          cpu: 500m
          memory: 128Mi
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
`,
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  automountServiceAccountToken: false
  hostNetwork: true
  hostPID: false
  hostIPC: yes
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          cpu: 500m
          memory: 128Mi
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
`,
      errors: [{ messageId: "message", range: [6, 2, 6, 19], args: {"field": "hostNetwork"} }, { messageId: "message", range: [8, 2, 8, 14], args: {"field": "hostIPC"} }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  automountServiceAccountToken: false
  hostPID: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          cpu: 500m
          memory: 128Mi
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
`,
    },
  ],
});
