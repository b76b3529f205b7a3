import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, scalarValue, type YScalar } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { boolOf, containerAnchor, containerInsert, helmUnknown } from './common';

/**
 * `readOnlyRootFilesystem` not true. Range: the pair when false; else the container's
 * `securityContext` key (else its name). Fix: set it true (quick fix only: many images write to /).
 */
export const writableRootFilesystem: YamlDocumentRule = {
  id: 'writable-root-filesystem',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  references: [{ title: 'Kubernetes: SecurityContext', url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1' }],
  check(ctx) {
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
        message: msg(explicit ? 'rule.writable-root-filesystem.messageFalse' : 'rule.writable-root-filesystem.message', { container: containerLabel(c) }),
        fixes: () => [
          {
            title: msg('rule.writable-root-filesystem.fixTitle'),
            edits: [explicit ? editor.setScalar(pair.value as YScalar, true) : editor.setPath(c.node, ['securityContext', 'readOnlyRootFilesystem'], true, containerInsert(c))],
          },
        ],
      });
    }
  },
};
