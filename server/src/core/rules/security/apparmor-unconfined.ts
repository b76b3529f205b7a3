import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, scalarString, type YScalar, type YMap } from '../../model/yaml';
import { known } from './common';
import { APPARMOR_ANNOTATION_PREFIX, APPARMOR_TYPES, apparmorAnnotationAllowed, psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/**
 * AppArmor (PSS baseline, check_appArmorProfile.go): `appArmorProfile.type` other than RuntimeDefault
 * or Localhost on the pod or a container, or a legacy `container.apparmor.security.beta.kubernetes.io/*`
 * annotation other than `runtime/default` / `localhost/…`; an `appArmorProfile` without a type is
 * forbidden too (PSA compares the empty type). Range: the `type` pair (the `appArmorProfile` key when
 * it has no type) or the annotation pair. Fix: RuntimeDefault (`runtime/default` for the annotation;
 * Localhost for a profile without a type that names a localhostProfile);
 * quick fix only.
 */
export const apparmorUnconfined = defineRule({
  id: 'apparmor-unconfined',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['pss:baseline/appArmorProfile'],
  references: [{ title: 'Pod Security Standards: AppArmor', url: PSS_DOCS + '#baseline' }, psaRef('check_appArmorProfile.go')],
  docs: {
    summary: 'An AppArmor profile other than RuntimeDefault or Localhost (appArmorProfile.type, a profile without a type, or the legacy container.apparmor.security.beta.kubernetes.io annotation set to unconfined).',
    risk: 'Unconfined removes the mandatory access control the runtime applies by default.',
    fix: 'Use RuntimeDefault (annotation value runtime/default) or a Localhost profile. In the editor the finding underlines the `type` line or the annotation. The quick fix sets RuntimeDefault; never applied by "fix all".',
  },
  messages: {
    message: 'Container "{container}" uses the AppArmor profile type {type}.',
    messagePod: 'The pod uses the AppArmor profile type {type}.',
    messageNoType: 'Container "{container}" sets an appArmorProfile without a type.',
    messageNoTypePod: 'The pod sets an appArmorProfile without a type.',
    messageAnnotation: 'Container "{container}" uses the AppArmor profile "{value}" (annotation).',
    fixTitle: 'Set AppArmor profile type RuntimeDefault',
    fixTitleLocalhost: 'Set AppArmor profile type Localhost',
    fixTitleAnnotation: 'Set the annotation to runtime/default',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      const field = (sc: YMap | undefined, owner: YMap, container?: string): void => {
        const profile = getMap(sc, 'appArmorProfile');
        if (!profile) return;
        const pair = getPair(profile, 'type');
        const t = known(pair?.value);
        if (pair && t === undefined && scalarString(pair.value) !== undefined) return; // templated
        if (t !== undefined && APPARMOR_TYPES.has(t)) return;
        if (!pair || t === undefined) {
          // No type (or a null one): the API's empty type, which no allowed value equals.
          ctx.report({
            range: doc.keyRange(getPair(sc!, 'appArmorProfile')!),
            message: container === undefined ? m('messageNoTypePod') : m('messageNoType', { container }),
            fixes: () => {
              // A profile naming a localhostProfile but no type meant Localhost (RuntimeDefault beside it is invalid).
              const localhost = getPair(profile, 'localhostProfile') !== undefined;
              const type = localhost ? 'Localhost' : 'RuntimeDefault';
              return [{ title: localhost ? m('fixTitleLocalhost') : m('fixTitle'), edits: [new YamlEditor(doc).setPath(owner, ['securityContext', 'appArmorProfile', 'type'], type)] }];
            },
          });
          return;
        }
        ctx.report({
          range: doc.pairRange(pair),
          message: container === undefined ? m('messagePod', { type: t }) : m('message', { container, type: t }),
          fixes: () => [{ title: m('fixTitle'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, 'RuntimeDefault')] }],
        });
      };
      field(pod.securityContext, pod.spec);
      for (const c of pod.containers) field(c.securityContext, c.node, containerLabel(c));
      const ann = getMap(pod.metadata, 'annotations');
      for (const pair of ann?.items ?? []) {
        const key = scalarString(pair.key);
        if (!key?.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
        const v = known(pair.value);
        if (v === undefined || apparmorAnnotationAllowed(v)) continue;
        ctx.report({
          range: doc.pairRange(pair),
          message: m('messageAnnotation', { container: key.slice(APPARMOR_ANNOTATION_PREFIX.length), value: v }),
          fixes: () => [{ title: m('fixTitleAnnotation'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, 'runtime/default')] }],
        });
      }
    }
  },
});
