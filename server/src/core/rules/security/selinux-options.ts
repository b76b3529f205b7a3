import { msg } from '../../messages/catalog';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, type YMap } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { known } from './common';
import { policyMinor, psaRef, PSS_DOCS, selinuxAllowedTypes } from './psa';

/**
 * SELinux (PSS baseline, check_seLinuxOptions.go): `seLinuxOptions.type` outside container_t,
 * container_init_t, container_kvm_t, container_engine_t (1.31+), or any `user` / `role`. Range: the
 * offending pair. No fix.
 */
export const selinuxOptions: YamlDocumentRule = {
  id: 'selinux-options',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  references: [{ title: 'Pod Security Standards: SELinux', url: PSS_DOCS + '#baseline' }, psaRef('check_seLinuxOptions.go')],
  check(ctx) {
    const { doc } = ctx;
    const allowed = selinuxAllowedTypes(policyMinor(ctx.config));
    for (const pod of podsOf(doc)) {
      const check = (sc: YMap | undefined, container?: string): void => {
        const pod = container === undefined ? 'Pod' : '';
        const opts = getMap(sc, 'seLinuxOptions');
        if (!opts) return;
        const type = getPair(opts, 'type');
        const t = known(type?.value);
        if (type && t !== undefined && !allowed.has(t)) {
          ctx.report({ range: doc.pairRange(type), message: msg(`rule.selinux-options.messageType${pod}`, { container: container ?? '', type: t, allowed: [...allowed].filter(Boolean).join(', ') }) });
        }
        for (const field of ['user', 'role']) {
          const p = getPair(opts, field);
          const v = known(p?.value);
          if (p && v !== undefined && v !== '') ctx.report({ range: doc.pairRange(p), message: msg(`rule.selinux-options.messageUserRole${pod}`, { container: container ?? '', field, value: v }) });
        }
      };
      check(pod.securityContext);
      for (const c of pod.containers) check(c.securityContext, containerLabel(c));
    }
  },
};
