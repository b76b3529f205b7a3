import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { coversCoreGroup, isRole, items, rbacRules, strings } from './rbac';

const READ = new Set(['get', 'list', 'watch', '*']);

/**
 * A ClusterRole rule with get/list/watch (or `*`) on `secrets` in the core API group: every Secret
 * of every namespace it is bound in. A rule limited by `resourceNames` to `get` is left alone.
 * Range: the `secrets` entry.
 */
export const rbacSecretsAccess: YamlDocumentRule = {
  id: 'rbac-secrets-access',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes: RBAC good practices (listing secrets)', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets' }],
  check(ctx) {
    const { doc } = ctx;
    if (!isRole(doc, true)) return;
    for (const r of rbacRules(doc)) {
      if (!coversCoreGroup(r)) continue;
      const verbs = strings(r.verbs).filter((v) => READ.has(v));
      if (!verbs.length) continue;
      if (strings(r.resourceNames).length && verbs.every((v) => v === 'get')) continue;
      for (const it of items(r.resources)) {
        if (it.value !== 'secrets') continue;
        ctx.report({ range: nodeRange(doc, it.node), message: msg('rule.rbac-secrets-access.message', { verbs: verbs.join(', ') }) });
      }
    }
  },
};
