import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, scalarString, type YScalar, type YMap } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { known } from './common';
import { APPARMOR_ANNOTATION_PREFIX, APPARMOR_TYPES, apparmorAnnotationAllowed, psaRef, PSS_DOCS } from './psa';

/**
 * AppArmor (PSS baseline, check_appArmorProfile.go): `appArmorProfile.type` other than RuntimeDefault
 * or Localhost on the pod or a container, or a legacy `container.apparmor.security.beta.kubernetes.io/*`
 * annotation other than `runtime/default` / `localhost/…`. Range: the `type` pair or the annotation
 * pair. Fix: RuntimeDefault (`runtime/default` for the annotation); quick fix only.
 */
export const apparmorUnconfined: YamlDocumentRule = {
  id: 'apparmor-unconfined',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [{ title: 'Pod Security Standards: AppArmor', url: PSS_DOCS + '#baseline' }, psaRef('check_appArmorProfile.go')],
  check(ctx) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      const field = (sc: YMap | undefined, container?: string): void => {
        const profile = getMap(sc, 'appArmorProfile');
        const pair = profile ? getPair(profile, 'type') : undefined;
        const t = known(pair?.value);
        if (!pair || t === undefined || APPARMOR_TYPES.has(t)) return;
        ctx.report({
          range: doc.pairRange(pair),
          message: container === undefined ? msg('rule.apparmor-unconfined.messagePod', { type: t }) : msg('rule.apparmor-unconfined.message', { container, type: t }),
          fixes: () => [{ title: msg('rule.apparmor-unconfined.fixTitle'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, 'RuntimeDefault')] }],
        });
      };
      field(pod.securityContext);
      for (const c of pod.containers) field(c.securityContext, containerLabel(c));
      const ann = getMap(pod.metadata, 'annotations');
      for (const pair of ann?.items ?? []) {
        const key = scalarString(pair.key);
        if (!key?.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
        const v = known(pair.value);
        if (v === undefined || apparmorAnnotationAllowed(v)) continue;
        ctx.report({
          range: doc.pairRange(pair),
          message: msg('rule.apparmor-unconfined.messageAnnotation', { container: key.slice(APPARMOR_ANNOTATION_PREFIX.length), value: v }),
          fixes: () => [{ title: msg('rule.apparmor-unconfined.fixTitleAnnotation'), edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, 'runtime/default')] }],
        });
      }
    }
  },
};
