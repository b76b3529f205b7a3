import { YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getPair, scalarString } from '../../model/yaml';
import { HANDLER_FIELDS, HOST_PROBE_MINOR, LIFECYCLE_FIELDS, policyMinor, PROBE_FIELDS, psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/**
 * A probe or lifecycle handler (httpGet / tcpSocket) with a non-empty `host` (PSS baseline since
 * policy 1.34, check_hostProbesAndhostLifecycle.go). Range: the `host` pair. Fix: remove it.
 */
export const hostProbe = defineRule({
  id: 'host-probe',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['pss:baseline/hostProbesAndHostLifecycle'],
  references: [{ title: 'Pod Security Standards: Probes / Lifecycle Hooks', url: PSS_DOCS + '#baseline' }, psaRef('check_hostProbesAndhostLifecycle.go')],
  docs: {
    summary: 'A probe or lifecycle handler (httpGet / tcpSocket) sets host, making the kubelet connect to another address (PSS baseline since Kubernetes 1.34).',
    risk: 'The kubelet can be steered to reach addresses the pod could not, such as the node\'s own services or cloud metadata.',
    fix: 'Remove host so the probe targets the pod\'s IP. In the editor the finding underlines the `host` line. Quick fix only.',
  },
  messages: {
    message: 'Container "{container}": {handler} targets host {host}.',
    fixTitle: 'Remove host',
  },
  check(ctx, m) {
    if (policyMinor(ctx.config) < HOST_PROBE_MINOR) return;
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      const handlers: [string, ReturnType<typeof getMap>][] = PROBE_FIELDS.map((f) => [f, getMap(c.node, f)]);
      const lifecycle = getMap(c.node, 'lifecycle');
      for (const f of LIFECYCLE_FIELDS) handlers.push([`lifecycle.${f}`, getMap(lifecycle, f)]);
      for (const [where, h] of handlers) {
        if (!h) continue;
        for (const kind of HANDLER_FIELDS) {
          const handler = getMap(h, kind);
          const pair = handler ? getPair(handler, 'host') : undefined;
          if (!handler || !pair) continue;
          const host = scalarString(pair.value);
          if (host === undefined || host === '') continue;
          ctx.report({
            range: doc.pairRange(pair),
            message: m('message', { container: containerLabel(c), handler: `${where}.${kind}`, host }),
            fixes: () => [{ title: m('fixTitle'), edits: [new YamlEditor(doc).removePair(handler, pair)] }],
          });
        }
      }
    }
  },
});
