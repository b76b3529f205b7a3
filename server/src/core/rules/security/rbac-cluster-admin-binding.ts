import { lookup, perGeneration, sameNamespace, shift } from '../../kubernetes/index-lookup';
import { getSeq, getValue, isMap, scalarString } from '../../model/yaml';
import type { RbacSummary } from '../../model/resources';
import type { Message, Range, RelatedInformation } from '../../types';
import type { IndexedResource } from '../../workspace';
import { MASK } from '../../model/helm';
import { nodeRange } from './common';
import { getRoleRef, RBAC_GROUP } from './rbac';
import { defineRule } from '../define';

const summary = (r: IndexedResource): RbacSummary | undefined => r.data?.rbac as RbacSummary | undefined;
const matches = (sel: Record<string, string>, labels: Record<string, string> | undefined) => !!labels && Object.entries(sel).every(([k, v]) => labels[k] === v);

/** How a role reference grants everything: the built-in cluster-admin, its own rules, or an aggregated role. */
export interface AdminVerdict {
  /** The role that holds the `*`/`*`/`*` (or every read and write verb) rule (absent: the built-in cluster-admin). */
  source?: IndexedResource;
  /** The role the binding names, when defined in the workspace. */
  role?: IndexedResource;
  /** A workspace definition of cluster-admin with fewer rights, which the API server restores on start. */
  restored?: IndexedResource;
}

/**
 * Whether a binding's roleRef is cluster-admin-equivalent, as the API server sees it: the ClusterRole
 * cluster-admin is the built-in one — a workspace definition of it with fewer rights is restored to
 * `*` on `*` by the API server's bootstrap reconciliation when it starts, unless it is annotated
 * `rbac.authorization.kubernetes.io/autoupdate: "false"`; any other role defined in the workspace is
 * judged by its rules (whatever its name: `*` verbs, or every read and write verb, on `*` resources
 * in `*` groups), or by the roles its aggregationRule selects.
 */
export function adminVerdict(ws: Parameters<typeof lookup>[0], refKind: string, refName: string, bindingNs: string | undefined): AdminVerdict | undefined {
  const index = lookup(ws);
  const defs = (index.byKindName.get(`${refKind}\n${refName}`) ?? []).filter((d) => groupOf(d) === RBAC_GROUP && (refKind === 'ClusterRole' || sameNamespace(d.namespace, bindingNs)));
  const builtIn = refKind === 'ClusterRole' && refName === 'cluster-admin';
  if (!defs.length) return builtIn ? {} : undefined;
  let clusterRoles: IndexedResource[] | undefined;
  for (const role of defs) {
    const s = summary(role);
    if (s?.adminEquivalent) return { role, source: role };
    if (refKind !== 'ClusterRole' || !s?.aggregates) continue;
    for (const sel of s.aggregates) {
      // (The lookup tables of a tracked view answer get/has only: list the roles from the index.)
      for (const other of (clusterRoles ??= allClusterRoles(ws))) {
        if (other === role) continue;
        const os = summary(other);
        if (os?.adminEquivalent && matches(sel, os.labels)) return { role, source: other };
      }
    }
  }
  const kept = defs.find((d) => !summary(d)?.autoupdateOff);
  return builtIn && kept ? { restored: kept } : undefined;
}

function groupOf(r: IndexedResource): string {
  const i = r.apiVersion.lastIndexOf('/');
  return i < 0 ? '' : r.apiVersion.slice(0, i);
}

function allClusterRoles(ws: Parameters<typeof lookup>[0]): IndexedResource[] {
  const out: IndexedResource[] = [];
  for (const r of ws.all()) if (r.kind === 'ClusterRole' && groupOf(r) === RBAC_GROUP) out.push(r);
  return out;
}

/**
 * A RoleBinding/ClusterRoleBinding to a cluster-admin-equivalent role for a subject outside `system:`
 * (ServiceAccounts are always reported: an application account with cluster-admin is the classic
 * escalation path). The role is resolved through the workspace index (same file or another): the
 * built-in `cluster-admin` (also when the workspace redefines it with fewer rights: the API server
 * restores them), any role whose rules grant `*` verbs, or every read and write verb, on `*`
 * resources in `*` API groups, or a ClusterRole that aggregates one. A RoleBinding is reported with its namespace, a
 * ClusterRoleBinding as cluster-wide. Range: the subject entry; related: the role's definition.
 */
export const rbacClusterAdminBinding = defineRule({
  id: 'rbac-cluster-admin-binding',
  category: 'security',
  target: 'yaml-file',
  defaultSeverity: 'error',
  equivalents: ['kube-linter:cluster-admin-role-binding', 'polaris:clusterrolebindingClusterAdmin', 'polaris:rolebindingClusterAdminClusterRole', 'polaris:rolebindingClusterAdminRole'],
  references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege' }],
  docs: {
    summary: 'A RoleBinding or ClusterRoleBinding gives a cluster-admin-equivalent role (the built-in cluster-admin, a role granting * verbs — or every read and write verb — on * resources in * API groups, or one aggregating such a role) to a user, group or service account outside system:.',
    risk: 'cluster-admin can do everything, everywhere: one leaked credential of that subject owns the cluster.',
    fix: 'Bind a role with the permissions the subject needs. In the editor the finding underlines the subject entry. No quick fix.',
    differences: {
      'polaris:clusterrolebindingClusterAdmin':
        'Polaris passes ClusterRoleBindings named system:… or gce:podsecuritypolicy:calico-sa whatever they bind; Dockyard judges a binding by its role and subjects, whatever the binding is called (subjects named system:… are left out).',
      'polaris:rolebindingClusterAdminClusterRole':
        'Polaris passes RoleBindings named system:… or gce:podsecuritypolicy:calico-sa whatever they bind; Dockyard judges a binding by its role and subjects, whatever the binding is called (subjects named system:… are left out).',
      'polaris:rolebindingClusterAdminRole':
        'Polaris passes RoleBindings named system:… or gce:podsecuritypolicy:calico-sa whatever they bind; Dockyard judges a binding by its role and subjects, whatever the binding is called (subjects named system:… are left out).',
    },
  },
  messages: {
    message: 'The {binding} gives cluster-admin to {kind} "{name}".',
    messageEquivalent: 'The ClusterRoleBinding gives {kind} "{name}" cluster-admin-equivalent rights cluster-wide through ClusterRole "{role}".',
    messageNamespace: 'The RoleBinding gives {kind} "{name}" cluster-admin-equivalent rights in namespace "{namespace}" through {roleKind} "{role}".',
    messageAppliedNamespace: 'The RoleBinding gives {kind} "{name}" cluster-admin-equivalent rights in the namespace it is applied to, through {roleKind} "{role}".',
    relatedRole: '{roleKind} "{role}" grants every verb on every resource in every API group.',
    relatedAggregated: 'Aggregated from {roleKind} "{role}", which grants every verb on every resource in every API group.',
    relatedRoleReadWrite: '{roleKind} "{role}" grants every read and write verb (get, list, watch, create, update, patch, delete) on every resource in every API group: enough to read every Secret and run any pod.',
    relatedAggregatedReadWrite: 'Aggregated from {roleKind} "{role}", which grants every read and write verb (get, list, watch, create, update, patch, delete) on every resource in every API group.',
    relatedRestored: 'ClusterRole "cluster-admin" is defined here with fewer rights, but the API server restores the built-in cluster-admin rights when it starts (unless the role is annotated rbac.authorization.kubernetes.io/autoupdate: "false").',
  },
  check(ctx, m) {
    for (const { chunk, doc } of ctx.docs) {
      const id = doc.k8s;
      if (!id || id.group !== RBAC_GROUP || (id.kind !== 'ClusterRoleBinding' && id.kind !== 'RoleBinding')) continue;
      const found = perGeneration(doc, 'rbac-cluster-admin-binding', ctx.workspace, () => {
        const out: { range: Range; message: Message; related?: RelatedInformation[] }[] = [];
        const ref = getRoleRef(doc);
        if (!ref.kind || !ref.name || (ref.kind !== 'ClusterRole' && ref.kind !== 'Role')) return out;
        if (id.kind === 'ClusterRoleBinding' && ref.kind !== 'ClusterRole') return out;
        const verdict = adminVerdict(ctx.workspace, ref.kind, ref.name, id.namespace);
        if (!verdict) return out;
        const root = doc.contents;
        if (!isMap(root)) return out;
        const related: RelatedInformation[] = [];
        if (verdict.source) {
          const s = verdict.source;
          const readWrite = summary(s)?.adminEquivalent === 'readWrite';
          const own = verdict.source === verdict.role;
          related.push({
            range: s.range,
            ...(s.path !== ctx.path ? { path: s.path } : {}),
            message: m(own ? (readWrite ? 'relatedRoleReadWrite' : 'relatedRole') : readWrite ? 'relatedAggregatedReadWrite' : 'relatedAggregated', { roleKind: s.kind, role: s.name ?? '' }),
          });
        } else if (verdict.restored) {
          const s = verdict.restored;
          related.push({ range: s.range, ...(s.path !== ctx.path ? { path: s.path } : {}), message: m('relatedRestored') });
        }
        for (const s of getSeq(root, 'subjects')?.items ?? []) {
          if (!isMap(s)) continue;
          const kind = scalarString(getValue(s, 'kind')) ?? '';
          const name = scalarString(getValue(s, 'name')) ?? '';
          if (kind !== 'ServiceAccount' && name.startsWith('system:')) continue;
          // A templated name (Helm) is shown as written.
          const nameRange = getValue(s, 'name')?.range;
          // A name rendered by an include on the next line (a blank value in the masked text): unknowable.
          const shown = (name && !name.includes(MASK) ? name : nameRange ? doc.original.slice(nameRange[0], nameRange[1]) : '') || (doc.masked ? '{{…}}' : '?');
          const ns = id.namespace && !id.namespace.includes(MASK) ? id.namespace : undefined;
          let message: Message;
          if (id.kind === 'RoleBinding')
            message = ns
              ? m('messageNamespace', { kind, name: shown, role: ref.name, roleKind: ref.kind, namespace: ns })
              : m('messageAppliedNamespace', { kind, name: shown, role: ref.name, roleKind: ref.kind });
          else if (!verdict.source) message = m('message', { kind, name: shown, binding: id.kind });
          else message = m('messageEquivalent', { kind, name: shown, role: ref.name });
          out.push({ range: nodeRange(doc, s), message, ...(related.length ? { related } : {}) });
        }
        return out;
      }, ctx.path);
      for (const f of found) ctx.report({ range: shift(f.range, chunk.startLine), message: f.message, ...(f.related ? { related: f.related } : {}) });
    }
  },
});
