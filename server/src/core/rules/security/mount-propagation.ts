import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, getSeq, getValue, isMap, scalarString } from '../../model/yaml';
import { defineRule } from '../define';

/** `mountPropagation: Bidirectional` on a volumeMount. Range: the pair. Fix: remove it (quick fix only). */
export const mountPropagation = defineRule({
  id: 'mount-propagation',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [{ title: 'Kubernetes: mount propagation', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#mount-propagation' }],
  docs: {
    summary: 'A volumeMount uses mountPropagation: Bidirectional.',
    risk: 'Mounts made in the container propagate to the host and to other pods; it needs a privileged container.',
    fix: 'Remove mountPropagation (or use HostToContainer). In the editor the finding underlines the offending line. Quick fix only.',
  },
  messages: {
    message: 'Container "{container}" mounts "{volume}" with Bidirectional propagation.',
    fixTitle: 'Remove mountPropagation',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      for (const mount of getSeq(c.node, 'volumeMounts')?.items ?? []) {
        if (!isMap(mount)) continue;
        const pair = getPair(mount, 'mountPropagation');
        if (!pair || scalarString(pair.value) !== 'Bidirectional') continue;
        ctx.report({
          range: doc.pairRange(pair),
          message: m('message', { container: containerLabel(c), volume: scalarString(getValue(mount, 'name')) ?? '' }),
          fixes: () => [{ title: m('fixTitle'), edits: [new YamlEditor(doc).removePair(mount, pair)] }],
        });
      }
    }
  },
});
