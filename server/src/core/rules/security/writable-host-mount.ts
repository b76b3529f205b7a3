import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel, volumeByName } from '../../model/pods';
import { getPair, getSeq, getValue, isMap, scalarString, type YScalar } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { boolOf, nodeRange } from './common';

/**
 * A volumeMount of a hostPath volume without `readOnly: true`. Range: the volumeMount entry.
 * Fix: add `readOnly: true` (fix-all when the field is absent; a deliberate `readOnly: false` is only
 * offered as a quick fix).
 */
export const writableHostMount: YamlDocumentRule = {
  id: 'writable-host-mount',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['safe', 'review'],
  references: [{ title: 'Kubernetes: hostPath volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
  check(ctx) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      const mounts = getSeq(c.node, 'volumeMounts');
      if (!mounts) continue;
      for (const m of mounts.items) {
        if (!isMap(m)) continue;
        const name = scalarString(getValue(m, 'name'));
        const vol = volumeByName(c.pod, name);
        if (!vol || !getPair(vol.node, 'hostPath')) continue;
        const ro = getPair(m, 'readOnly');
        const value = boolOf(ro?.value);
        if (value === true || (ro && value === undefined && scalarString(ro.value) !== undefined)) continue;
        const editor = new YamlEditor(doc);
        const explicit = ro && value === false;
        ctx.report({
          range: nodeRange(doc, m),
          message: msg('rule.writable-host-mount.message', {
            container: containerLabel(c),
            volume: name ?? '',
            path: scalarString(getValue(m, 'mountPath')) ?? '',
          }),
          fixes: () => [
            explicit
              ? { title: msg('rule.writable-host-mount.fixTitle'), edits: [editor.setScalar(ro.value as YScalar, true)], tier: 'review' }
              : { title: msg('rule.writable-host-mount.fixTitle'), edits: [editor.setKey(m, 'readOnly', true)], tier: 'safe' },
          ],
        });
      }
    }
  },
};
