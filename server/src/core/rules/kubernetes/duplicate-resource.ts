import { msg } from '../../messages/catalog';
import { identityKey, lookup } from '../../kubernetes/index-lookup';
import { isMasked } from '../../model/helm';
import type { YamlFileRule } from '../registry';

function dirOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? '' : p.slice(0, i);
}

/**
 * Two documents that define the same object (API group, kind, namespace, name): the later one
 * overwrites the first on apply. Across files only within one folder: other folders are usually
 * other environments, kustomize bases and overlays, or other charts. Helm templates are skipped:
 * their conditions decide which documents render.
 */
export const duplicateResource: YamlFileRule = {
  id: 'duplicate-resource',
  category: 'kubernetes',
  target: 'yaml-file',
  defaultSeverity: 'warning',
  references: [{ title: 'Object names and IDs', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/' }],
  check(ctx) {
    const index = lookup(ctx.workspace);
    const own = ctx.workspace.get(ctx.path);
    const dir = dirOf(ctx.path);
    for (const r of own) {
      if (r.name === undefined || r.kind === 'List' || r.data?.helm || isMasked(r.name) || isMasked(r.namespace) || isMasked(r.apiVersion) || isMasked(r.kind)) continue;
      const others = (index.byIdentity.get(identityKey(r.apiVersion, r.kind, r.namespace, r.name)) ?? []).filter(
        (o) => !(o.path === r.path && o.docIndex === r.docIndex) && !o.data?.helm && (o.path === ctx.path || dirOf(o.path) === dir),
      );
      if (!others.length) continue;
      ctx.report({
        range: r.range,
        message: msg('rule.duplicate-resource.message', { kind: r.kind, name: r.name, count: others.length + 1 }),
        related: others.slice(0, 10).map((o) => ({
          range: o.range,
          message: msg('rule.duplicate-resource.other', { kind: o.kind, name: o.name ?? '' }),
          ...(o.path !== ctx.path ? { path: o.path } : {}),
        })),
      });
    }
  },
};
