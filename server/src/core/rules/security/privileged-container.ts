import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, isTrue, type YScalar } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';

/**
 * `securityContext.privileged: true` gives the container every capability and all host devices:
 * PSS baseline, control "Privileged Containers" (pod-security-admission policy/check_privileged.go).
 */
export const privilegedContainer: YamlDocumentRule = {
  id: 'privileged-container',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['kube-linter:privileged-container', 'polaris:runAsPrivileged', 'pss:baseline/privileged'],
  references: [
    { title: 'Pod Security Standards: Privileged Containers', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'pod-security-admission policy/check_privileged.go', url: 'https://github.com/kubernetes/pod-security-admission/blob/master/policy/check_privileged.go' },
  ],
  check(ctx) {
    for (const c of allContainers(ctx.doc)) {
      const pair = c.securityContext ? getPair(c.securityContext, 'privileged') : undefined;
      if (!pair || !isTrue(pair.value)) continue;
      const editor = new YamlEditor(ctx.doc);
      ctx.report({
        range: ctx.doc.pairRange(pair),
        message: msg('rule.privileged-container.message', { container: containerLabel(c) }),
        fixes: () => [{ title: msg('rule.privileged-container.fixTitle'), edits: [editor.setScalar(pair.value as YScalar, false)] }],
      });
    }
  },
};
