import type { YScalar } from '../../model/ynode';
import { isScalar } from '../../model/ynode';
import { schemaIssuesOf } from '../../kubernetes/check';
import { keyRangeAt, lastPair, locatePath, pathLabel } from '../../kubernetes/locate';
import { isMap } from '../../model/yaml';
import type { Fix } from '../../types';
import { defineRule, type MessageOf } from '../define';

/** A field the schema does not define (typos such as `contaienrs`, fields at the wrong level). */
export const schemaUnknownField = defineRule({
  id: 'schema-unknown-field',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  fixTiers: ['review'],
  equivalents: ['kube-linter:schema-validation'],
  references: [{ title: 'kubectl apply --validate=strict (field validation)', url: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation' }],
  docs: {
    summary: 'A field the Kubernetes schema does not define: a typo (`contaienrs`) or a field at the wrong level (`imagePullPolicy` under the pod spec).',
    risk: 'kubectl drops unknown fields with a warning (or rejects them with --validate=strict): the setting silently has no effect.',
    fix: 'Rename the field (the quick fix applies the suggestion) or move it to the level where it belongs.',
  },
  messages: {
    message: 'Unknown field "{key}" in {path}.',
    suggest: 'Unknown field "{key}" in {path}; did you mean "{suggestion}"?',
    fixTitle: 'Rename to "{suggestion}"',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'unknown-field', ctx.providers, ctx.workspaceCrd);
    if (!found) return;
    const c = found.check;
    for (const issue of found.issues) {
      if (issue.key === undefined) continue;
      const parentPath = issue.path.slice(0, -1);
      const where = pathLabel(parentPath) || c.id.kind;
      const range = keyRangeAt(doc, issue.path);
      if (issue.suggestion === undefined) {
        ctx.report({ range, message: m('message', { key: issue.key, path: where }) });
        continue;
      }
      ctx.report({
        range,
        message: m('suggest', { key: issue.key, path: where, suggestion: issue.suggestion }),
        fixes: renameFix(ctx.doc, issue.path, issue.suggestion, m),
      });
    }
  },
});

/** Rename the key in place (same quoting), unless the suggested key is already there. */
function renameFix(doc: Parameters<typeof locatePath>[0], path: readonly (string | number)[], suggestion: string, m: MessageOf<'fixTitle'>): Fix[] | undefined {
  const loc = locatePath(doc, path.slice(0, -1));
  const parent = loc.complete ? (loc.steps.length ? loc.steps[loc.steps.length - 1].node : doc.contents) : undefined;
  if (!isMap(parent) || lastPair(parent, suggestion)) return undefined;
  const pair = lastPair(parent, String(path[path.length - 1]));
  const key = pair?.key;
  if (!isScalar(key) || !key.range) return undefined;
  const k = key as YScalar;
  let text = suggestion;
  if (k.type === 'QUOTE_DOUBLE') text = JSON.stringify(suggestion);
  else if (k.type === 'QUOTE_SINGLE') text = `'${suggestion}'`;
  else if (k.type !== 'PLAIN') return undefined;
  return [{ title: m('fixTitle', { suggestion }), edits: [{ range: doc.rangeOfOffsets(k.range![0], k.range![1]), newText: text }] }];
}
