import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { podsOf } from '../../model/pods';
import { getPair, isTrue } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { psaRef, PSS_DOCS } from './psa';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** `hostNetwork`, `hostPID` or `hostIPC: true` (PSS baseline "Host Namespaces", check_hostNamespaces.go). */
export const hostNamespace: YamlDocumentRule = {
  id: 'host-namespace',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  fixTiers: ['review'],
  references: [{ title: 'Pod Security Standards: Host Namespaces', url: PSS_DOCS + '#baseline' }, psaRef('check_hostNamespaces.go')],
  check(ctx) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      for (const field of FIELDS) {
        const pair = getPair(pod.spec, field);
        if (!pair || !isTrue(pair.value)) continue;
        ctx.report({
          range: doc.pairRange(pair),
          message: msg('rule.host-namespace.message', { field }),
          fixes: () => [{ title: msg('rule.host-namespace.fixTitle', { field }), edits: [new YamlEditor(doc).removePair(pod.spec, pair)] }],
        });
      }
    }
  },
};
