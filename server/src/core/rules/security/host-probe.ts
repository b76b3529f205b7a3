import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getPair, scalarString } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { HANDLER_FIELDS, HOST_PROBE_MINOR, LIFECYCLE_FIELDS, policyMinor, PROBE_FIELDS, psaRef, PSS_DOCS } from './psa';

/**
 * A probe or lifecycle handler (httpGet / tcpSocket) with a non-empty `host` (PSS baseline since
 * policy 1.34, check_hostProbesAndhostLifecycle.go). Range: the `host` pair. Fix: remove it.
 */
export const hostProbe: YamlDocumentRule = {
  id: 'host-probe',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [{ title: 'Pod Security Standards: Probes / Lifecycle Hooks', url: PSS_DOCS + '#baseline' }, psaRef('check_hostProbesAndhostLifecycle.go')],
  check(ctx) {
    if (policyMinor(ctx.config) < HOST_PROBE_MINOR) return;
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      const handlers: [string, ReturnType<typeof getMap>][] = PROBE_FIELDS.map((f) => [f, getMap(c.node, f)]);
      const lifecycle = getMap(c.node, 'lifecycle');
      for (const f of LIFECYCLE_FIELDS) handlers.push([`lifecycle.${f}`, getMap(lifecycle, f)]);
      for (const [where, h] of handlers) {
        if (!h) continue;
        for (const kind of HANDLER_FIELDS) {
          const m = getMap(h, kind);
          const pair = m ? getPair(m, 'host') : undefined;
          if (!m || !pair) continue;
          const host = scalarString(pair.value);
          if (host === undefined || host === '') continue;
          ctx.report({
            range: doc.pairRange(pair),
            message: msg('rule.host-probe.message', { container: containerLabel(c), handler: `${where}.${kind}`, host }),
            fixes: () => [{ title: msg('rule.host-probe.fixTitle'), edits: [new YamlEditor(doc).removePair(m, pair)] }],
          });
        }
      }
    }
  },
};
