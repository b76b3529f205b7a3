import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec, del } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { privilegeEscalation } from './privilege-escalation';

test('privilege-escalation: missing → warning on the securityContext key, fix-all adds the field', () => {
  const text = del(GOOD, '        allowPrivilegeEscalation: false');
  const f = only(sec(text), 'privilege-escalation');
  assert.deepEqual(f.map(r), [[17, 6, 17, 21]]);
  assert.equal(f[0].severity, 'warning');
  assert.equal(f[0].fixes![0].tier, 'safe');
  assert.equal(roundTrip(text, f[0]), text + '        allowPrivilegeEscalation: false\n');
});

test('privilege-escalation: true → error on the pair, quick fix only', () => {
  const text = GOOD.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true');
  const f = only(sec(text), 'privilege-escalation');
  assert.deepEqual(f.map(r), [[18, 8, 18, 38]]);
  assert.equal(f[0].severity, 'error');
  assert.equal(f[0].fixes![0].tier, 'review');
  assert.equal(roundTrip(text, f[0]), GOOD);
});

test('privilege-escalation: no securityContext at all → the name pair; the fix creates it after image', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
`;
  const f = only(sec(text), 'privilege-escalation');
  assert.deepEqual(f.map(r), [[6, 4, 6, 13]]);
  assert.equal(
    roundTrip(text, f[0]),
    text.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: false\n'),
  );
});

test('privilege-escalation: no fix where the API would reject false (privileged, SYS_ADMIN); Windows pods exempt', () => {
  const priv = del(GOOD, '        allowPrivilegeEscalation: false').replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        privileged: true\n');
  assert.equal(only(sec(priv), 'privilege-escalation')[0].fixes, undefined);
  const sysAdmin = del(GOOD, '        allowPrivilegeEscalation: false').replace('drop: [ALL]', 'drop: [ALL]\n          add: [SYS_ADMIN]');
  assert.equal(only(sec(sysAdmin), 'privilege-escalation')[0].fixes, undefined);
  const windows = del(GOOD, '        allowPrivilegeEscalation: false').replace('spec:\n', 'spec:\n  os:\n    name: windows\n');
  assert.deepEqual(only(sec(windows), 'privilege-escalation'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(privilegeEscalation, {
  valid: [
    GOOD,
    {
      name: "Windows pods are exempt",
      code: `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  os:
    name: windows
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
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
`,
    },
  ],
  invalid: [
    {
      code: GOOD.replace('        allowPrivilegeEscalation: false\n', '        allowPrivilegeEscalation: true\n'),
      errors: [{ messageId: "messageTrue", range: [18, 8, 18, 38], severity: "error" }],
      output: GOOD,
    },
    {
      name: "missing: on the securityContext key, the fix adds the field",
      code: GOOD.replace('        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n'),
      errors: [{ messageId: "messageMissing", range: [17, 6, 17, 21], severity: "warning" }],
      output: GOOD.replace('        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n        capabilities:\n          drop: [ALL]\n', '        readOnlyRootFilesystem: true\n        capabilities:\n          drop: [ALL]\n        allowPrivilegeEscalation: false\n'),
    },
  ],
});
