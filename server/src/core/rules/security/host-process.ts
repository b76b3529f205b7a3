import { YamlEditor } from '../../fixes/yaml-edit';
import { containerLabel, podsOf } from '../../model/pods';
import { getMap, getPair, isTrue, type YMap } from '../../model/yaml';
import { psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/** `windowsOptions.hostProcess: true` on the pod or a container (PSS baseline "HostProcess", check_windowsHostProcess.go). Range: the pair. Fix: remove it. */
export const hostProcess = defineRule({
  id: 'host-process',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['polaris:hostProcess', 'pss:baseline/windowsHostProcess'],
  references: [{ title: 'Pod Security Standards: HostProcess', url: PSS_DOCS + '#baseline' }, psaRef('check_windowsHostProcess.go')],
  docs: {
    summary: 'A Windows HostProcess container (windowsOptions.hostProcess: true) runs directly on the node (PSS baseline).',
    risk: 'A HostProcess container has the node\'s full access: it is a process of the host, not a container.',
    fix: 'Remove hostProcess. In the editor the finding underlines the offending line. Quick fix only.',
  },
  messages: {
    message: 'Container "{container}" is a Windows HostProcess container.',
    messagePod: 'The pod runs Windows HostProcess containers.',
    fixTitle: 'Remove hostProcess',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      const check = (sc: YMap | undefined, container?: string): void => {
        const wo = getMap(sc, 'windowsOptions');
        const pair = wo ? getPair(wo, 'hostProcess') : undefined;
        if (!wo || !pair || !isTrue(pair.value)) return;
        ctx.report({
          range: doc.pairRange(pair),
          message: container === undefined ? m('messagePod') : m('message', { container }),
          fixes: () => [{ title: m('fixTitle'), edits: [new YamlEditor(doc).removePair(wo, pair)] }],
        });
      };
      check(pod.securityContext);
      for (const c of pod.containers) check(c.securityContext, containerLabel(c));
    }
  },
});
