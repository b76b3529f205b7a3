import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec, del } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';

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
