import type { YScalar } from '../../model/ynode';
import { isScalar } from '../../model/ynode';
import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { schemaIssuesOf } from '../../kubernetes/check';
import { locatePath, pathLabel, valueRangeAt } from '../../kubernetes/locate';
import { nearestName } from '../../schema';
import type { Fix } from '../../types';
import type { YamlDocumentRule } from '../registry';

/** A value outside the allowed set (`imagePullPolicy: Sometimes`); the fix picks the near allowed value. */
export const schemaEnum: YamlDocumentRule = {
  id: 'schema-enum',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  fixTiers: ['review'],
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  check(ctx) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'enum', ctx.providers);
    if (!found) return;
    for (const issue of found.issues) {
      const allowed = issue.expected ?? [];
      const actual = issue.actual ?? '';
      const near = actual ? nearestName(actual, allowed) : undefined;
      let fixes: Fix[] | undefined;
      const loc = locatePath(doc, issue.path);
      const node = loc.complete ? loc.steps[loc.steps.length - 1]?.node : undefined;
      if (near !== undefined && isScalar(node) && node.range && typeof node.value === 'string') {
        fixes = [{ title: msg('rule.schema-enum.fixTitle', { value: near }), edits: [new YamlEditor(doc).setScalar(node as YScalar, near)] }];
      }
      ctx.report({
        range: valueRangeAt(doc, issue.path),
        message: msg(near !== undefined ? 'rule.schema-enum.suggest' : 'rule.schema-enum.message', {
          path: pathLabel(issue.path),
          actual,
          allowed: allowed.join(', '),
          suggestion: near ?? '',
        }),
        fixes,
      });
    }
  },
};
