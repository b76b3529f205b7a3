import { test, describe } from 'node:test';
import { only, r, lintWorkspace as workspace } from '../../../../../test/helpers';
import { sec, role, ALL, binding } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { rbacClusterAdminBinding } from './rbac-cluster-admin-binding';

test('rbac-cluster-admin-binding: subjects outside system:, service accounts always', () => {
  const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: Group
    name: system:masters
  - kind: ServiceAccount
    name: deployer
    namespace: ci
  - kind: User
    name: alice
`;
  const f = only(sec(text), 'rbac-cluster-admin-binding');
  assert.deepEqual(f.map(r), [[11, 4, 13, 17], [14, 4, 15, 15]]);
  assert.equal(f[0].severity, 'error');
  assert.deepEqual(only(sec(text.replace('name: cluster-admin', 'name: view')), 'rbac-cluster-admin-binding'), []);
});

describe('rbac-cluster-admin-binding: roles resolved as the API server resolves them', () => {
  test('a workspace ClusterRole granting * on * in * is cluster-admin-equivalent (another file); the finding points at its definition', () => {
    const files = { '/ws/rbac/role.yaml': role('ClusterRole', 'everything', ALL), '/ws/rbac/binding.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'everything') };
    const f = only(workspace(files, '/ws/rbac/binding.yaml'), 'rbac-cluster-admin-binding');
    assert.deepEqual(f.map((x) => [r(x), x.message.id, x.message.args]), [
      [[9, 4, 11, 17], 'rule.rbac-cluster-admin-binding.messageEquivalent', { kind: 'ServiceAccount', name: 'deployer', role: 'everything' }],
    ]);
    assert.deepEqual(f[0].related?.map((x) => [x.path, x.range.start.line, x.message.id]), [['/ws/rbac/role.yaml', 3, 'rule.rbac-cluster-admin-binding.relatedRole']]);
  });

  test('a RoleBinding is reported with its namespace, through a ClusterRole or a Role of that namespace (same file)', () => {
    const text = role('Role', 'ns-admin', ALL, '') .replace('  name: ns-admin\n', '  name: ns-admin\n  namespace: team-a\n') + '---\n' + binding('RoleBinding', 'Role', 'ns-admin', 'team-a');
    const f = only(workspace({ '/ws/a.yaml': text }, '/ws/a.yaml'), 'rbac-cluster-admin-binding');
    assert.deepEqual(f.map((x) => [r(x), x.message.args]), [[[20, 4, 22, 17], { kind: 'ServiceAccount', name: 'deployer', role: 'ns-admin', roleKind: 'Role', namespace: 'team-a' }]]);
    const toBuiltIn = only(sec(binding('RoleBinding', 'ClusterRole', 'cluster-admin', 'team-b')), 'rbac-cluster-admin-binding');
    assert.deepEqual(toBuiltIn.map((x) => [x.message.id, x.message.args?.namespace]), [['rule.rbac-cluster-admin-binding.messageNamespace', 'team-b']]);
    // Without a namespace (set at apply time) the scope is said as such.
    const unset = only(sec(binding('RoleBinding', 'ClusterRole', 'cluster-admin')), 'rbac-cluster-admin-binding');
    assert.deepEqual(unset.map((x) => x.message.id), ['rule.rbac-cluster-admin-binding.messageAppliedNamespace']);
    // A Role of another namespace is not the one the binding names.
    const other = text.replace('namespace: team-a\nroleRef', 'namespace: team-b\nroleRef');
    assert.deepEqual(only(workspace({ '/ws/a.yaml': other }, '/ws/a.yaml'), 'rbac-cluster-admin-binding'), []);
  });

  test('every read and write verb on * resources in * groups is cluster-admin-equivalent too (ClusterRole and namespaced Role); a verb short, a group or resourceNames named, it is not', () => {
    const rw = (verbs: string, extra = '') => `  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: [${verbs}]\n${extra}`;
    const ALL_RW = '"get", "list", "watch", "create", "update", "patch", "delete"';
    const files = { '/ws/role.yaml': role('ClusterRole', 'operator', rw(ALL_RW)), '/ws/binding.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'operator') };
    const f = only(workspace(files, '/ws/binding.yaml'), 'rbac-cluster-admin-binding');
    assert.deepEqual(f.map((x) => [r(x), x.message.id, x.message.args]), [
      [[9, 4, 11, 17], 'rule.rbac-cluster-admin-binding.messageEquivalent', { kind: 'ServiceAccount', name: 'deployer', role: 'operator' }],
    ]);
    assert.deepEqual(f[0].related?.map((x) => [x.path, x.message.id, x.message.args]), [['/ws/role.yaml', 'rule.rbac-cluster-admin-binding.relatedRoleReadWrite', { roleKind: 'ClusterRole', role: 'operator' }]]);
    // In another order, with deletecollection besides: the same.
    const more = { ...files, '/ws/role.yaml': role('ClusterRole', 'operator', rw('"delete", "deletecollection", "patch", "update", "create", "watch", "list", "get"')) };
    assert.equal(only(workspace(more, '/ws/binding.yaml'), 'rbac-cluster-admin-binding').length, 1);
    // A namespaced Role in the same file.
    const ns = role('Role', 'ns-operator', rw(ALL_RW), '').replace('  name: ns-operator\n', '  name: ns-operator\n  namespace: team-a\n') + '---\n' + binding('RoleBinding', 'Role', 'ns-operator', 'team-a');
    assert.deepEqual(only(workspace({ '/ws/a.yaml': ns }, '/ws/a.yaml'), 'rbac-cluster-admin-binding').map((x) => [x.message.id, x.message.args?.namespace]), [['rule.rbac-cluster-admin-binding.messageNamespace', 'team-a']]);
    // Without delete; only the core group; only some resource names: not everything.
    for (const narrower of [rw('"get", "list", "watch", "create", "update", "patch"'), rw(ALL_RW).replace('apiGroups: ["*"]', 'apiGroups: [""]'), rw(ALL_RW, '    resourceNames: ["one"]\n')]) {
      const g = { ...files, '/ws/role.yaml': role('ClusterRole', 'operator', narrower) };
      assert.deepEqual(only(workspace(g, '/ws/binding.yaml'), 'rbac-cluster-admin-binding'), [], narrower);
    }
  });

  test('a ClusterRole that aggregates an admin-equivalent role by labels is equivalent too', () => {
    const files = {
      '/ws/roles.yaml':
        role('ClusterRole', 'root-rules', ALL, '').replace('  name: root-rules\n', '  name: root-rules\n  labels:\n    example.com/aggregate-to-ops: "true"\n') +
        '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ops\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels:\n        example.com/aggregate-to-ops: "true"\nrules: []\n',
      '/ws/binding.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'ops'),
    };
    const f = only(workspace(files, '/ws/binding.yaml'), 'rbac-cluster-admin-binding');
    assert.deepEqual(f.map((x) => [x.message.args?.role, x.related?.[0].message.id]), [['ops', 'rule.rbac-cluster-admin-binding.relatedAggregated']]);
  });

  test('a workspace ClusterRole named cluster-admin with fewer rights is still cluster-admin (the API server restores it) unless autoupdate is "false"; built-in-looking names are not exempt', () => {
    const narrow = `  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]\n`;
    const files = { '/ws/r.yaml': role('ClusterRole', 'cluster-admin', narrow), '/ws/b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin') };
    const f = only(workspace(files, '/ws/b.yaml'), 'rbac-cluster-admin-binding');
    assert.deepEqual(f.map((x) => [r(x), x.message.id, x.message.args]), [[[9, 4, 11, 17], 'rule.rbac-cluster-admin-binding.message', { kind: 'ServiceAccount', name: 'deployer', binding: 'ClusterRoleBinding' }]]);
    assert.deepEqual(f[0].related?.map((x) => [x.path, x.range.start.line, x.message.id]), [['/ws/r.yaml', 3, 'rule.rbac-cluster-admin-binding.relatedRestored']]);
    // Annotated autoupdate "false", the API server keeps it as written: judged by its rules.
    const kept = role('ClusterRole', 'cluster-admin', narrow).replace('  name: cluster-admin\n', '  name: cluster-admin\n  annotations:\n    rbac.authorization.kubernetes.io/autoupdate: "false"\n');
    assert.deepEqual(only(workspace({ ...files, '/ws/r.yaml': kept }, '/ws/b.yaml'), 'rbac-cluster-admin-binding'), []);
    // Another role with fewer rights is judged by its rules, whatever it is called.
    const view = { '/ws/r.yaml': role('ClusterRole', 'cluster-viewer', narrow), '/ws/b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'cluster-viewer') };
    assert.deepEqual(only(workspace(view, '/ws/b.yaml'), 'rbac-cluster-admin-binding'), []);
    const files2 = { '/ws/r.yaml': role('ClusterRole', 'edit', ALL), '/ws/b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'edit') };
    assert.equal(only(workspace(files2, '/ws/b.yaml'), 'rbac-cluster-admin-binding').length, 1);
    // The built-in edit/admin roles (not defined in the workspace) are not cluster-admin.
    assert.deepEqual(only(sec(binding('ClusterRoleBinding', 'ClusterRole', 'admin')), 'rbac-cluster-admin-binding'), []);
  });
});

test('rbac-cluster-admin-binding: a templated subject name (Helm) is shown as written', () => {
  const text = binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin').replace('name: deployer', 'name: {{ $serviceAccountName }}');
  const f = only(sec(text, {}, '/ws/chart/templates/crb.yaml'), 'rbac-cluster-admin-binding');
  assert.deepEqual(f.map((x) => x.message.args?.name), ['{{ $serviceAccountName }}']);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(rbacClusterAdminBinding, {
  valid: [
    `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: Group
    name: system:masters
    apiGroup: rbac.authorization.k8s.io
`,
    `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: User
    name: alice
    apiGroup: rbac.authorization.k8s.io
`,
  ],
  invalid: [
    {
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: User
    name: alice
    apiGroup: rbac.authorization.k8s.io
`,
      errors: [{ messageId: "message", range: [9, 4, 11, 39], severity: "error" }],
    },
  ],
});
