import { type Node } from 'yaml';
import { isMap, isSeq, isScalar } from '../../model/yaml-api';
import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { isMasked } from '../../model/helm';

export const duplicateKey: YamlDocumentRule = {
  id: 'duplicate-key',
  category: 'yaml',
  target: 'yaml-document',
  kubernetesOnly: false,
  defaultSeverity: 'error',
  generic: 'yaml',
  check(ctx) {
    const { doc } = ctx;
    // Iterative walk: deeply nested documents must not overflow the stack.
    const stack: unknown[] = [doc.contents];
    let visited = 0;
    while (stack.length) {
      const n = stack.pop();
      if (++visited > 200_000) break;
      if (isMap(n)) {
        // Most mappings are small: a Map per mapping cost more than the scan it saves.
        const seen = n.items.length > 12 ? new Map<string, Node>() : new SmallMap();
        for (const it of n.items) {
          const k = it.key as Node | null;
          if (isScalar(k) && k.range) {
            const key = String(k.value);
            if (key === '<<' || isMasked(k.value)) {
              /* merge keys and Helm-masked keys can repeat */
            } else {
              const first = seen.get(key);
              // In a Helm template both branches of an if/else appear once masked: not a duplicate.
              if (first && !(doc.masked && branchesDiffer(doc.original, first.range![0], k.range[0]))) {
                ctx.report({
                  range: doc.rangeOf(k),
                  message: msg('rule.duplicate-key.message', { key, line: doc.lines.positionAt(first.range![0]).line + 1 }),
                  related: [{ range: doc.rangeOf(first), message: msg('rule.duplicate-key.first', { key }) }],
                });
              } else if (!first) seen.set(key, k);
            }
          }
          if (it.value) stack.push(it.value);
        }
      } else if (isSeq(n)) {
        for (const it of n.items) stack.push(it);
      }
    }
  },
};

/** Whether a Helm control action (else, end, if, range, with, define) stands between two offsets. */
function branchesDiffer(original: string, a: number, b: number): boolean {
  return /\{\{-?\s*(else|end|if|range|with|define)\b/.test(original.slice(a, b));
}

/** The part of Map that the walk uses, as parallel arrays (for mappings of a dozen keys or fewer). */
class SmallMap {
  private readonly keys: string[] = [];
  private readonly nodes: Node[] = [];
  get(key: string): Node | undefined {
    const i = this.keys.indexOf(key);
    return i < 0 ? undefined : this.nodes[i];
  }
  set(key: string, node: Node): void {
    this.keys.push(key);
    this.nodes.push(node);
  }
}
