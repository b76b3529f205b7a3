import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel, volumeByName } from '../../model/pods';
import { getPair, getSeq, getValue, isMap, scalarString, type YScalar } from '../../model/yaml';
import { boolOf, nodeRange } from './common';
import { defineRule } from '../define';

/**
 * A volumeMount of a hostPath volume without `readOnly: true`. Range: the volumeMount entry.
 * Fix: add `readOnly: true` (fix-all when the field is absent; a deliberate `readOnly: false` is only
 * offered as a quick fix).
 */
export const writableHostMount = defineRule({
  id: 'writable-host-mount',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['safe', 'review'],
  equivalents: ['kube-linter:writable-host-mount'],
  references: [{ title: 'Kubernetes: hostPath volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
  docs: {
    summary: 'A hostPath volume is mounted without readOnly: true.',
    risk: 'A writable host mount lets the container change files on the node, which outlive the pod and affect every other workload there.',
    fix: 'Add readOnly: true to the volumeMount unless the workload must write there. In the editor the finding underlines the volumeMount entry. Adding the missing field joins "fix all"; turning an explicit readOnly: false into true is a quick fix only.',
  },
  messages: {
    message: 'Container "{container}" mounts hostPath volume "{volume}" at {path} writable.',
    fixTitle: 'Add readOnly: true',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      const mounts = getSeq(c.node, 'volumeMounts');
      if (!mounts) continue;
      for (const mount of mounts.items) {
        if (!isMap(mount)) continue;
        const name = scalarString(getValue(mount, 'name'));
        const vol = volumeByName(c.pod, name);
        if (!vol || !getPair(vol.node, 'hostPath')) continue;
        const ro = getPair(mount, 'readOnly');
        const value = boolOf(ro?.value);
        if (value === true || (ro && value === undefined && scalarString(ro.value) !== undefined)) continue;
        const editor = new YamlEditor(doc);
        const explicit = ro && value === false;
        ctx.report({
          range: nodeRange(doc, mount),
          message: m('message', {
            container: containerLabel(c),
            volume: name ?? '',
            path: scalarString(getValue(mount, 'mountPath')) ?? '',
          }),
          fixes: () => [
            explicit
              ? { title: m('fixTitle'), edits: [editor.setScalar(ro.value as YScalar, true)], tier: 'review' }
              : { title: m('fixTitle'), edits: [editor.setKey(mount, 'readOnly', true)], tier: 'safe' },
          ],
        });
      }
    }
  },
});
