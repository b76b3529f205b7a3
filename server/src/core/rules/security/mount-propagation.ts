import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, getSeq, getValue, isMap, scalarString } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';

/** `mountPropagation: Bidirectional` on a volumeMount. Range: the pair. Fix: remove it (quick fix only). */
export const mountPropagation: YamlDocumentRule = {
  id: 'mount-propagation',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [{ title: 'Kubernetes: mount propagation', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#mount-propagation' }],
  check(ctx) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      for (const m of getSeq(c.node, 'volumeMounts')?.items ?? []) {
        if (!isMap(m)) continue;
        const pair = getPair(m, 'mountPropagation');
        if (!pair || scalarString(pair.value) !== 'Bidirectional') continue;
        ctx.report({
          range: doc.pairRange(pair),
          message: msg('rule.mount-propagation.message', { container: containerLabel(c), volume: scalarString(getValue(m, 'name')) ?? '' }),
          fixes: () => [{ title: msg('rule.mount-propagation.fixTitle'), edits: [new YamlEditor(doc).removePair(m, pair)] }],
        });
      }
    }
  },
};
