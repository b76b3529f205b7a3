import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec, WITH_VOLUMES } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { restrictedVolumeType } from './restricted-volume-type';

test('restricted-volume-type: nfs reported, image / emptyDir / hostPath (host-path-volume\'s) not', () => {
  const f = only(sec(WITH_VOLUMES), 'restricted-volume-type');
  assert.deepEqual(f.map(r), [[51, 6, 54, 22]]);
  assert.deepEqual(f[0].message.args, { volume: 'share', type: 'nfs' });
  assert.deepEqual(only(sec(WITH_VOLUMES, { pss: 'baseline' }), 'restricted-volume-type'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(restrictedVolumeType, {
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
  volumes:
    - name: cfg
      configMap:
        name: settings
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
  volumes:
    - name: share
      nfs:
        server: nfs.example.com
        path: /exports
`,
      errors: [{ messageId: "message", range: [23, 6, 26, 22], args: {"volume": "share", "type": "nfs"}, severity: "information" }],
    },
  ],
});
