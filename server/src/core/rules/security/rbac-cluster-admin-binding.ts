import { msg } from '../../messages/catalog';
import { getSeq, getValue, isMap, scalarString } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { getRoleRef, RBAC_GROUP } from './rbac';

/**
 * A RoleBinding/ClusterRoleBinding to the `cluster-admin` ClusterRole for a subject outside
 * `system:` (users, groups; ServiceAccounts are always reported: an application account with
 * cluster-admin is the classic escalation path). Range: the subject entry.
 */
export const rbacClusterAdminBinding: YamlDocumentRule = {
  id: 'rbac-cluster-admin-binding',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege' }],
  check(ctx) {
    const { doc } = ctx;
    const id = doc.k8s;
    if (!id || id.group !== RBAC_GROUP || (id.kind !== 'ClusterRoleBinding' && id.kind !== 'RoleBinding')) return;
    const ref = getRoleRef(doc);
    if (ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') return;
    const root = doc.contents;
    if (!isMap(root)) return;
    for (const s of getSeq(root, 'subjects')?.items ?? []) {
      if (!isMap(s)) continue;
      const kind = scalarString(getValue(s, 'kind')) ?? '';
      const name = scalarString(getValue(s, 'name')) ?? '';
      if (kind !== 'ServiceAccount' && name.startsWith('system:')) continue;
      ctx.report({ range: nodeRange(doc, s), message: msg('rule.rbac-cluster-admin-binding.message', { kind, name, binding: id.kind }) });
    }
  },
};
