import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, isTrue, type YScalar } from '../../model/yaml';
import { defineRule } from '../define';

/**
 * `securityContext.privileged: true` gives the container every capability and all host devices:
 * PSS baseline, control "Privileged Containers" (pod-security-admission policy/check_privileged.go).
 */
export const privilegedContainer = defineRule({
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
  docs: {
    summary: 'A container runs privileged: it gets every Linux capability and access to all host devices.',
    risk: 'A privileged container can take over the node: load kernel modules, mount host filesystems, escape to the host.',
    fix: 'Set securityContext.privileged to false and grant only the capabilities the workload needs. Where privileges are really required (cinder-volume with LVM/iSCSI), suppress with a written reason. In the editor the finding underlines the `privileged: true` line. The quick fix is never applied by "fix all".',
  },
  messages: {
    message: 'Container "{container}" runs privileged (securityContext.privileged: true).',
    fixTitle: 'Set privileged to false',
  },
  check(ctx, m) {
    for (const c of allContainers(ctx.doc)) {
      const pair = c.securityContext ? getPair(c.securityContext, 'privileged') : undefined;
      if (!pair || !isTrue(pair.value)) continue;
      const editor = new YamlEditor(ctx.doc);
      ctx.report({
        range: ctx.doc.pairRange(pair),
        message: m('message', { container: containerLabel(c) }),
        fixes: () => [{ title: m('fixTitle'), edits: [editor.setScalar(pair.value as YScalar, false)] }],
      });
    }
  },
});
