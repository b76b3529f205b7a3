import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { coversCoreGroup, isRole, items, rbacRules, strings } from './rbac';

const READ: ReadonlySet<string> = new Set(['get', 'list', 'watch', '*']);

/**
 * A Role or ClusterRole rule with get/list/watch (or `*`) on `secrets` (or every resource, `*`) in the
 * core API group: every Secret of every namespace a ClusterRole is bound in, or of the Role's own
 * namespace. A rule limited by `resourceNames` to `get` is left alone. Range: the resource entry.
 */
export const rbacSecretsAccess: YamlDocumentRule = {
  id: 'rbac-secrets-access',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes: RBAC good practices (listing secrets)', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets' }],
  check(ctx) {
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
            ? msg('rule.rbac-secrets-access.message', { verbs: verbs.join(', ') })
            : msg('rule.rbac-secrets-access.messageRole', { verbs: verbs.join(', ') }),
        });
      }
    }
  },
};
