import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, isTrue, type YMap } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { psaRef, PSS_DOCS } from './psa';

/** `windowsOptions.hostProcess: true` on the pod or a container (PSS baseline "HostProcess", check_windowsHostProcess.go). Range: the pair. Fix: remove it. */
export const hostProcess: YamlDocumentRule = {
  id: 'host-process',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [{ title: 'Pod Security Standards: HostProcess', url: PSS_DOCS + '#baseline' }, psaRef('check_windowsHostProcess.go')],
  check(ctx) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      const check = (sc: YMap | undefined, container?: string): void => {
        const wo = getMap(sc, 'windowsOptions');
        const pair = wo ? getPair(wo, 'hostProcess') : undefined;
        if (!wo || !pair || !isTrue(pair.value)) return;
        ctx.report({
          range: doc.pairRange(pair),
          message: container === undefined ? msg('rule.host-process.messagePod') : msg('rule.host-process.message', { container }),
          fixes: () => [{ title: msg('rule.host-process.fixTitle'), edits: [new YamlEditor(doc).removePair(wo, pair)] }],
        });
      };
      check(pod.securityContext);
      for (const c of pod.containers) check(c.securityContext, containerLabel(c));
    }
  },
};
