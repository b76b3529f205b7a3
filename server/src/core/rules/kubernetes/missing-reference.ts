import { msg } from '../../messages/catalog';
import { lookup, perGeneration, sameNamespace, shift } from '../../kubernetes/index-lookup';
import type { Message, Range } from '../../types';
import { podReferences } from '../../model/references';
import type { YamlFileRule } from '../registry';

/** Objects every namespace has without anyone writing them. */
const BUILT_IN: ReadonlySet<string> = new Set(['ServiceAccount\ndefault', 'ConfigMap\nkube-root-ca.crt']);

/**
 * A ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount a pod refers to but no indexed file
 * defines (information: it may live in the cluster). References marked `optional: true` are fine.
 */
export const missingReference: YamlFileRule = {
  id: 'missing-reference',
  category: 'kubernetes',
  target: 'yaml-file',
  defaultSeverity: 'information',
  references: [{ title: 'Configure a Pod to use a ConfigMap', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/' }],
  check(ctx) {
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
          out.push({ range: doc.rangeOf(ref.node), message: msg('rule.missing-reference.message', { kind: ref.kind, name: ref.name, via: ref.via }) });
        }
        return out;
      });
      for (const f of found) ctx.report({ range: shift(f.range, chunk.startLine), message: f.message });
    }
  },
};
