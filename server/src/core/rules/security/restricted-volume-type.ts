import { podsOf, podVolumes } from '../../model/pods';
import { nodeRange } from './common';
import { psaRef, PSS_DOCS, RESTRICTED_VOLUME_TYPES } from './psa';
import { defineRule } from '../define';

/**
 * A volume whose source is outside the restricted list (check_restrictedVolumes.go: configMap, csi,
 * downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret). hostPath volumes
 * are host-path-volume's. A volume with no source defaults to emptyDir. Range: the volume entry.
 */
export const restrictedVolumeType = defineRule({
  id: 'restricted-volume-type',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'information',
  pss: 'restricted',
  equivalents: ['pss:restricted/restrictedVolumes'],
  references: [{ title: 'Pod Security Standards: Volume Types', url: PSS_DOCS + '#restricted' }, psaRef('check_restrictedVolumes.go')],
  docs: {
    summary: 'A volume type outside the restricted list (configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret).',
    risk: 'In-tree volume types (nfs, iscsi, rbd, cephfs …) let the pod name storage directly instead of through a PersistentVolume an administrator controls.',
    fix: 'Use a PersistentVolumeClaim (or CSI) instead. In the editor the finding underlines the volume entry. hostPath volumes are reported by host-path-volume. No quick fix.',
  },
  messages: {
    message: 'Volume "{volume}" has the type {type}, outside the restricted list.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      for (const v of podVolumes(pod)) {
        const sources = v.node.items.map((p) => String((p.key as { value?: unknown })?.value)).filter((k) => k !== 'name');
        if (sources.length === 0 || sources.includes('hostPath') || sources.some((s) => RESTRICTED_VOLUME_TYPES.has(s))) continue;
        ctx.report({
          range: nodeRange(doc, v.node),
          message: m('message', { volume: v.name ?? `volumes[${v.index}]`, type: sources[0] }),
        });
      }
    }
  },
});
