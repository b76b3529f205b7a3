import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, scalarValue, type YScalar } from '../../model/yaml';
import { boolOf, containerAnchor, containerInsert, helmUnknown } from './common';
import { defineRule } from '../define';

/**
 * `readOnlyRootFilesystem` not true. Range: the pair when false; else the container's
 * `securityContext` key (else its name). Fix: set it true (quick fix only: many images write to /).
 */
export const writableRootFilesystem = defineRule({
  id: 'writable-root-filesystem',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  equivalents: ['kube-linter:no-read-only-root-fs', 'polaris:notReadOnlyRootFilesystem'],
  references: [{ title: 'Kubernetes: SecurityContext', url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1' }],
  docs: {
    summary: 'A container\'s root filesystem is writable (readOnlyRootFilesystem is not true).',
    risk: 'An attacker can drop tools and change binaries or configuration inside the container.',
    fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process must write (/tmp, caches). In the editor the finding underlines the offending line when false; else the container\'s securityContext key, or its name. Quick fix only: many images write to their filesystem.',
  },
  messages: {
    message: 'Container "{container}" has a writable root filesystem (readOnlyRootFilesystem is not set).',
    messageFalse: 'Container "{container}" has a writable root filesystem (readOnlyRootFilesystem: false).',
    fixTitle: 'Set readOnlyRootFilesystem to true',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      const pair = c.securityContext ? getPair(c.securityContext, 'readOnlyRootFilesystem') : undefined;
      const v = boolOf(pair?.value);
      if (v === true || (pair && v === undefined && scalarValue(pair.value) != null)) continue;
      const editor = new YamlEditor(doc);
      const explicit = pair && v === false;
      if (!explicit && helmUnknown(doc, c.path)) continue;
      ctx.report({
        range: explicit ? doc.pairRange(pair) : containerAnchor(doc, c, 'securityContext'),
        message: m(explicit ? 'messageFalse' : 'message', { container: containerLabel(c) }),
        fixes: () => [
          {
            title: m('fixTitle'),
            edits: [explicit ? editor.setScalar(pair.value as YScalar, true) : editor.setPath(c.node, ['securityContext', 'readOnlyRootFilesystem'], true, containerInsert(c))],
          },
        ],
      });
    }
  },
});
