import { schemaIssuesOf } from '../../kubernetes/check';
import { objectRangeAt, pathLabel } from '../../kubernetes/locate';
import { defineRule } from '../define';

/** A required field is missing (on the key that holds the object, or the `kind` pair for top-level fields). */
export const schemaRequired = defineRule({
  id: 'schema-required',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  equivalents: ['kube-linter:schema-validation'],
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  docs: {
    summary: 'A field the Kubernetes schema requires is missing.',
    risk: 'The API server rejects the object.',
    fix: 'Add the field. Hover a key to see its documentation; completion lists required fields first.',
  },
  messages: {
    message: 'Missing required field "{key}" in {path}.',
    root: '{kind} requires the field "{key}".',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'required', ctx.providers, ctx.workspaceCrd);
    if (!found) return;
    const c = found.check;
    for (const issue of found.issues) {
      if (issue.key === undefined) continue;
      const message = issue.path.length
        ? m('message', { key: issue.key, path: pathLabel(issue.path) })
        : m('root', { key: issue.key, kind: c.id.kind });
      ctx.report({ range: objectRangeAt(doc, issue.path), message });
    }
  },
});
