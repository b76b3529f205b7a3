import { lookup, perGeneration, sameNamespace, shift } from '../../kubernetes/index-lookup';
import type { Message, Range } from '../../types';
import { podReferences } from '../../model/references';
import { defineRule } from '../define';

/** Objects every namespace has without anyone writing them. */
const BUILT_IN: ReadonlySet<string> = new Set(['ServiceAccount\ndefault', 'ConfigMap\nkube-root-ca.crt']);

/**
 * A ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount a pod refers to but no indexed file
 * defines (information: it may live in the cluster). References marked `optional: true` are fine.
 */
export const missingReference = defineRule({
  id: 'missing-reference',
  category: 'kubernetes',
  target: 'yaml-file',
  defaultSeverity: 'information',
  equivalents: ['kube-linter:non-existent-service-account', 'kube-linter:env-value-from'],
  references: [{ title: 'Configure a Pod to use a ConfigMap', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/' }],
  docs: {
    summary: 'A ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount a pod refers to, defined in none of the files Dockyard has indexed (information: it may be created in the cluster by other means).',
    risk: 'Pods stay in ContainerCreating / CreateContainerConfigError until the object exists.',
    fix: 'Add the object to the manifests, correct the name, or mark the reference `optional: true` when the pod can start without it. Run "Lint workspace" so that every file is indexed.',
  },
  messages: {
    message: '{kind} "{name}" ({via}) is not defined in the workspace.',
  },
  check(ctx, m) {
    for (const { chunk, doc } of ctx.docs) {
      const id = doc.k8s;
      if (!id) continue;
      // Per document and index generation: an edit elsewhere reuses the result.
      const found = perGeneration(doc, 'missing-reference', ctx.workspace, () => {
        const index = lookup(ctx.workspace);
        const out: { range: Range; message: Message }[] = [];
        for (const ref of podReferences(doc)) {
          if (ref.optional || BUILT_IN.has(`${ref.kind}\n${ref.name}`)) continue;
          const defs = index.byKindName.get(`${ref.kind}\n${ref.name}`);
          if (defs?.some((d) => sameNamespace(d.namespace, id.namespace))) continue;
          out.push({ range: doc.rangeOf(ref.node), message: m('message', { kind: ref.kind, name: ref.name, via: ref.via }) });
        }
        return out;
      });
      for (const f of found) ctx.report({ range: shift(f.range, chunk.startLine), message: f.message });
    }
  },
});
