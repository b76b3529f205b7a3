import { test, describe } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec, ROLE, role } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { rbacPodExec } from './rbac-pod-exec';

test('rbac-pod-exec: pods/exec with get or create in the core group; list-only attach is fine', () => {
  const f = only(sec(ROLE), 'rbac-pod-exec');
  assert.deepEqual(f.map(r), [[6, 24, 6, 35]]);
  assert.deepEqual(f[0].message.args, { resource: 'pods/exec', verbs: 'get, create' });
  assert.deepEqual(only(sec(ROLE.replace('apiGroups: [""]\n    resources: ["pods"', 'apiGroups: ["apps"]\n    resources: ["pods"')), 'rbac-pod-exec'), []);
});

describe('rbac-pod-exec per Kubernetes version', () => {
  const exec = (resources: string, verbs: string) => role('Role', 'r', `  - apiGroups: [""]\n    resources: ${resources}\n    verbs: ${verbs}\n`);
  test('get alone grants exec only below 1.35; create always', () => {
    assert.deepEqual(only(sec(exec('["pods/exec"]', '["get"]')), 'rbac-pod-exec'), []);
    assert.deepEqual(only(sec(exec('["pods/exec"]', '["get"]'), { kubernetes: { version: '1.37' } }), 'rbac-pod-exec'), []);
    const old = only(sec(exec('["pods/exec"]', '["get"]'), { kubernetes: { version: '1.34' } }), 'rbac-pod-exec');
    assert.deepEqual(old.map(r), [[6, 16, 6, 27]]);
    assert.equal(only(sec(exec('["pods/exec"]', '["create"]')), 'rbac-pod-exec').length, 1);
  });
  test('wildcards and portforward: pods/*, */exec, *', () => {
    const f = only(sec(exec('["pods/portforward", "*/exec", "pods/*", "*", "pods/log"]', '["create"]')), 'rbac-pod-exec');
    assert.deepEqual(f.map((x) => [r(x), x.message.args?.resource]), [
      [[6, 16, 6, 34], 'pods/portforward'],
      [[6, 36, 6, 44], 'pods/exec (through "*/exec")'],
      [[6, 46, 6, 54], 'pods/exec, pods/attach, pods/portforward (through "pods/*")'],
      [[6, 56, 6, 59], 'pods/exec, pods/attach, pods/portforward (through "*")'],
    ]);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(rbacPodExec, {
  valid: [
    `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ops
  namespace: team
rules:
  - apiGroups: [""]
    resources: [pods/attach]
    verbs: [list]
`,
  ],
  invalid: [
    {
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ops
  namespace: team
rules:
  - apiGroups: [""]
    resources: [pods, pods/exec]
    verbs: [get, create]
`,
      errors: [{ messageId: "message", range: [7, 22, 7, 31] }],
    },
  ],
});
