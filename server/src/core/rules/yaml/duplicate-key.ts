import type { YNode, YScalar } from '../../model/ynode';
import { isMap, isSeq, isScalar } from '../../model/ynode';
import { isMasked } from '../../model/helm';
import { defineRule } from '../define';

export const duplicateKey = defineRule({
  id: 'duplicate-key',
  category: 'yaml',
  target: 'yaml-document',
  kubernetesOnly: false,
  defaultSeverity: 'error',
  generic: 'yaml',
  docs: {
    summary: 'A mapping key given twice; YAML tools disagree on which value wins (kubectl keeps the last).',
    fix: 'Remove or rename one of the keys.',
  },
  messages: {
    message: 'Duplicate key "{key}" (first defined on line {line}).',
    first: 'First "{key}" is here.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    // Iterative walk: deeply nested documents must not overflow the stack.
    const stack: unknown[] = [doc.contents];
    let visited = 0;
    while (stack.length) {
      const n = stack.pop();
      if (++visited > 200_000) break;
      if (isMap(n)) {
        const items = n.items;
        // Most mappings are small: comparing with the earlier keys beats a Map per mapping.
        const seen = items.length > 12 ? new Map<string, YNode>() : undefined;
        for (let j = 0; j < items.length; j++) {
          const it = items[j];
          const k = it.key as YNode | null;
          const key = keyOf(k);
          if (key !== undefined) {
            let first: YNode | undefined;
            if (seen) first = seen.get(key);
            else {
              for (let i = 0; i < j && !first; i++) {
                const e = items[i].key as YNode | null;
                if (keyOf(e) === key) first = e!;
              }
            }
            // In a Helm template both branches of an if/else appear once masked: not a duplicate.
            if (first && !(doc.masked && branchesDiffer(doc.original, first.range![0], (k as YScalar).range![0]))) {
              ctx.report({
                range: doc.rangeOf(k!),
                message: m('message', { key, line: doc.lines.positionAt(first.range![0]).line + 1 }),
                related: [{ range: doc.rangeOf(first), message: m('first', { key }) }],
              });
            } else if (!first && seen) seen.set(key, k!);
          }
          if (it.value) stack.push(it.value);
        }
      } else if (isSeq(n)) {
        for (const it of n.items) stack.push(it);
      }
    }
  },
});

/** Whether a Helm control action (else, end, if, range, with, define) stands between two offsets. */
function branchesDiffer(original: string, a: number, b: number): boolean {
  return /\{\{-?\s*(else|end|if|range|with|define)\b/.test(original.slice(a, b));
}

/** The key a duplicate is judged by; undefined for keys that may repeat (merge keys, Helm-masked keys, non-scalars). */
function keyOf(k: YNode | null): string | undefined {
  if (!isScalar(k) || !k.range) return undefined;
  const key = String(k.value);
  return key === '<<' || isMasked(k.value) ? undefined : key;
}
