import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getPair, scalarValue, type YScalar } from '../../model/yaml';
import { boolOf, containerAnchor, hostUsersFalse, podInsert, helmUnknown } from './common';
import { policyMinor, psaRef, PSS_DOCS, USERNS_RELAX_MINOR } from './psa';
import { defineRule } from '../define';

/**
 * PSS restricted "Running as Non-root" and "Running as Non-root user" (check_runAsNonRoot.go,
 * check_runAsUser.go): `runAsUser: 0` anywhere, `runAsNonRoot: false` anywhere, or a container whose
 * effective runAsNonRoot (container, else pod) is not true. Pods with `hostUsers: false` are exempt
 * from policy 1.35 on. Ranges: the offending pair; for a missing runAsNonRoot, the container's
 * `securityContext` key (else its name). Fix: set `runAsNonRoot: true` — on the pod's securityContext
 * when it is missing everywhere (one edit covers every container), on the pair itself when it is false.
 * Never fix-all: the kubelet refuses to start an image whose user is root.
 */
export const runAsRoot = defineRule({
  id: 'run-as-root',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'restricted',
  fixTiers: ['review'],
  equivalents: ['kube-linter:run-as-non-root', 'polaris:runAsRootAllowed', 'pss:restricted/runAsNonRoot', 'pss:restricted/runAsUser'],
  references: [
    { title: 'Pod Security Standards: Running as Non-root', url: PSS_DOCS + '#restricted' },
    psaRef('check_runAsNonRoot.go'),
    psaRef('check_runAsUser.go'),
  ],
  docs: {
    summary: 'A container may run as root: runAsUser is 0, or runAsNonRoot is not true at container or pod level (PSS restricted; pods with hostUsers: false are exempt).',
    risk: 'Root in a container is root on the node\'s kernel: one container escape away from the host, and able to write everything the image owns.',
    fix: 'Set runAsNonRoot: true (on the pod\'s securityContext to cover every container) and run the image as a non-root user. In the editor the finding underlines the offending line; for a missing runAsNonRoot, the container\'s securityContext key, or its name. The quick fix sets runAsNonRoot: true; never applied by "fix all", because the kubelet then refuses images whose user is root. runAsUser: 0 has no quick fix.',
  },
  messages: {
    messageUser: 'Container "{container}" runs as root (runAsUser: 0).',
    messageUserPod: 'The pod runs as root by default (runAsUser: 0).',
    messageNonRootFalse: 'Container "{container}" sets runAsNonRoot: false.',
    messageNonRootFalsePod: 'The pod sets runAsNonRoot: false.',
    messageNonRootMissing: 'Container "{container}" may run as root: neither it nor the pod sets runAsNonRoot: true.',
    fixTitle: 'Set runAsNonRoot to true',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const minor = policyMinor(ctx.config);
    for (const pod of podsOf(doc)) {
      if (minor >= USERNS_RELAX_MINOR && hostUsersFalse(pod)) continue;
      const editor = new YamlEditor(doc);
      // runAsUser: 0 at pod level (forbidden even when containers override it) and in containers.
      const podUser = pod.securityContext ? getPair(pod.securityContext, 'runAsUser') : undefined;
      if (podUser && isZero(podUser.value)) {
        ctx.report({ range: doc.pairRange(podUser), message: m('messageUserPod') });
      }
      const podNonRoot = pod.securityContext ? getPair(pod.securityContext, 'runAsNonRoot') : undefined;
      const podValue = boolOf(podNonRoot?.value);
      if (podNonRoot && podValue === false) {
        ctx.report({
          range: doc.pairRange(podNonRoot),
          message: m('messageNonRootFalsePod'),
          fixes: () => [{ title: m('fixTitle'), edits: [editor.setScalar(podNonRoot.value as YScalar, true)] }],
        });
      }
      for (const c of pod.containers) {
        const label = containerLabel(c);
        const user = c.securityContext ? getPair(c.securityContext, 'runAsUser') : undefined;
        if (user && isZero(user.value)) {
          ctx.report({ range: doc.pairRange(user), message: m('messageUser', { container: label }) });
        }
        const nonRoot = c.securityContext ? getPair(c.securityContext, 'runAsNonRoot') : undefined;
        const v = boolOf(nonRoot?.value);
        if (nonRoot && v === false) {
          ctx.report({
            range: doc.pairRange(nonRoot),
            message: m('messageNonRootFalse', { container: label }),
            fixes: () => [{ title: m('fixTitle'), edits: [editor.setScalar(nonRoot.value as YScalar, true)] }],
          });
        } else if (v === undefined && podValue !== true && !(nonRoot && scalarValue(nonRoot.value) != null)) {
          if (podNonRoot && podValue === undefined && scalarValue(podNonRoot.value) != null) continue; // templated
          // A pod-level `runAsNonRoot: false` is reported (and fixed) on its own pair.
          if (podValue === false) continue;
          if (helmUnknown(doc, c.path)) continue;
          ctx.report({
            range: containerAnchor(doc, c, 'securityContext'),
            message: m('messageNonRootMissing', { container: label }),
            fixes: () => [{ title: m('fixTitle'), edits: [editor.setPath(pod.spec, ['securityContext', 'runAsNonRoot'], true, podInsert(pod))] }],
          });
        }
      }
    }
  },
});

function isZero(n: unknown): boolean {
  const v = scalarValue(n);
  return v === 0 || v === '0';
}
