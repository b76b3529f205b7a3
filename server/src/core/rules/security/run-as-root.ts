import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getPair, scalarValue, type YScalar } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { boolOf, containerAnchor, hostUsersFalse, podInsert, helmUnknown } from './common';
import { policyMinor, psaRef, PSS_DOCS, USERNS_RELAX_MINOR } from './psa';

/**
 * PSS restricted "Running as Non-root" and "Running as Non-root user" (check_runAsNonRoot.go,
 * check_runAsUser.go): `runAsUser: 0` anywhere, `runAsNonRoot: false` anywhere, or a container whose
 * effective runAsNonRoot (container, else pod) is not true. Pods with `hostUsers: false` are exempt
 * from policy 1.35 on. Ranges: the offending pair; for a missing runAsNonRoot, the container's
 * `securityContext` key (else its name). Fix: set `runAsNonRoot: true` — on the pod's securityContext
 * when it is missing everywhere (one edit covers every container), on the pair itself when it is false.
 * Never fix-all: the kubelet refuses to start an image whose user is root.
 */
export const runAsRoot: YamlDocumentRule = {
  id: 'run-as-root',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'restricted',
  fixTiers: ['review'],
  equivalents: ['kube-linter:run-as-non-root', 'polaris:runAsRootAllowed', 'pss:restricted/runAsNonRoot'],
  references: [
    { title: 'Pod Security Standards: Running as Non-root', url: PSS_DOCS + '#restricted' },
    psaRef('check_runAsNonRoot.go'),
    psaRef('check_runAsUser.go'),
  ],
  check(ctx) {
    const { doc } = ctx;
    const minor = policyMinor(ctx.config);
    for (const pod of podsOf(doc)) {
      if (minor >= USERNS_RELAX_MINOR && hostUsersFalse(pod)) continue;
      const editor = new YamlEditor(doc);
      // runAsUser: 0 at pod level (forbidden even when containers override it) and in containers.
      const podUser = pod.securityContext ? getPair(pod.securityContext, 'runAsUser') : undefined;
      if (podUser && isZero(podUser.value)) {
        ctx.report({ range: doc.pairRange(podUser), message: msg('rule.run-as-root.messageUserPod') });
      }
      const podNonRoot = pod.securityContext ? getPair(pod.securityContext, 'runAsNonRoot') : undefined;
      const podValue = boolOf(podNonRoot?.value);
      if (podNonRoot && podValue === false) {
        ctx.report({
          range: doc.pairRange(podNonRoot),
          message: msg('rule.run-as-root.messageNonRootFalsePod'),
          fixes: () => [{ title: msg('rule.run-as-root.fixTitle'), edits: [editor.setScalar(podNonRoot.value as YScalar, true)] }],
        });
      }
      for (const c of pod.containers) {
        const label = containerLabel(c);
        const user = c.securityContext ? getPair(c.securityContext, 'runAsUser') : undefined;
        if (user && isZero(user.value)) {
          ctx.report({ range: doc.pairRange(user), message: msg('rule.run-as-root.messageUser', { container: label }) });
        }
        const nonRoot = c.securityContext ? getPair(c.securityContext, 'runAsNonRoot') : undefined;
        const v = boolOf(nonRoot?.value);
        if (nonRoot && v === false) {
          ctx.report({
            range: doc.pairRange(nonRoot),
            message: msg('rule.run-as-root.messageNonRootFalse', { container: label }),
            fixes: () => [{ title: msg('rule.run-as-root.fixTitle'), edits: [editor.setScalar(nonRoot.value as YScalar, true)] }],
          });
        } else if (v === undefined && podValue !== true && !(nonRoot && scalarValue(nonRoot.value) != null)) {
          if (podNonRoot && podValue === undefined && scalarValue(podNonRoot.value) != null) continue; // templated
          // A pod-level `runAsNonRoot: false` is reported (and fixed) on its own pair.
          if (podValue === false) continue;
          if (helmUnknown(doc, c.path)) continue;
          ctx.report({
            range: containerAnchor(doc, c, 'securityContext'),
            message: msg('rule.run-as-root.messageNonRootMissing', { container: label }),
            fixes: () => [{ title: msg('rule.run-as-root.fixTitle'), edits: [editor.setPath(pod.spec, ['securityContext', 'runAsNonRoot'], true, podInsert(pod))] }],
          });
        }
      }
    }
  },
};

function isZero(n: unknown): boolean {
  const v = scalarValue(n);
  return v === 0 || v === '0';
}
