import type { YScalar } from '../../model/ynode';
import { isScalar } from '../../model/ynode';
import { msg } from '../../messages/catalog';
import { schemaIssuesOf } from '../../kubernetes/check';
import { keyRangeAt, lastPair, locatePath, pathLabel } from '../../kubernetes/locate';
import { isMap } from '../../model/yaml';
import type { Fix } from '../../types';
import type { YamlDocumentRule } from '../registry';

/** A field the schema does not define (typos such as `contaienrs`, fields at the wrong level). */
export const schemaUnknownField: YamlDocumentRule = {
  id: 'schema-unknown-field',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  fixTiers: ['review'],
  references: [{ title: 'kubectl apply --validate=strict (field validation)', url: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation' }],
  check(ctx) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'unknown-field', ctx.providers);
    if (!found) return;
    const c = found.check;
    for (const issue of found.issues) {
      if (issue.key === undefined) continue;
      const parentPath = issue.path.slice(0, -1);
      const where = pathLabel(parentPath) || c.id.kind;
      const range = keyRangeAt(doc, issue.path);
      if (issue.suggestion === undefined) {
        ctx.report({ range, message: msg('rule.schema-unknown-field.message', { key: issue.key, path: where }) });
        continue;
      }
      ctx.report({
        range,
        message: msg('rule.schema-unknown-field.suggest', { key: issue.key, path: where, suggestion: issue.suggestion }),
        fixes: renameFix(ctx.doc, issue.path, issue.suggestion),
      });
    }
  },
};

/** Rename the key in place (same quoting), unless the suggested key is already there. */
function renameFix(doc: Parameters<typeof locatePath>[0], path: readonly (string | number)[], suggestion: string): Fix[] | undefined {
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
  return [{ title: msg('rule.schema-unknown-field.fixTitle', { suggestion }), edits: [{ range: doc.rangeOfOffsets(k.range![0], k.range![1]), newText: text }] }];
}
