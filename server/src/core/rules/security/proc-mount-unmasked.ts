import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, type YScalar } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { hostUsersFalse, known } from './common';
import { policyMinor, PROC_MOUNT_DEFAULT, psaRef, PSS_DOCS, USERNS_RELAX_MINOR } from './psa';

/**
 * `procMount` other than Default (PSS baseline, check_procMount_baseline.go; at restricted
 * check_procMount_restricted.go). From policy 1.35, baseline allows it in pods with `hostUsers: false`;
 * restricted never does. Range: the pair. Fix: set Default (quick fix).
 */
export const procMountUnmasked: YamlDocumentRule = {
  id: 'proc-mount-unmasked',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [
    { title: 'Pod Security Standards: /proc Mount Type', url: PSS_DOCS + '#baseline' },
    psaRef('check_procMount_baseline.go'),
    psaRef('check_procMount_restricted.go'),
  ],
  check(ctx) {
    const { doc } = ctx;
    const relax = ctx.config.pss === 'baseline' && policyMinor(ctx.config) >= USERNS_RELAX_MINOR;
    for (const c of allContainers(doc)) {
      const pair = c.securityContext ? getPair(c.securityContext, 'procMount') : undefined;
      const v = known(pair?.value);
      if (!pair || v === undefined || v === PROC_MOUNT_DEFAULT) continue;
      if (relax && hostUsersFalse(c.pod)) continue;
      ctx.report({
        range: doc.pairRange(pair),
        message: msg('rule.proc-mount-unmasked.message', { container: containerLabel(c), value: v }),
        fixes: () => [{ title: msg('rule.proc-mount-unmasked.fixTitle'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, PROC_MOUNT_DEFAULT)] }],
      });
    }
  },
};
