import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { podsOf } from '../../model/pods';
import { getPair, scalarValue, type YScalar } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { boolOf, podAnchor, podInsert, helmUnknown } from './common';

/**
 * `automountServiceAccountToken` not false on the pod: every container gets an API token. Range: the
 * pair when true, else the `spec:` key of the PodSpec. Fix: set false (quick fix: workloads that call
 * the API need the token).
 */
export const serviceAccountToken: YamlDocumentRule = {
  id: 'service-account-token',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  references: [
    { title: 'Kubernetes: opt out of API credential automounting', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting' },
  ],
  check(ctx) {
    const { doc } = ctx;
    for (const pod of podsOf(doc)) {
      const pair = getPair(pod.spec, 'automountServiceAccountToken');
      const v = boolOf(pair?.value);
      if (v === false || (pair && v === undefined && scalarValue(pair.value) != null)) continue;
      const editor = new YamlEditor(doc);
      const explicit = pair && v === true;
      if (!explicit && helmUnknown(doc, pod.path)) continue;
      ctx.report({
        range: explicit ? doc.pairRange(pair) : podAnchor(doc, pod),
        message: msg(explicit ? 'rule.service-account-token.messageTrue' : 'rule.service-account-token.message'),
        fixes: () => [
          {
            title: msg('rule.service-account-token.fixTitle'),
            edits: [explicit ? editor.setScalar(pair.value as YScalar, false) : editor.addPair(pod.spec, 'automountServiceAccountToken', false, podInsert(pod))],
          },
        ],
      });
    }
  },
};
