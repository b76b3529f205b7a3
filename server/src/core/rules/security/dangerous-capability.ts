import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getSeq, isScalar } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { known, nodeRange } from './common';
import { BASELINE_CAPABILITIES, psaRef, PSS_DOCS } from './psa';

/**
 * `capabilities.add` entries outside the baseline allow-list (check_capabilities_baseline.go compares
 * the literal strings: `CAP_SYS_ADMIN`, `sys_admin` and `ALL` are outside it too). Range: the entry.
 */
export const dangerousCapability: YamlDocumentRule = {
  id: 'dangerous-capability',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [{ title: 'Pod Security Standards: Capabilities', url: PSS_DOCS + '#baseline' }, psaRef('check_capabilities_baseline.go')],
  check(ctx) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      const add = getSeq(getMap(c.securityContext, 'capabilities'), 'add');
      if (!add) continue;
      add.items.forEach((item, i) => {
        if (!isScalar(item)) return;
        const cap = known(item);
        if (cap === undefined || BASELINE_CAPABILITIES.has(cap)) return;
        ctx.report({
          range: nodeRange(doc, item),
          message: msg('rule.dangerous-capability.message', { container: containerLabel(c), capability: cap }),
          fixes: () => [{ title: msg('rule.dangerous-capability.fixTitle', { capability: cap }), edits: [new YamlEditor(doc).removeItem(add, i)] }],
        });
      });
    }
  },
};
