import { msg } from '../../messages/catalog';
import { podsOf, podVolumes } from '../../model/pods';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { psaRef, PSS_DOCS, RESTRICTED_VOLUME_TYPES } from './psa';

/**
 * A volume whose source is outside the restricted list (check_restrictedVolumes.go: configMap, csi,
 * downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret). hostPath volumes
 * are host-path-volume's. A volume with no source defaults to emptyDir. Range: the volume entry.
 */
export const restrictedVolumeType: YamlDocumentRule = {
  id: 'restricted-volume-type',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'information',
  pss: 'restricted',
  references: [{ title: 'Pod Security Standards: Volume Types', url: PSS_DOCS + '#restricted' }, psaRef('check_restrictedVolumes.go')],
  check(ctx) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      for (const v of podVolumes(pod)) {
        const sources = v.node.items.map((p) => String((p.key as { value?: unknown })?.value)).filter((k) => k !== 'name');
        if (sources.length === 0 || sources.includes('hostPath') || sources.some((s) => RESTRICTED_VOLUME_TYPES.has(s))) continue;
        ctx.report({
          range: nodeRange(doc, v.node),
          message: msg('rule.restricted-volume-type.message', { volume: v.name ?? `volumes[${v.index}]`, type: sources[0] }),
        });
      }
    }
  },
};
