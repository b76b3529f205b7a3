import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { roundTrip, sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { writableHostMount } from './writable-host-mount';

test('writable-host-mount: the volumeMount entry; fix-all adds readOnly, explicit false is quick fix only', () => {
  const f = only(sec(WITH_VOLUMES), 'writable-host-mount');
  assert.deepEqual(f.map(r), [[23, 10, 24, 25], [28, 10, 30, 25], [31, 10, 32, 52]]);
  assert.equal(f[0].fixes![0].tier, 'safe');
  assert.equal(f[1].fixes![0].tier, 'review');
  assert.equal(roundTrip(WITH_VOLUMES, f[0]), WITH_VOLUMES.replace('          mountPath: /dev\n', '          mountPath: /dev\n          readOnly: true\n'));
  assert.equal(roundTrip(WITH_VOLUMES, f[1]), WITH_VOLUMES.replace('readOnly: false', 'readOnly: true'));
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(writableHostMount, {
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
      volumeMounts:
        - name: data
          mountPath: /data
          readOnly: true
  volumes:
    - name: data
      hostPath:
        path: /srv/data
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
      volumeMounts:
        - name: data
          mountPath: /data
        - name: logs
          mountPath: /logs
          readOnly: false
  volumes:
    - name: data
      hostPath:
        path: /srv/data
    - name: logs
      hostPath:
        path: /srv/logs
`,
      errors: [{ messageId: "message", range: [23, 10, 24, 26] }, { messageId: "message", range: [25, 10, 27, 25] }],
      output: `apiVersion: v1
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
      volumeMounts:
        - name: data
          mountPath: /data
          readOnly: true
        - name: logs
          mountPath: /logs
          readOnly: true
  volumes:
    - name: data
      hostPath:
        path: /srv/data
    - name: logs
      hostPath:
        path: /srv/logs
`,
    },
  ],
});
