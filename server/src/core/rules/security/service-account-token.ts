import { YamlEditor } from '../../fixes/yaml-edit';
import { lookup, perGeneration, sameNamespace, shift } from '../../kubernetes/index-lookup';
import { podsOf, type PodRef } from '../../model/pods';
import { getPair, getValue, scalarString, scalarValue, type YScalar } from '../../model/yaml';
import type { Fix } from '../../types';
import type { WorkspaceIndex } from '../../workspace';
import { boolOf, podAnchor, podInsert, helmUnknown } from './common';
import { defineRule } from '../define';

/**
 * The ServiceAccount the pod runs as opts out of token automounting (`automountServiceAccountToken:
 * false`), defined anywhere in the workspace (same namespace): the kubelet then mounts no token unless
 * the pod asks for one.
 */
function accountOptsOut(ws: WorkspaceIndex, pod: PodRef): boolean {
  const named = getValue(pod.spec, 'serviceAccountName') ?? getValue(pod.spec, 'serviceAccount');
  const name = named === undefined ? 'default' : scalarString(named);
  if (!name || name.includes('\uE000')) return false;
  const ns = pod.doc.k8s?.namespace;
  const defs = lookup(ws).byKindName.get(`ServiceAccount\n${name}`) ?? [];
  return defs.some((d) => d.apiVersion === 'v1' && sameNamespace(d.namespace, ns) && d.data?.automountToken === false);
}

/**
 * `automountServiceAccountToken` not false on the pod — and not false on the ServiceAccount it uses
 * (resolved through the workspace index, in this file or another): every container gets an API token.
 * Range: the pair when true, else the `spec:` key of the PodSpec. Fix: set false (quick fix: workloads
 * that call the API need the token).
 */
export const serviceAccountToken = defineRule({
  id: 'service-account-token',
  category: 'security',
  target: 'yaml-file',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  equivalents: ['polaris:automountServiceAccountToken'],
  references: [
    { title: 'Kubernetes: opt out of API credential automounting', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting' },
  ],
  docs: {
    summary: 'The pod mounts a service account token (automountServiceAccountToken is not false on the pod, nor on the ServiceAccount it uses when that is defined in the workspace).',
    risk: 'A stolen token lets an attacker call the Kubernetes API with the service account\'s permissions.',
    fix: 'Set automountServiceAccountToken: false on the pod unless it calls the Kubernetes API. In the editor the finding underlines the offending line when true, else the `spec:` key of the pod spec. Quick fix only.',
  },
  messages: {
    message: 'The pod mounts a service account token (automountServiceAccountToken is not set to false).',
    messageTrue: 'The pod mounts a service account token (automountServiceAccountToken: true).',
    fixTitle: 'Set automountServiceAccountToken to false',
  },
  check(ctx, m) {
    for (const { chunk, doc } of ctx.docs) {
      // Per document and index generation (the ServiceAccounts it reads): an edit elsewhere reuses it.
      const found = perGeneration(doc, 'service-account-token', ctx.workspace, () => {
        const out: { pod: PodRef; pair: ReturnType<typeof getPair>; explicit: boolean }[] = [];
        for (const pod of podsOf(doc)) {
          const pair = getPair(pod.spec, 'automountServiceAccountToken');
          const v = boolOf(pair?.value);
          if (v === false || (pair && v === undefined && scalarValue(pair.value) != null)) continue;
          const explicit = !!pair && v === true;
          if (!explicit && helmUnknown(doc, pod.path)) continue;
          // The pod's own `true` wins over the account; an unset field takes the account's `false`.
          if (!explicit && accountOptsOut(ctx.workspace, pod)) continue;
          out.push({ pod, pair, explicit });
        }
        return out;
      });
      const lines = chunk.startLine;
      for (const { pod, pair, explicit } of found) {
        ctx.report({
          range: shift(explicit && pair ? doc.pairRange(pair) : podAnchor(doc, pod), lines),
          message: m(explicit ? 'messageTrue' : 'message'),
          fixes: () => {
            const editor = new YamlEditor(doc);
            const edit = explicit && pair ? editor.setScalar(pair.value as YScalar, false) : editor.addPair(pod.spec, 'automountServiceAccountToken', false, podInsert(pod));
            const fix: Fix = { title: m('fixTitle'), edits: [{ ...edit, range: shift(edit.range, lines) }] };
            return [fix];
          },
        });
      }
    }
  },
});
