import type { YScalar } from '../../model/ynode';
import { isMap, isScalar } from '../../model/ynode';
import { YamlEditor } from '../../fixes/yaml-edit';
import { checkDocument } from '../../kubernetes/check';
import { lastPair } from '../../kubernetes/locate';
import { schemaStore } from '../../kubernetes/schema';
import type { Fix, Message } from '../../types';
import type { YamlDocContext } from '../registry';

/**
 * deprecated-api and removed-api: the apiVersion is in the lifecycle table (deprecations.tsv).
 * Where the move is mechanical (only apiVersion changes) and the selected version serves the
 * replacement, the fix rewrites apiVersion; otherwise the message lists the field changes.
 */
export type LifecycleVariant = 'mechanical' | 'changes' | 'none';

/** The rule's own messages: the finding (by variant; `served`: the selected version still serves it) and the fix title. */
export interface LifecycleMessages {
  finding(variant: LifecycleVariant, served: boolean, args: Record<string, string>): Message;
  fixTitle(replacement: string): Message;
}

export function checkLifecycle(ctx: YamlDocContext, which: 'deprecated-api' | 'removed-api', text: LifecycleMessages): void {
  const { doc } = ctx;
  const c = checkDocument(doc, ctx.config, ctx.path, ctx.providers, ctx.workspaceCrd);
  const lc = c?.lifecycle;
  const root = doc.contents;
  if (!c || !lc || c.status === 'skipped' || !isMap(root)) return;
  if ((which === 'removed-api') !== lc.removed) return;
  const pair = lastPair(root, 'apiVersion');
  if (!pair) return;
  const { apiVersion, kind } = c.id;
  const replacement = lc.replacementKind ? `${lc.replacementApiVersion} ${lc.replacementKind}` : (lc.replacementApiVersion ?? '');
  const args = { apiVersion, kind, removedIn: lc.row.removedIn, version: c.selectedVersion, replacement, notes: lc.notes };
  const variant: LifecycleVariant = !lc.replacementApiVersion ? 'none' : lc.row.mechanical && !lc.replacementKind ? 'mechanical' : 'changes';
  let fixes: Fix[] | undefined;
  if (variant === 'mechanical' && isScalar(pair.value) && pair.value.range) {
    const target = lc.replacementApiVersion!;
    if (schemaStore(ctx.providers).knows(c.schemaVersion, target, kind) === 'known') {
      fixes = [
        {
          title: text.fixTitle(target),
          edits: [new YamlEditor(doc).setScalar(pair.value as YScalar, target)],
          tier: 'safe',
        },
      ];
    }
  }
  ctx.report({ range: doc.valueRange(pair), message: text.finding(variant, lc.row.removedIn === '-', args), fixes });
}
