import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { coversCoreGroup, isRole, items, rbacRules, strings } from './rbac';

const EXEC = new Set(['pods/exec', 'pods/attach', 'pods/*']);

/**
 * A Role/ClusterRole rule granting `pods/exec` or `pods/attach` (or `pods/*`) with create, get or `*`
 * in the core API group: a shell in every matching pod. Range: the resource entry.
 */
export const rbacPodExec: YamlDocumentRule = {
  id: 'rbac-pod-exec',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes: RBAC good practices (pods/exec)', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks' }],
  check(ctx) {
    const { doc } = ctx;
    if (!isRole(doc)) return;
    for (const r of rbacRules(doc)) {
      if (!coversCoreGroup(r)) continue;
      const verbs = strings(r.verbs);
      if (!verbs.some((v) => v === 'create' || v === 'get' || v === '*')) continue;
      for (const it of items(r.resources)) {
        if (!EXEC.has(it.value)) continue;
        ctx.report({ range: nodeRange(doc, it.node), message: msg('rule.rbac-pod-exec.message', { resource: it.value, verbs: verbs.join(', ') }) });
      }
    }
  },
};
