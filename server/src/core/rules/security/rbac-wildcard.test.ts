import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec, ROLE } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { rbacWildcard } from './rbac-wildcard';

test('rbac-wildcard: each wildcard entry', () => {
  const f = only(sec(ROLE), 'rbac-wildcard');
  assert.deepEqual(f.map(r), [[11, 8, 11, 11]]);
  assert.deepEqual(f[0].message.args, { field: 'resources', value: '*' });
  assert.equal(f[0].fixes, undefined);
  const all = `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: x}\nrules:\n- apiGroups: ["*"]\n  resources: ["deployments/*"]\n  verbs: ["*"]\n`;
  assert.deepEqual(only(sec(all), 'rbac-wildcard').map(r), [[4, 14, 4, 17], [5, 14, 5, 29], [6, 10, 6, 13]]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(rbacWildcard, {
  valid: [
    `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ops
  namespace: team
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, list]
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
    resources: ["*"]
    verbs: [get]
`,
      errors: [{ messageId: "message", range: [7, 16, 7, 19], args: {"field": "resources", "value": "*"} }],
    },
  ],
});
