import { nodeRange } from './common';
import { isRole, items, rbacRules } from './rbac';
import { defineRule } from '../define';

/**
 * A Role/ClusterRole rule with `*` in apiGroups, resources or verbs (a resource such as `pods/*` or
 * `*\/scale` counts too). Range: the wildcard entry. No fix: list what the workload needs.
 */
export const rbacWildcard = defineRule({
  id: 'rbac-wildcard',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  equivalents: ['kube-linter:wildcard-in-rules'],
  references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege' }],
  docs: {
    summary: 'A Role or ClusterRole rule uses * in apiGroups, resources or verbs.',
    risk: 'Wildcards grant every present and future resource or verb, including ones added by later CRDs.',
    fix: 'List the API groups, resources and verbs the workload uses. In the editor the finding underlines the wildcard entry. No quick fix.',
  },
  messages: {
    message: 'Wildcard "{value}" in {field}.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    if (!isRole(doc)) return;
    for (const r of rbacRules(doc)) {
      for (const [field, seq] of [['apiGroups', r.apiGroups], ['resources', r.resources], ['verbs', r.verbs]] as const) {
        for (const it of items(seq)) {
          if (!it.value.includes('*')) continue;
          ctx.report({ range: nodeRange(doc, it.node), message: m('message', { field, value: it.value }) });
        }
      }
    }
  },
});
