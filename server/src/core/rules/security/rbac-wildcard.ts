import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { isRole, items, rbacRules } from './rbac';

/**
 * A Role/ClusterRole rule with `*` in apiGroups, resources or verbs (a resource such as `pods/*` or
 * `*\/scale` counts too). Range: the wildcard entry. No fix: list what the workload needs.
 */
export const rbacWildcard: YamlDocumentRule = {
  id: 'rbac-wildcard',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege' }],
  check(ctx) {
    const { doc } = ctx;
    if (!isRole(doc)) return;
    for (const r of rbacRules(doc)) {
      for (const [field, seq] of [['apiGroups', r.apiGroups], ['resources', r.resources], ['verbs', r.verbs]] as const) {
        for (const it of items(seq)) {
          if (!it.value.includes('*')) continue;
          ctx.report({ range: nodeRange(doc, it.node), message: msg('rule.rbac-wildcard.message', { field, value: it.value }) });
        }
      }
    }
  },
};
