import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getSeq, isScalar } from '../../model/yaml';
import { isWindowsPod, known, nodeRange } from './common';
import { BASELINE_CAPABILITIES, psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/**
 * `capabilities.add` entries outside the baseline allow-list (check_capabilities_baseline.go compares
 * the literal strings: `CAP_SYS_ADMIN`, `sys_admin` and `ALL` are outside it too). Range: the entry.
 * At `pss: restricted` a Windows pod is exempt: there PSA replaces this check with
 * check_capabilities_restricted.go (`OverrideCheckIDs`), which admits Windows pods from 1.25 on.
 */
export const dangerousCapability = defineRule({
  id: 'dangerous-capability',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['polaris:dangerousCapabilities', 'pss:baseline/capabilities'],
  references: [{ title: 'Pod Security Standards: Capabilities', url: PSS_DOCS + '#baseline' }, psaRef('check_capabilities_baseline.go')],
  docs: {
    summary: 'A container adds a Linux capability outside the PSS baseline allow-list (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).',
    risk: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or NET_RAW give root-like powers over the kernel, the network or other processes.',
    fix: 'Remove the capability, or suppress with a reason when the workload cannot work without it. Names are compared exactly as Kubernetes does (CAP_SYS_ADMIN and ALL are outside the list too). At pss: restricted a Windows pod (spec.os.name: windows) is exempt, as Pod Security Admission\'s restricted capabilities check replaces this one and admits Windows pods. In the editor the finding underlines the capability entry. The quick fix removes it; never applied by "fix all".',
  },
  messages: {
    message: 'Container "{container}" adds the capability {capability}.',
    fixTitle: 'Remove {capability}',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const restricted = ctx.config.pss === 'restricted';
    for (const c of allContainers(doc)) {
      if (restricted && isWindowsPod(c.pod)) continue;
      const add = getSeq(getMap(c.securityContext, 'capabilities'), 'add');
      if (!add) continue;
      add.items.forEach((item, i) => {
        if (!isScalar(item)) return;
        const cap = known(item);
        if (cap === undefined || BASELINE_CAPABILITIES.has(cap)) return;
        ctx.report({
          range: nodeRange(doc, item),
          message: m('message', { container: containerLabel(c), capability: cap }),
          fixes: () => [{ title: m('fixTitle', { capability: cap }), edits: [new YamlEditor(doc).removeItem(add, i)] }],
        });
      });
    }
  },
});
