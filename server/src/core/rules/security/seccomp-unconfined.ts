import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, type YScalar, type YMap } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { containerAnchor, containerInsert, isWindowsPod, known, podInsert, helmUnknown } from './common';
import { psaRef, PSS_DOCS, SECCOMP_RESTRICTED_TYPES, SECCOMP_UNCONFINED } from './psa';

/**
 * Seccomp (PSS "both"): at baseline only an explicit `Unconfined` profile is flagged
 * (check_seccompProfile_baseline.go); at restricted every container must also end up with
 * RuntimeDefault or Localhost, its own or the pod's (check_seccompProfile_restricted.go; Windows pods
 * exempt). Ranges: the `type` pair of an Unconfined profile; for a missing profile the container's
 * `securityContext` key (else its name). Fixes: a missing profile gets `seccompProfile: {type:
 * RuntimeDefault}` on the pod's securityContext (one edit for every container; fix-all); an explicit
 * Unconfined becomes RuntimeDefault (quick fix only).
 */
export const seccompUnconfined: YamlDocumentRule = {
  id: 'seccomp-unconfined',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'both',
  fixTiers: ['safe', 'review'],
  references: [
    { title: 'Pod Security Standards: Seccomp', url: PSS_DOCS + '#baseline' },
    psaRef('check_seccompProfile_baseline.go'),
    psaRef('check_seccompProfile_restricted.go'),
  ],
  check(ctx) {
    const { doc } = ctx;
    const restricted = ctx.config.pss === 'restricted';
    for (const pod of podsOf(doc)) {
      const editor = new YamlEditor(doc);
      const podType = typeOf(pod.securityContext);
      if (podType.value === SECCOMP_UNCONFINED) reportUnconfined(podType.pair!, msg('rule.seccomp-unconfined.messageUnconfinedPod'));
      const podOk = podType.value !== undefined && SECCOMP_RESTRICTED_TYPES.has(podType.value);
      let podFixOffered = false;
      for (const c of pod.containers) {
        const t = typeOf(c.securityContext);
        const label = containerLabel(c);
        if (t.value === SECCOMP_UNCONFINED) {
          reportUnconfined(t.pair!, msg('rule.seccomp-unconfined.messageUnconfined', { container: label }));
          continue;
        }
        if (!restricted || isWindowsPod(pod) || t.templated || podType.templated) continue;
        if (t.value !== undefined && SECCOMP_RESTRICTED_TYPES.has(t.value)) continue;
        if (t.value === undefined && podOk) continue;
        if (t.value === undefined && helmUnknown(doc, c.path)) continue;
        if (t.value === undefined && podType.value === SECCOMP_UNCONFINED) continue; // reported on the pod's pair
        // Missing (or an unknown type): point at the container, fix on the pod unless the container has its own profile.
        const edit = () =>
          t.pair || t.profilePair
            ? editor.setPath(c.node, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault', containerInsert(c))
            : editor.setPath(pod.spec, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault', podInsert(pod));
        // The pod-level edit is the same for every container: only the first finding offers it to "fix all".
        const onPod = !t.pair && !t.profilePair;
        const fixAll = onPod && !podFixOffered;
        if (onPod) podFixOffered = true;
        ctx.report({
          range: t.pair ? doc.pairRange(t.pair) : containerAnchor(doc, c, 'securityContext'),
          message: msg('rule.seccomp-unconfined.messageMissing', { container: label }),
          fixes: () => [{ title: msg('rule.seccomp-unconfined.fixTitle'), edits: [edit()], tier: fixAll ? 'safe' : 'review' }],
        });
      }
    }

    function reportUnconfined(pair: NonNullable<TypeInfo['pair']>, message: ReturnType<typeof msg>): void {
      ctx.report({
        range: doc.pairRange(pair),
        message,
        fixes: () => [{ title: msg('rule.seccomp-unconfined.fixTitle'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, 'RuntimeDefault')], tier: 'review' }],
      });
    }
  },
};

interface TypeInfo {
  value?: string;
  templated?: boolean;
  pair?: ReturnType<typeof getPair>;
  profilePair?: ReturnType<typeof getPair>;
}

function typeOf(sc: YMap | undefined): TypeInfo {
  if (!sc) return {};
  const profilePair = getPair(sc, 'seccompProfile');
  const profile = getMap(sc, 'seccompProfile');
  const pair = profile ? getPair(profile, 'type') : undefined;
  const value = known(pair?.value);
  const raw = pair?.value && 'value' in pair.value ? (pair.value as YScalar).value : undefined;
  return { value, pair, profilePair, templated: raw != null && value === undefined };
}
