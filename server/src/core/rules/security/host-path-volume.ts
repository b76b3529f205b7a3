import { YamlEditor } from '../../fixes/yaml-edit';
import { podsOf, podVolumes } from '../../model/pods';
import type { YNode } from '../../model/yaml';
import { nodeRange } from './common';
import { psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/** Any `hostPath` volume (PSS baseline "HostPath Volumes", check_hostPathVolumes.go). Range: the volume entry. */
export const hostPathVolume = defineRule({
  id: 'host-path-volume',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['polaris:hostPathSet', 'pss:baseline/hostPathVolumes'],
  references: [{ title: 'Pod Security Standards: HostPath Volumes', url: PSS_DOCS + '#baseline' }, psaRef('check_hostPathVolumes.go')],
  docs: {
    summary: 'A hostPath volume mounts a directory of the node into the pod (PSS baseline forbids it).',
    risk: 'hostPath ties the pod to one node and exposes the node\'s filesystem; a writable one lets the pod change the host.',
    fix: 'Use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a CSI volume instead. In the editor the finding underlines the volume entry. The quick fix replaces `hostPath:` with `emptyDir: {}`; it changes what the pod sees, so it is never applied by "fix all".',
  },
  messages: {
    message: 'Volume "{volume}" is a hostPath volume.',
    fixTitle: 'Replace with emptyDir: {}',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      for (const v of podVolumes(pod)) {
        const sp = v.node.items.find((p) => (p.key as { value?: unknown })?.value === 'hostPath');
        if (!sp) continue;
        const key = sp.key as YNode;
        const value = sp.value as YNode | null;
        // Replace `hostPath: …` (key through the end of its value) with `emptyDir: {}`.
        const start = key.range![0];
        const endRange = value?.range ? nodeRange(doc, value).end : doc.keyRange(sp).end;
        ctx.report({
          range: nodeRange(doc, v.node),
          message: m('message', { volume: v.name ?? `volumes[${v.index}]` }),
          fixes: () => [
            {
              title: m('fixTitle'),
              edits: [{ range: { start: doc.lines.positionAt(start), end: endRange }, newText: new YamlEditor(doc).flowPair('emptyDir', {}) }],
            },
          ],
        });
      }
    }
  },
});
