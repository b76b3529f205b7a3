import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, type YMap } from '../../model/yaml';
import { known } from './common';
import { policyMinor, psaRef, PSS_DOCS, selinuxAllowedTypes } from './psa';
import { defineRule } from '../define';

/**
 * SELinux (PSS baseline, check_seLinuxOptions.go): `seLinuxOptions.type` outside container_t,
 * container_init_t, container_kvm_t, container_engine_t (1.31+), or any `user` / `role`. Range: the
 * offending pair. No fix.
 */
export const selinuxOptions = defineRule({
  id: 'selinux-options',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  equivalents: ['pss:baseline/seLinuxOptions'],
  references: [{ title: 'Pod Security Standards: SELinux', url: PSS_DOCS + '#baseline' }, psaRef('check_seLinuxOptions.go')],
  docs: {
    summary: 'seLinuxOptions set a custom SELinux user or role, or a type outside container_t, container_init_t, container_kvm_t and container_engine_t (PSS baseline).',
    risk: 'A custom SELinux type, user or role can lift the label confinement that keeps containers apart.',
    fix: 'Remove the user and role, and use one of the allowed types (or leave the type to the runtime). In the editor the finding underlines the offending line. No quick fix.',
  },
  messages: {
    messageType: 'Container "{container}" sets the SELinux type {type}; allowed: {allowed}.',
    messageTypePod: 'The pod sets the SELinux type {type}; allowed: {allowed}.',
    messageUserRole: 'Container "{container}" sets the SELinux {field} "{value}"; it must stay empty.',
    messageUserRolePod: 'The pod sets the SELinux {field} "{value}"; it must stay empty.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const allowed = selinuxAllowedTypes(policyMinor(ctx.config));
    for (const pod of podsOf(doc)) {
      const check = (sc: YMap | undefined, container?: string): void => {
        const pod = container === undefined;
        const opts = getMap(sc, 'seLinuxOptions');
        if (!opts) return;
        const type = getPair(opts, 'type');
        const t = known(type?.value);
        if (type && t !== undefined && !allowed.has(t)) {
          ctx.report({ range: doc.pairRange(type), message: m(pod ? 'messageTypePod' : 'messageType', { container: container ?? '', type: t, allowed: [...allowed].filter(Boolean).join(', ') }) });
        }
        for (const field of ['user', 'role']) {
          const p = getPair(opts, field);
          const v = known(p?.value);
          if (p && v !== undefined && v !== '') ctx.report({ range: doc.pairRange(p), message: m(pod ? 'messageUserRolePod' : 'messageUserRole', { container: container ?? '', field, value: v }) });
        }
      };
      check(pod.securityContext);
      for (const c of pod.containers) check(c.securityContext, containerLabel(c));
    }
  },
});
