import { identityKey, lookup } from '../../kubernetes/index-lookup';
import { isMasked } from '../../model/helm';
import type { Report } from '../registry';
import type { WorkspaceIndex } from '../../workspace';
import { defineRule, type MessageOf } from '../define';

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
export const duplicateResource = defineRule({
  id: 'duplicate-resource',
  category: 'kubernetes',
  target: 'yaml-file',
  defaultSeverity: 'warning',
  references: [{ title: 'Object names and IDs', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/' }],
  docs: {
    summary: 'Two documents define the same object (API group, kind, namespace and name), in one file or in files of the same folder; the later one overwrites the first on apply.',
    risk: 'Only one of the two definitions ends up in the cluster, silently.',
    fix: 'Remove one definition, or give one of them another name or namespace.',
  },
  messages: {
    message: '{kind} "{name}" is defined {count} times.',
    other: 'Another definition of {kind} "{name}".',
  },
  check(ctx, m) {
    // The result depends only on the index (its entries carry absolute ranges) and the path.
    const perFile = ctx.workspace.memo('duplicate-resource', () => ({ byPath: new Map<string, Report[]>() }));
    let reports = perFile.byPath.get(ctx.path);
    if (!reports) {
      reports = compute(ctx.workspace, ctx.path, m);
      perFile.byPath.set(ctx.path, reports);
    }
    for (const r of reports) ctx.report(r);
  },
});

function compute(ws: WorkspaceIndex, path: string, m: MessageOf<'message' | 'other'>): Report[] {
  const out: Report[] = [];
  const index = lookup(ws);
  const dir = dirOf(path);
  for (const r of ws.get(path)) {
    // A kustomize patch names the object it patches: not a second definition.
    if (r.name === undefined || r.kind === 'List' || r.data?.helm || r.data?.kustomizePatch || isMasked(r.name) || isMasked(r.namespace) || isMasked(r.apiVersion) || isMasked(r.kind)) continue;
    const others = (index.byIdentity.get(identityKey(r.apiVersion, r.kind, r.namespace, r.name)) ?? []).filter(
      (o) => !(o.path === r.path && o.docIndex === r.docIndex && o.item === r.item) && !o.data?.helm && !o.data?.kustomizePatch && (o.path === path || dirOf(o.path) === dir),
    );
    if (!others.length) continue;
    out.push({
      range: r.range,
      message: m('message', { kind: r.kind, name: r.name, count: others.length + 1 }),
      related: others.slice(0, 10).map((o) => ({
        range: o.range,
        message: m('other', { kind: o.kind, name: o.name ?? '' }),
        ...(o.path !== path ? { path: o.path } : {}),
      })),
    });
  }
  return out;
}
