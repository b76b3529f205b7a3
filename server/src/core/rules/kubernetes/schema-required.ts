import { msg } from '../../messages/catalog';
import { schemaIssuesOf } from '../../kubernetes/check';
import { objectRangeAt, pathLabel } from '../../kubernetes/locate';
import type { YamlDocumentRule } from '../registry';

/** A required field is missing (on the key that holds the object, or the `kind` pair for top-level fields). */
export const schemaRequired: YamlDocumentRule = {
  id: 'schema-required',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  check(ctx) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'required', ctx.providers);
    if (!found) return;
    const c = found.check;
    for (const issue of found.issues) {
      if (issue.key === undefined) continue;
      const message = issue.path.length
        ? msg('rule.schema-required.message', { key: issue.key, path: pathLabel(issue.path) })
        : msg('rule.schema-required.root', { key: issue.key, kind: c.id.kind });
      ctx.report({ range: objectRangeAt(doc, issue.path), message });
    }
  },
};
