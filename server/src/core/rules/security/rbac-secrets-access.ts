import { nodeRange } from './common';
import { coversCoreGroup, isRole, items, rbacRules, strings } from './rbac';
import { defineRule } from '../define';

const READ: ReadonlySet<string> = new Set(['get', 'list', 'watch', '*']);

/**
 * A Role or ClusterRole rule with get/list/watch (or `*`) on `secrets` (or every resource, `*`) in the
 * core API group: every Secret of every namespace a ClusterRole is bound in, or of the Role's own
 * namespace. A rule limited by `resourceNames` to `get` is left alone. Range: the resource entry.
 */
export const rbacSecretsAccess = defineRule({
  id: 'rbac-secrets-access',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  equivalents: ['kube-linter:access-to-secrets'],
  references: [{ title: 'Kubernetes: RBAC good practices (listing secrets)', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets' }],
  docs: {
    summary: 'A ClusterRole or Role reads Secrets (get, list or watch on secrets or on every resource).',
    risk: 'Reading Secrets cluster-wide reveals every credential, including service account tokens that escalate further.',
    fix: 'Use a namespaced Role, restrict to resourceNames, or drop the verbs. In the editor the finding underlines the `secrets` entry. No quick fix.',
    differences: {
      'kube-linter:access-to-secrets':
        'kube-linter reports the RoleBinding or ClusterRoleBinding that binds a role reading Secrets, and only when such a binding exists; Dockyard reports the role\'s rule where the grant is written, bound or not (a role is usually bound by another file or chart).',
    },
  },
  messages: {
    message: 'The ClusterRole can read Secrets ({verbs}).',
    messageRole: 'The Role can read every Secret of its namespace ({verbs}).',
  },
  check(ctx, m) {
    const { doc } = ctx;
    if (!isRole(doc)) return;
    const cluster = doc.k8s?.kind === 'ClusterRole';
    for (const r of rbacRules(doc)) {
      if (!coversCoreGroup(r)) continue;
      const verbs = strings(r.verbs).filter((v) => READ.has(v));
      if (!verbs.length) continue;
      if (strings(r.resourceNames).length && verbs.every((v) => v === 'get')) continue;
      for (const it of items(r.resources)) {
        if (it.value !== 'secrets' && it.value !== '*') continue;
        ctx.report({
          range: nodeRange(doc, it.node),
          message: cluster
            ? m('message', { verbs: verbs.join(', ') })
            : m('messageRole', { verbs: verbs.join(', ') }),
        });
      }
    }
  },
});
