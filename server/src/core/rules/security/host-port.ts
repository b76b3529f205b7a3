import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, getSeq, isMap, scalarValue } from '../../model/yaml';
import { psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/** A container port with a non-zero `hostPort` (PSS baseline "Host Ports", check_hostPorts.go). Range: the `hostPort` pair. */
export const hostPort = defineRule({
  id: 'host-port',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['polaris:hostPortSet', 'pss:baseline/hostPorts'],
  references: [{ title: 'Pod Security Standards: Host Ports', url: PSS_DOCS + '#baseline' }, psaRef('check_hostPorts.go')],
  docs: {
    summary: 'A container port is bound to a port of the node (hostPort).',
    risk: 'hostPort bypasses network policies and Services, exposes the pod on the node\'s address and limits scheduling to one such pod per node.',
    fix: 'Remove hostPort and expose the port through a Service. In the editor the finding underlines the `hostPort` line. The quick fix is never applied by "fix all".',
  },
  messages: {
    message: 'Container "{container}" binds host port {port}.',
    fixTitle: 'Remove hostPort',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      for (const p of getSeq(c.node, 'ports')?.items ?? []) {
        if (!isMap(p)) continue;
        const pair = getPair(p, 'hostPort');
        if (!pair) continue;
        const v = scalarValue(pair.value);
        if (v === 0 || v === '0' || v === null || v === undefined) continue;
        ctx.report({
          range: doc.pairRange(pair),
          message: m('message', { container: containerLabel(c), port: String(v) }),
          fixes: () => [{ title: m('fixTitle'), edits: [new YamlEditor(doc).removePair(p, pair)] }],
        });
      }
    }
  },
});
