import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, type YScalar, type YMap } from '../../model/yaml';
import { containerAnchor, containerInsert, isWindowsPod, known, podInsert, helmUnknown } from './common';
import { psaRef, PSS_DOCS, SECCOMP_RESTRICTED_TYPES, SECCOMP_UNCONFINED } from './psa';
import type { Message } from '../../types';
import { defineRule } from '../define';

/**
 * Seccomp (PSS "both"): at baseline only an explicit `Unconfined` profile is flagged
 * (check_seccompProfile_baseline.go); at restricted every container must also end up with
 * RuntimeDefault or Localhost, its own or the pod's (check_seccompProfile_restricted.go; Windows pods
 * exempt). Ranges: the `type` pair of an Unconfined profile; for a missing profile the container's
 * `securityContext` key (else its name). Fixes: a missing profile gets `seccompProfile: {type:
 * RuntimeDefault}` on the pod's securityContext (one edit for every container; fix-all); an explicit
 * Unconfined becomes RuntimeDefault (quick fix only).
 */
export const seccompUnconfined = defineRule({
  id: 'seccomp-unconfined',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'both',
  fixTiers: ['safe', 'review'],
  equivalents: ['pss:baseline/seccompProfile', 'pss:restricted/seccompProfile'],
  references: [
    { title: 'Pod Security Standards: Seccomp', url: PSS_DOCS + '#baseline' },
    psaRef('check_seccompProfile_baseline.go'),
    psaRef('check_seccompProfile_restricted.go'),
  ],
  docs: {
    summary: 'A container runs without a seccomp filter: Unconfined (PSS baseline), or, at the restricted level, no RuntimeDefault or Localhost profile of its own or from the pod.',
    risk: 'Without seccomp every system call is open to the container, including the rarely needed ones most kernel exploits use.',
    fix: 'Set seccompProfile: {type: RuntimeDefault} on the pod\'s securityContext (or Localhost with a profile). At pss: baseline only Unconfined is reported. In the editor the finding underlines the `type` line of an Unconfined profile; for a missing profile, the container\'s securityContext key, or its name. Adding RuntimeDefault to the pod where no profile is set joins "fix all"; replacing an explicit Unconfined is a quick fix only. Windows pods are exempt from the restricted part.',
  },
  messages: {
    messageUnconfined: 'Container "{container}" runs with seccomp Unconfined.',
    messageUnconfinedPod: 'The pod runs with seccomp Unconfined.',
    messageMissing: 'Container "{container}" has no RuntimeDefault or Localhost seccomp profile (neither its own nor the pod\'s).',
    fixTitle: 'Set seccompProfile type RuntimeDefault',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const restricted = ctx.config.pss === 'restricted';
    for (const pod of podsOf(doc)) {
      const editor = new YamlEditor(doc);
      const podType = typeOf(pod.securityContext);
      if (podType.value === SECCOMP_UNCONFINED) reportUnconfined(podType.pair!, m('messageUnconfinedPod'));
      const podOk = podType.value !== undefined && SECCOMP_RESTRICTED_TYPES.has(podType.value);
      let podFixOffered = false;
      for (const c of pod.containers) {
        const t = typeOf(c.securityContext);
        const label = containerLabel(c);
        if (t.value === SECCOMP_UNCONFINED) {
          reportUnconfined(t.pair!, m('messageUnconfined', { container: label }));
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
          message: m('messageMissing', { container: label }),
          fixes: () => [{ title: m('fixTitle'), edits: [edit()], tier: fixAll ? 'safe' : 'review' }],
        });
      }
    }

    function reportUnconfined(pair: NonNullable<TypeInfo['pair']>, message: Message): void {
      ctx.report({
        range: doc.pairRange(pair),
        message,
        fixes: () => [{ title: m('fixTitle'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, 'RuntimeDefault')], tier: 'review' }],
      });
    }
  },
});

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
