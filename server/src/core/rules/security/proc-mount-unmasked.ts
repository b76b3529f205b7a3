import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, type YScalar } from '../../model/yaml';
import { hostUsersFalse, known } from './common';
import { policyMinor, PROC_MOUNT_DEFAULT, psaRef, PSS_DOCS, USERNS_RELAX_MINOR } from './psa';
import { defineRule } from '../define';

/**
 * `procMount` other than Default (PSS baseline, check_procMount_baseline.go; at restricted
 * check_procMount_restricted.go). From policy 1.35, baseline allows it in pods with `hostUsers: false`;
 * restricted never does. Range: the pair. Fix: set Default (quick fix).
 */
export const procMountUnmasked = defineRule({
  id: 'proc-mount-unmasked',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['kube-linter:unsafe-proc-mount', 'polaris:procMount', 'pss:baseline/procMount', 'pss:restricted/procMount'],
  references: [
    { title: 'Pod Security Standards: /proc Mount Type', url: PSS_DOCS + '#baseline' },
    psaRef('check_procMount_baseline.go'),
    psaRef('check_procMount_restricted.go'),
  ],
  docs: {
    summary: 'A container sets procMount to something other than Default, unmasking /proc (PSS baseline; allowed at baseline for pods with hostUsers: false from Kubernetes 1.35, never at restricted).',
    risk: 'Unmasked /proc exposes kernel interfaces the runtime normally hides from containers.',
    fix: 'Remove procMount or set it to Default. In the editor the finding underlines the offending line. Quick fix only.',
  },
  messages: {
    message: 'Container "{container}" sets procMount: {value}.',
    fixTitle: 'Set procMount to Default',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const relax = ctx.config.pss === 'baseline' && policyMinor(ctx.config) >= USERNS_RELAX_MINOR;
    for (const c of allContainers(doc)) {
      const pair = c.securityContext ? getPair(c.securityContext, 'procMount') : undefined;
      const v = known(pair?.value);
      if (!pair || v === undefined || v === PROC_MOUNT_DEFAULT) continue;
      if (relax && hostUsersFalse(c.pod)) continue;
      ctx.report({
        range: doc.pairRange(pair),
        message: m('message', { container: containerLabel(c), value: v }),
        fixes: () => [{ title: m('fixTitle'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, PROC_MOUNT_DEFAULT)] }],
      });
    }
  },
});
