import { test } from 'node:test';
import assert from 'node:assert/strict';
import { only } from '../../helpers';
import { roundTrip, sec } from './helpers';

/** The fix-all fix of privilege-escalation / seccomp-unconfined in every indentation style a manifest may use. */

test('2-space, indented sequence: new container securityContext after image, comments kept', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p # keep me
spec:
  containers:
    - name: app   # the app
      image: "nginx:1.27"  # pinned
      # trailing comment about args
      args: ['--port', "8080"]
`;
  const f = only(sec(text), 'privilege-escalation')[0];
  assert.equal(
    roundTrip(text, f),
    text.replace('      image: "nginx:1.27"  # pinned\n', '      image: "nginx:1.27"  # pinned\n      securityContext:\n        allowPrivilegeEscalation: false\n'),
  );
});

test('4-space indentation is kept for created maps', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
    name: d
spec:
    template:
        spec:
            containers:
                - name: app
                  image: nginx:1.27
`;
  const f = only(sec(text), 'privilege-escalation')[0];
  assert.equal(roundTrip(text, f), text + '                  securityContext:\n                      allowPrivilegeEscalation: false\n');
  const s = only(sec(text), 'seccomp-unconfined')[0];
  assert.equal(
    roundTrip(text, s),
    text.replace('            containers:\n', '            securityContext:\n                seccompProfile:\n                    type: RuntimeDefault\n            containers:\n'),
  );
});

test('zero-indented sequences (`- name:` at the column of `containers:`)', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    hostPath:
      path: /srv/data
`;
  const all = sec(text);
  assert.equal(
    roundTrip(text, only(all, 'privilege-escalation')[0]),
    text.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: false\n'),
  );
  assert.equal(roundTrip(text, only(all, 'writable-host-mount')[0]), text.replace('      mountPath: /data\n', '      mountPath: /data\n      readOnly: true\n'));
  assert.equal(
    roundTrip(text, only(all, 'seccomp-unconfined')[0]),
    text.replace('spec:\n  containers:\n', 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n'),
  );
});

test('flow-style securityContext: {} and {a: b} get the field inside the braces', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext: {}
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {readOnlyRootFilesystem: true}
`;
  const all = sec(text);
  assert.equal(roundTrip(text, only(all, 'privilege-escalation')[0]), text.replace('{readOnlyRootFilesystem: true}', '{readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}'));
  assert.equal(roundTrip(text, only(all, 'seccomp-unconfined')[0]), text.replace('  securityContext: {}', '  securityContext: {seccompProfile: {type: RuntimeDefault}}'));
  assert.equal(roundTrip(text, only(all, 'run-as-root')[0]), text.replace('  securityContext: {}', '  securityContext: {runAsNonRoot: true}'));
});

test('an empty `securityContext:` (null) becomes a block map', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
      ports: [{containerPort: 80}]
`;
  const f = only(sec(text), 'privilege-escalation')[0];
  assert.equal(roundTrip(text, f), text.replace('      securityContext:\n', '      securityContext:\n        allowPrivilegeEscalation: false\n'));
});

test('CRLF files keep CRLF in every inserted line', () => {
  const lf = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: DB_PASSWORD
          value: x
      volumeMounts:
        - {name: h, mountPath: /h}
  volumes:
    - name: h
      hostPath: {path: /srv/h}
`;
  const text = lf.replace(/\n/g, '\r\n');
  const all = sec(text);
  for (const rule of ['privilege-escalation', 'seccomp-unconfined', 'env-var-secret', 'writable-host-mount', 'missing-resource-limits', 'capabilities-not-dropped']) {
    const fixed = roundTrip(text, only(all, rule)[0]);
    assert.ok(!/[^\r]\n/.test(fixed), `${rule} inserted a bare LF:\n${JSON.stringify(fixed)}`);
  }
  assert.equal(
    roundTrip(text, only(all, 'env-var-secret')[0]),
    text.replace('          value: x\r\n', '          valueFrom:\r\n            secretKeyRef:\r\n              name: p-secrets\r\n              key: db_password\r\n'),
  );
  assert.equal(roundTrip(text, only(all, 'writable-host-mount')[0]), text.replace('{name: h, mountPath: /h}', '{name: h, mountPath: /h, readOnly: true}'));
});

test('a document without a final line break', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true';
  const f = only(sec(text), 'privilege-escalation')[0];
  assert.equal(roundTrip(text, f), text + '\n        allowPrivilegeEscalation: false');
});

test('multi-document file: fixes land in their own document', () => {
  const doc = (n: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${n}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`;
  const text = doc('a') + '---\n' + doc('b');
  const f = only(sec(text), 'privilege-escalation');
  assert.equal(f.length, 2);
  assert.equal(roundTrip(text, f[1]), doc('a') + '---\n' + doc('b') + '      securityContext:\n        allowPrivilegeEscalation: false\n');
});
