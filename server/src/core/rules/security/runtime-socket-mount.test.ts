import { ruleTester } from '../../../../../test/rule-tester';
import { runtimeSocketMount } from './runtime-socket-mount';

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(runtimeSocketMount, {
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
    - name: host
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
  volumes:
    - name: host
      hostPath:
        path: /var/run/docker.sock
`,
      errors: [{ messageId: "message", range: [25, 8, 25, 34] }],
      output: null,
    },
  ],
});
