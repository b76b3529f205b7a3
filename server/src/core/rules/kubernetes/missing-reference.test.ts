import { test, describe } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import { createRegistry } from '..';
import { mergeConfig } from '../../config/config';
import assert from 'node:assert/strict';
import { analyzer } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { missingReference } from './missing-reference';

const POD_REFS = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  serviceAccountName: runner
  imagePullSecrets:
    - name: regcred
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: A
          valueFrom:
            configMapKeyRef: {name: settings, key: a}
        - name: B
          valueFrom:
            secretKeyRef: {name: creds, key: b, optional: true}
      envFrom:
        - secretRef:
            name: env-secret
  volumes:
    - name: etc
      configMap:
        name: cinder-etc
    - name: data
      persistentVolumeClaim:
        claimName: glance-images
    - name: all
      projected:
        sources:
          - secret: {name: tls}
          - configMap: {name: kube-root-ca.crt}
`;

describe('missing-reference', () => {
  test('every kind of reference, on the exact name node; optional and built-in ones skipped', () => {
    const f = only(lint(POD_REFS), 'missing-reference');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.args]),
      [
        [[5, 22, 5, 28], { kind: 'ServiceAccount', name: 'runner', via: 'serviceAccountName' }],
        [[7, 12, 7, 19], { kind: 'Secret', name: 'regcred', via: 'imagePullSecrets' }],
        [[14, 36, 14, 44], { kind: 'ConfigMap', name: 'settings', via: 'env' }],
        [[20, 18, 20, 28], { kind: 'Secret', name: 'env-secret', via: 'envFrom' }],
        [[24, 14, 24, 24], { kind: 'ConfigMap', name: 'cinder-etc', via: 'volume "etc"' }],
        [[27, 19, 27, 32], { kind: 'PersistentVolumeClaim', name: 'glance-images', via: 'volume "data"' }],
        [[31, 27, 31, 30], { kind: 'Secret', name: 'tls', via: 'volume "all"' }],
      ],
    );
    assert.ok(f.every((x) => x.severity === 'information'));
  });

  test('definitions in the same file or another indexed file satisfy references; namespaces must agree', () => {
    const defs = ['ServiceAccount runner', 'Secret regcred', 'ConfigMap settings', 'Secret env-secret', 'ConfigMap cinder-etc', 'PersistentVolumeClaim glance-images']
      .map((s) => s.split(' '))
      .map(([kind, name]) => `apiVersion: v1\nkind: ${kind}\nmetadata: {name: ${name}}\n`)
      .join('---\n');
    const a = analyzer();
    a.analyze({ path: '/ws/defs.yaml', text: defs }, mergeConfig());
    const f = only(a.analyze({ path: '/ws/pod.yaml', text: POD_REFS }, mergeConfig()).findings, 'missing-reference');
    assert.deepEqual(f.map((x) => x.message.args!.name), ['tls']);
    const same = only(lint(`${POD_REFS}---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls}\n`), 'missing-reference');
    assert.equal(same.some((x) => x.message.args!.name === 'tls'), false);
    const otherNs = only(lint(`${POD_REFS.replace('  name: p\n', '  name: p\n  namespace: a\n')}---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls, namespace: b}\n`), 'missing-reference');
    assert.equal(otherNs.some((x) => x.message.args!.name === 'tls'), true);
  });

  test('Helm-masked names are not references', () => {
    const text = POD_REFS.replace('name: cinder-etc', 'name: {{ .Values.cm }}');
    const f = only(lint(text), 'missing-reference');
    assert.equal(f.some((x) => x.message.args!.via === 'volume "etc"'), false);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(missingReference, {
  valid: [
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: {a: b}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      envFrom:
        - configMapRef:
            name: settings
`,
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      envFrom:
        - configMapRef:
            name: settings
`,
      errors: [{ messageId: "message", range: [10, 18, 10, 26], severity: "information" }],
    },
  ],
});
