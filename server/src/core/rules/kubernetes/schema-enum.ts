import type { YScalar } from '../../model/ynode';
import { isScalar } from '../../model/ynode';
import { YamlEditor } from '../../fixes/yaml-edit';
import { schemaIssuesOf } from '../../kubernetes/check';
import { locatePath, pathLabel, valueRangeAt } from '../../kubernetes/locate';
import { nearestName } from '../../schema';
import type { Fix } from '../../types';
import { defineRule } from '../define';

/** A value outside the allowed set (`imagePullPolicy: Sometimes`); the fix picks the near allowed value. */
export const schemaEnum = defineRule({
  id: 'schema-enum',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  fixTiers: ['review'],
  equivalents: ['kube-linter:schema-validation'],
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  docs: {
    summary: 'A value outside the set the field allows (`imagePullPolicy: Sometimes`, `restartPolicy: Allways`). The 1.35 OpenAPI data has no `enum`, so the sets come from the field descriptions and a reviewed table.',
    risk: 'The API server rejects the object.',
    fix: 'Use one of the allowed values (case matters); the quick fix picks the nearest one.',
  },
  messages: {
    message: '{path} is "{actual}"; allowed: {allowed}.',
    suggest: '{path} is "{actual}"; allowed: {allowed}. Did you mean "{suggestion}"?',
    fixTitle: 'Change to "{value}"',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'enum', ctx.providers, ctx.workspaceCrd);
    if (!found) return;
    for (const issue of found.issues) {
      const allowed = issue.expected ?? [];
      const actual = issue.actual ?? '';
      const near = actual ? nearestName(actual, allowed) : undefined;
      let fixes: Fix[] | undefined;
      const loc = locatePath(doc, issue.path);
      const node = loc.complete ? loc.steps[loc.steps.length - 1]?.node : undefined;
      if (near !== undefined && isScalar(node) && node.range && typeof node.value === 'string') {
        fixes = [{ title: m('fixTitle', { value: near }), edits: [new YamlEditor(doc).setScalar(node as YScalar, near)] }];
      }
      ctx.report({
        range: valueRangeAt(doc, issue.path),
        message: m(near !== undefined ? 'suggest' : 'message', {
          path: pathLabel(issue.path),
          actual,
          allowed: allowed.join(', '),
          suggestion: near ?? '',
        }),
        fixes,
      });
    }
  },
});
