import type { YScalar } from '../../model/ynode';
import { isMap, isScalar } from '../../model/ynode';
import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { checkDocument } from '../../kubernetes/check';
import { lastPair } from '../../kubernetes/locate';
import { schemaStore } from '../../kubernetes/schema';
import type { Fix } from '../../types';
import type { YamlDocContext } from '../registry';

/**
 * deprecated-api and removed-api: the apiVersion is in the lifecycle table (deprecations.tsv).
 * Where the move is mechanical (only apiVersion changes) and the selected version serves the
 * replacement, the fix rewrites apiVersion; otherwise the message lists the field changes.
 */
export function checkLifecycle(ctx: YamlDocContext, which: 'deprecated-api' | 'removed-api'): void {
  const { doc } = ctx;
  const c = checkDocument(doc, ctx.config, ctx.path, ctx.providers);
  const lc = c?.lifecycle;
  const root = doc.contents;
  if (!c || !lc || c.status === 'skipped' || !isMap(root)) return;
  if ((which === 'removed-api') !== lc.removed) return;
  const pair = lastPair(root, 'apiVersion');
  if (!pair) return;
  const { apiVersion, kind } = c.id;
  const replacement = lc.replacementKind ? `${lc.replacementApiVersion} ${lc.replacementKind}` : (lc.replacementApiVersion ?? '');
  const args = { apiVersion, kind, removedIn: lc.row.removedIn, version: c.selectedVersion, replacement, notes: lc.notes };
  const variant = !lc.replacementApiVersion ? 'none' : lc.row.mechanical && !lc.replacementKind ? 'mechanical' : 'changes';
  const prefix = which === 'removed-api' ? 'removed' : lc.row.removedIn === '-' ? 'served' : 'removal';
  let fixes: Fix[] | undefined;
  if (variant === 'mechanical' && isScalar(pair.value) && pair.value.range) {
    const target = lc.replacementApiVersion!;
    if (schemaStore(ctx.providers).knows(c.schemaVersion, target, kind) === 'known') {
      fixes = [
        {
          title: msg(`rule.${which}.fixTitle`, { replacement: target }),
          edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, target)],
          tier: 'safe',
        },
      ];
    }
  }
  const id = which === 'removed-api' ? `rule.removed-api.${variant}` : `rule.deprecated-api.${prefix}.${variant}`;
  ctx.report({ range: doc.valueRange(pair), message: msg(id, args), fixes });
}
