import { getMap, getSeq, getValue, isMap, isScalar, scalarString, type YNode, type YMap, type YSeq, type YamlDocModel } from '../../model/yaml';

/** Shared reading of RBAC objects: a Role/ClusterRole's rules with their string lists. */
export interface RbacRule {
  node: YMap;
  apiGroups?: YSeq;
  resources?: YSeq;
  verbs?: YSeq;
  resourceNames?: YSeq;
}

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function isRole(doc: YamlDocModel, clusterOnly = false): boolean {
  const id = doc.k8s;
  if (!id || id.group !== RBAC_GROUP) return false;
  return id.kind === 'ClusterRole' || (!clusterOnly && id.kind === 'Role');
}

export function rbacRules(doc: YamlDocModel): RbacRule[] {
  return doc.memoize('security.rbacRules', () => {
    const root = doc.contents;
    if (!isMap(root)) return [];
    const out: RbacRule[] = [];
    for (const r of getSeq(root, 'rules')?.items ?? []) {
      if (!isMap(r)) continue;
      out.push({ node: r, apiGroups: getSeq(r, 'apiGroups'), resources: getSeq(r, 'resources'), verbs: getSeq(r, 'verbs'), resourceNames: getSeq(r, 'resourceNames') });
    }
    return out;
  });
}

export function strings(seq: YSeq | undefined): string[] {
  return (seq?.items ?? []).map((i) => scalarString(i)).filter((s): s is string => s !== undefined);
}

/** YScalar items of a list with their nodes. */
export function items(seq: YSeq | undefined): { node: YNode; value: string }[] {
  const out: { node: YNode; value: string }[] = [];
  for (const i of seq?.items ?? []) {
    const v = scalarString(i);
    if (isScalar(i) && v !== undefined) out.push({ node: i, value: v });
  }
  return out;
}

/** The core API group ('') or a wildcard. */
export function coversCoreGroup(r: RbacRule): boolean {
  const g = strings(r.apiGroups);
  return g.includes('') || g.includes('*');
}

export function getRoleRef(doc: YamlDocModel): { kind?: string; name?: string } {
  const root = doc.contents;
  const ref = isMap(root) ? getMap(root, 'roleRef') : undefined;
  return { kind: scalarString(ref ? getValue(ref, 'kind') : undefined), name: scalarString(ref ? getValue(ref, 'name') : undefined) };
}
