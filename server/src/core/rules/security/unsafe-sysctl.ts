import { YamlEditor } from '../../fixes/yaml-edit';
import { podsOf } from '../../model/pods';
import { getSeq, getValue, isMap } from '../../model/yaml';
import { known, nodeRange } from './common';
import { policyMinor, psaRef, PSS_DOCS, safeSysctls } from './psa';
import { defineRule } from '../define';

/** A pod sysctl outside the safe set (PSS baseline "Sysctls", check_sysctls.go). Range: the sysctl entry. Fix: remove it. */
export const unsafeSysctl = defineRule({
  id: 'unsafe-sysctl',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['kube-linter:unsafe-sysctls', 'pss:baseline/sysctls'],
  references: [
    { title: 'Pod Security Standards: Sysctls', url: PSS_DOCS + '#baseline' },
    psaRef('check_sysctls.go'),
    { title: 'Kubernetes: safe and unsafe sysctls', url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls' },
  ],
  docs: {
    summary: 'The pod sets a sysctl outside the safe set Kubernetes allows by default (PSS baseline).',
    risk: 'Unsafe sysctls are not isolated per pod: they change the whole node\'s kernel, and pods using them fail to start unless the node allows them.',
    fix: 'Remove the sysctl, or set it on the node. Safe: kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem, net.ipv4.tcp_wmem. In the editor the finding underlines the sysctl entry. The quick fix removes it; never applied by "fix all".',
  },
  messages: {
    message: 'The sysctl {sysctl} is not in the safe set.',
    fixTitle: 'Remove the sysctl {sysctl}',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const safe = safeSysctls(policyMinor(ctx.config));
    for (const pod of podsOf(doc)) {
      const seq = getSeq(pod.securityContext, 'sysctls');
      seq?.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const name = known(getValue(item, 'name'));
        if (name === undefined || safe.has(name)) return;
        ctx.report({
          range: nodeRange(doc, item),
          message: m('message', { sysctl: name }),
          fixes: () => [{ title: m('fixTitle', { sysctl: name }), edits: [new YamlEditor(doc).removeItem(seq, i)] }],
        });
      });
    }
  },
});
