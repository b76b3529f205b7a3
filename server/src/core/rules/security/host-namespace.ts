import { YamlEditor } from '../../fixes/yaml-edit';
import { podsOf } from '../../model/pods';
import { getPair, isTrue } from '../../model/yaml';
import { psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** `hostNetwork`, `hostPID` or `hostIPC: true` (PSS baseline "Host Namespaces", check_hostNamespaces.go). */
export const hostNamespace = defineRule({
  id: 'host-namespace',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  equivalents: ['kube-linter:host-network', 'kube-linter:host-pid', 'kube-linter:host-ipc', 'polaris:hostNetworkSet', 'polaris:hostPIDSet', 'polaris:hostIPCSet', 'pss:baseline/hostNamespaces'],
  references: [{ title: 'Pod Security Standards: Host Namespaces', url: PSS_DOCS + '#baseline' }, psaRef('check_hostNamespaces.go')],
  docs: {
    summary: 'The pod shares the node\'s network, process or IPC namespace (hostNetwork, hostPID, hostIPC).',
    risk: 'With the host\'s namespaces a pod sees every process, socket and shared memory segment of the node and can sniff or attack them.',
    fix: 'Remove the field (false is the default). Agents that really need it (iSCSI or Open vSwitch daemons) should carry a suppression with a reason. In the editor the finding underlines the `hostNetwork: true` line. The quick fix is never applied by "fix all".',
  },
  messages: {
    message: 'The pod uses the host\'s namespace ({field}: true).',
    fixTitle: 'Remove {field}',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      for (const field of FIELDS) {
        const pair = getPair(pod.spec, field);
        if (!pair || !isTrue(pair.value)) continue;
        ctx.report({
          range: doc.pairRange(pair),
          message: m('message', { field }),
          fixes: () => [{ title: m('fixTitle', { field }), edits: [new YamlEditor(doc).removePair(pod.spec, pair)] }],
        });
      }
    }
  },
});
