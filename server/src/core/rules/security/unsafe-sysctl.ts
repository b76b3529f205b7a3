import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { podsOf } from '../../model/pods';
import { getSeq, getValue, isMap } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { known, nodeRange } from './common';
import { policyMinor, psaRef, PSS_DOCS, safeSysctls } from './psa';

/** A pod sysctl outside the safe set (PSS baseline "Sysctls", check_sysctls.go). Range: the sysctl entry. Fix: remove it. */
export const unsafeSysctl: YamlDocumentRule = {
  id: 'unsafe-sysctl',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [
    { title: 'Pod Security Standards: Sysctls', url: PSS_DOCS + '#baseline' },
    psaRef('check_sysctls.go'),
    { title: 'Kubernetes: safe and unsafe sysctls', url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls' },
  ],
  check(ctx) {
    const { doc } = ctx;
    const safe = safeSysctls(policyMinor(ctx.config));
    for (const pod of podsOf(doc)) {
      const seq = getSeq(pod.securityContext, 'sysctls');
      seq?.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const name = known(getValue(item, 'name'));
        if (name === undefined || safe.has(name)) return;
        ctx.report({
          range: nodeRange(doc, item),
          message: msg('rule.unsafe-sysctl.message', { sysctl: name }),
          fixes: () => [{ title: msg('rule.unsafe-sysctl.fixTitle', { sysctl: name }), edits: [new YamlEditor(doc).removeItem(seq, i)] }],
        });
      });
    }
  },
};
