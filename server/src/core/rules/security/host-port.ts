import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getPair, getSeq, isMap, scalarValue } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { psaRef, PSS_DOCS } from './psa';

/** A container port with a non-zero `hostPort` (PSS baseline "Host Ports", check_hostPorts.go). Range: the `hostPort` pair. */
export const hostPort: YamlDocumentRule = {
  id: 'host-port',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [{ title: 'Pod Security Standards: Host Ports', url: PSS_DOCS + '#baseline' }, psaRef('check_hostPorts.go')],
  check(ctx) {
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
          message: msg('rule.host-port.message', { container: containerLabel(c), port: String(v) }),
          fixes: () => [{ title: msg('rule.host-port.fixTitle'), edits: [new YamlEditor(doc).removePair(p, pair)] }],
        });
      }
    }
  },
};
