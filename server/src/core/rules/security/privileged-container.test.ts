import { test } from 'node:test';
import { only, r, lint, applyFix } from '../../../../../test/helpers';
import { GOOD, roundTrip, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { privilegedContainer } from './privileged-container';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo # the pod
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true   # needed?
`;

test('privileged-container: the pair, set false, not fix-all', () => {
  const text = GOOD.replace('        allowPrivilegeEscalation: false\n', '        privileged: true\n');
  const f = only(sec(text), 'privileged-container');
  assert.deepEqual(f.map(r), [[18, 8, 18, 24]]);
  assert.equal(f[0].fixes![0].tier, 'review');
  const fixed = roundTrip(text, f[0]);
  assert.equal(fixed, text.replace('privileged: true', 'privileged: false'));
});

test('privileged-container: exact range and fix that keeps comments', () => {
  const f = only(lint(POD), 'privileged-container');
  assert.equal(f.length, 1);
  assert.deepEqual(r(f[0]), [9, 8, 9, 24]);
  assert.equal(f[0].severity, 'error');
  assert.deepEqual(f[0].message, { id: 'rule.privileged-container.message', args: { container: 'app' } });
  const fixed = applyFix(POD, f[0]);
  assert.equal(fixed, POD.replace('privileged: true', 'privileged: false'));
  assert.equal(only(lint(fixed), 'privileged-container').length, 0);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(privilegedContainer, {
  valid: [
    GOOD,
    GOOD.replace('        allowPrivilegeEscalation: false\n', '        privileged: false\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('        allowPrivilegeEscalation: false\n', '        privileged: true\n'),
      errors: [{ messageId: "message", range: [18, 8, 18, 24], args: {"container": "app"}, severity: "error" }],
      output: GOOD.replace('        allowPrivilegeEscalation: false\n', '        privileged: false\n'),
    },
    {
      name: "YAML 1.1: on is true, as kubectl reads it",
      code: GOOD.replace('        allowPrivilegeEscalation: false\n', '        privileged: on\n'),
      errors: [{ messageId: "message", range: [18, 8, 18, 22] }],
      output: GOOD.replace('        allowPrivilegeEscalation: false\n', '        privileged: false\n'),
    },
  ],
});
