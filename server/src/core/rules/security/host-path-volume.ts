import { YamlEditor } from '../../fixes/yaml-edit';
import { msg } from '../../messages/catalog';
import { podsOf, podVolumes } from '../../model/pods';
import type { YNode } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { psaRef, PSS_DOCS } from './psa';

/** Any `hostPath` volume (PSS baseline "HostPath Volumes", check_hostPathVolumes.go). Range: the volume entry. */
export const hostPathVolume: YamlDocumentRule = {
  id: 'host-path-volume',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [{ title: 'Pod Security Standards: HostPath Volumes', url: PSS_DOCS + '#baseline' }, psaRef('check_hostPathVolumes.go')],
  check(ctx) {
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
          message: msg('rule.host-path-volume.message', { volume: v.name ?? `volumes[${v.index}]` }),
          fixes: () => [
            {
              title: msg('rule.host-path-volume.fixTitle'),
              edits: [{ range: { start: doc.lines.positionAt(start), end: endRange }, newText: new YamlEditor(doc).flowPair('emptyDir', {}) }],
            },
          ],
        });
      }
    }
  },
};
