import { YamlEditor, type InsertAt } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, type YScalar, type YMap } from '../../model/yaml';
import { containerAnchor, containerInsert, isWindowsPod, known, podInsert, helmUnknown } from './common';
import { psaRef, PSS_DOCS, SECCOMP_RESTRICTED_TYPES, SECCOMP_UNCONFINED } from './psa';
import type { Message } from '../../types';
import { defineRule } from '../define';

/**
 * Seccomp (PSS "both"). A profile a pod or container sets must have the type RuntimeDefault or
 * Localhost (check_seccompProfile_baseline.go: `Unconfined`, any other value and a profile without a
 * type are forbidden); at restricted every container must also end up with one of them, its own or
 * the pod's (check_seccompProfile_restricted.go). At restricted PSA replaces the baseline check with
 * the restricted one (`OverrideCheckIDs`), which admits Windows pods (1.25+): they are exempt there
 * from both parts. Ranges: the `type` pair of a forbidden type (the `seccompProfile` key when it has
 * no type); for a missing profile the container's `securityContext` key (else its name). Fixes: a
 * missing profile gets `seccompProfile: {type: RuntimeDefault}` on the pod's securityContext (one edit
 * for every container; fix-all); a forbidden or missing type becomes RuntimeDefault (Localhost when
 * the profile names a localhostProfile; quick fix only).
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
    summary: 'A container runs without a seccomp filter: a profile other than RuntimeDefault or Localhost (Unconfined, or no type; PSS baseline), or, at the restricted level, no RuntimeDefault or Localhost profile of its own or from the pod.',
    risk: 'Without seccomp every system call is open to the container, including the rarely needed ones most kernel exploits use.',
    fix: 'Set seccompProfile: {type: RuntimeDefault} on the pod\'s securityContext (or Localhost with a profile). At pss: baseline only profiles that are set are checked: Unconfined, any other type and a profile without a type are reported. In the editor the finding underlines the `type` line of such a profile (the seccompProfile key when it has no type); for a missing profile, the container\'s securityContext key, or its name. Adding RuntimeDefault to the pod where no profile is set joins "fix all"; replacing an explicit type is a quick fix only. Windows pods (spec.os.name: windows) are exempt at pss: restricted, where Pod Security Admission\'s restricted check replaces the baseline one and admits them.',
  },
  messages: {
    messageUnconfined: 'Container "{container}" runs with seccomp Unconfined.',
    messageUnconfinedPod: 'The pod runs with seccomp Unconfined.',
    messageType: 'Container "{container}" sets the seccomp profile type {type}; only RuntimeDefault and Localhost are allowed.',
    messageTypePod: 'The pod sets the seccomp profile type {type}; only RuntimeDefault and Localhost are allowed.',
    messageNoType: 'Container "{container}" sets a seccompProfile without a type.',
    messageNoTypePod: 'The pod sets a seccompProfile without a type.',
    messageMissing: 'Container "{container}" has no RuntimeDefault or Localhost seccomp profile (neither its own nor the pod\'s).',
    fixTitle: 'Set seccompProfile type RuntimeDefault',
    fixTitleLocalhost: 'Set seccompProfile type Localhost',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const restricted = ctx.config.pss === 'restricted';
    for (const pod of podsOf(doc)) {
      if (restricted && isWindowsPod(pod)) continue;
      const editor = new YamlEditor(doc);
      const podType = typeOf(pod.securityContext);
      // A profile the pod sets: reported on its own pair when its type is not allowed.
      if (podType.profile) reportSet(podType, pod.spec, podInsert(pod));
      const podOk = podType.value !== undefined && SECCOMP_RESTRICTED_TYPES.has(podType.value);
      let podFixOffered = false;
      for (const c of pod.containers) {
        const t = typeOf(c.securityContext);
        const label = containerLabel(c);
        if (t.profile) {
          // The container's own profile decides (allowed, templated, or reported here).
          reportSet(t, c.node, containerInsert(c), label);
          continue;
        }
        if (!restricted || podType.templated) continue;
        // The pod's profile: allowed, or reported on the pod's pair.
        if (podOk || podType.profile) continue;
        if (helmUnknown(doc, c.path)) continue;
        // Missing: point at the container, fix on the pod unless the container has its own seccompProfile key.
        const edit = () =>
          t.profilePair
            ? editor.setPath(c.node, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault', containerInsert(c))
            : editor.setPath(pod.spec, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault', podInsert(pod));
        // The pod-level edit is the same for every container: only the first finding offers it to "fix all".
        const onPod = !t.profilePair;
        const fixAll = onPod && !podFixOffered;
        if (onPod) podFixOffered = true;
        ctx.report({
          range: containerAnchor(doc, c, 'securityContext'),
          message: m('messageMissing', { container: label }),
          fixes: () => [{ title: m('fixTitle'), edits: [edit()], tier: fixAll ? 'safe' : 'review' }],
        });
      }
    }

    /** A profile that is set: its type must be RuntimeDefault or Localhost (a templated type is unknowable). */
    function reportSet(t: TypeInfo, owner: YMap, at: InsertAt, container?: string): void {
      if (t.templated || (t.value !== undefined && SECCOMP_RESTRICTED_TYPES.has(t.value))) return;
      const pair = t.pair;
      const pod = container === undefined;
      let message: Message;
      if (t.value === SECCOMP_UNCONFINED) message = pod ? m('messageUnconfinedPod') : m('messageUnconfined', { container });
      else if (t.value !== undefined) message = pod ? m('messageTypePod', { type: t.value }) : m('messageType', { container, type: t.value });
      else message = pod ? m('messageNoTypePod') : m('messageNoType', { container });
      const typed = pair && t.value !== undefined;
      // A profile naming a localhostProfile but no type meant Localhost (RuntimeDefault beside it is invalid).
      const localhost = !typed && t.profile !== undefined && getPair(t.profile, 'localhostProfile') !== undefined;
      ctx.report({
        range: typed ? doc.pairRange(pair) : doc.keyRange(t.profilePair!),
        message,
        fixes: () => [
          {
            title: localhost ? m('fixTitleLocalhost') : m('fixTitle'),
            edits: [
              typed
                ? new YamlEditor(doc).setScalar(pair.value as YScalar, 'RuntimeDefault')
                : new YamlEditor(doc).setPath(owner, ['securityContext', 'seccompProfile', 'type'], localhost ? 'Localhost' : 'RuntimeDefault', at),
            ],
            tier: 'review',
          },
        ],
      });
    }
  },
});

interface TypeInfo {
  value?: string;
  /** The `seccompProfile` map (absent when unset or null: the API's nil). */
  profile?: YMap;
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
  return { value, pair, profile, profilePair, templated: raw != null && value === undefined };
}
