import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { sec, ROLE } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { rbacSecretsAccess } from './rbac-secrets-access';

test('rbac-secrets-access: ClusterRole and Role (with its namespace); a resourceNames get is left alone', () => {
  const inRole = only(sec(ROLE), 'rbac-secrets-access');
  assert.deepEqual(inRole.map((x) => [r(x), x.message.id, x.message.args]), [[[14, 16, 14, 23], 'rule.rbac-secrets-access.messageRole', { verbs: 'get, list, watch' }]]);
  const cluster = ROLE.replace('kind: Role', 'kind: ClusterRole');
  const f = only(sec(cluster), 'rbac-secrets-access');
  assert.deepEqual(f.map(r), [[14, 16, 14, 23]]);
  assert.deepEqual(f[0].message.args, { verbs: 'get, list, watch' });
  const named = cluster.replace('verbs: [get, list, watch]', 'verbs: [get]\n    resourceNames: [tls-cert]');
  assert.deepEqual(only(sec(named), 'rbac-secrets-access'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(rbacSecretsAccess, {
  valid: [
    `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ops
  namespace: team
rules:
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [tls]
    verbs: [get]
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
    resources: [secrets]
    verbs: [get, list]
`,
      errors: [{ messageId: "messageRole", range: [7, 16, 7, 23] }],
    },
    {
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ops
  namespace: team
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [watch]
`,
      errors: [{ messageId: "message", range: [7, 16, 7, 23] }],
    },
  ],
});
