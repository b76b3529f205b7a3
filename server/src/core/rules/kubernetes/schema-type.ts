import { msg } from '../../messages/catalog';
import { schemaIssuesOf } from '../../kubernetes/check';
import { pathLabel, valueRangeAt } from '../../kubernetes/locate';
import { schemaStore } from '../../kubernetes/schema';
import type { YamlDocumentRule } from '../registry';

/** A value of the wrong type: string vs integer vs object …, int-or-string and quantities included. */
export const schemaType: YamlDocumentRule = {
  id: 'schema-type',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  check(ctx) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'type');
    if (!found) return;
    const c = found.check;
    for (const issue of found.issues) {
      const d = schemaStore().describe(c.schemaVersion, c.id.apiVersion, c.id.kind, issue.path);
      const expected = d?.typeLabel ?? (issue.expected ?? []).join(' | ');
      ctx.report({
        range: valueRangeAt(doc, issue.path),
        message: msg('rule.schema-type.message', { path: pathLabel(issue.path) || c.id.kind, expected, actual: issue.actual ?? '?' }),
      });
    }
  },
};
