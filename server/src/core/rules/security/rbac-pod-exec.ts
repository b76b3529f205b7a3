import { nodeRange } from './common';
import { coversCoreGroup, isRole, items, rbacRules, strings } from './rbac';
import { policyMinor } from './psa';
import { defineRule } from '../define';

/** The pod subresources that open a stream into a container. */
const STREAMS = ['exec', 'attach', 'portforward'];
/** From 1.35 the API server authorizes the WebSocket upgrade of exec/attach/portforward as `create` only. */
export const EXEC_NEEDS_CREATE_MINOR = 35;

/**
 * The stream subresources a `resources` entry grants, as the API server matches them: `*` (every
 * resource), the subresource itself (`pods/exec`), `*\/exec` (that subresource of every resource), and
 * `pods/*` (written to mean every pods subresource).
 */
export function streamsGranted(resource: string): string[] {
  if (resource === '*' || resource === 'pods/*') return STREAMS.map((s) => `pods/${s}`);
  const m = /^(pods|\*)\/(exec|attach|portforward)$/.exec(resource);
  return m ? [`pods/${m[2]}`] : [];
}

/**
 * A Role/ClusterRole rule granting `pods/exec`, `pods/attach` or `pods/portforward` — directly or
 * through `pods/*`, `*\/exec`, `*` — in the core API group, with `create` or `*`; `get` alone grants
 * the stream only below Kubernetes 1.35 (from 1.35 the WebSocket upgrade needs `create`), so it is
 * judged per selected `kubernetes.version`. Range: the resource entry.
 */
export const rbacPodExec = defineRule({
  id: 'rbac-pod-exec',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  equivalents: ['polaris:clusterrolePodExecAttach', 'polaris:rolePodExecAttach'],
  references: [
    { title: 'Kubernetes: RBAC good practices (pods/exec)', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks' },
    { title: 'KEP-4006: transition from SPDY to WebSockets (exec needs create)', url: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-api-machinery/4006-transition-spdy-to-websockets' },
  ],
  docs: {
    summary: 'A Role or ClusterRole grants pods/exec, pods/attach or pods/portforward (directly or through pods/*, */exec, *) with create; with get alone below Kubernetes 1.35 (from 1.35 the WebSocket upgrade needs create).',
    risk: 'exec and attach open a shell in any matching pod, with its service account and its secrets.',
    fix: 'Remove the grant, or keep it in a role bound only to administrators. In the editor the finding underlines the resource entry. No quick fix.',
    differences: {
      'polaris:clusterrolePodExecAttach':
        'Polaris passes ClusterRoles named admin, edit, cluster-admin, system:… or gce:podsecuritypolicy:calico-sa whatever they grant; Dockyard judges every role in the manifests by its rules (a role named like a built-in one is not the built-in one). Polaris also counts `get` as granting exec and attach; Dockyard does so only when the selected Kubernetes version is below 1.35, because from 1.35 the API server authorizes the WebSocket upgrade as `create` (with `--k8s-version 1.34` Dockyard agrees).',
      'polaris:rolePodExecAttach':
        'Polaris passes Roles named system:… or gce:podsecuritypolicy:calico-sa whatever they grant; Dockyard judges every role in the manifests by its rules. Polaris also counts `get` as granting exec and attach; Dockyard does so only when the selected Kubernetes version is below 1.35, because from 1.35 the API server authorizes the WebSocket upgrade as `create` (with `--k8s-version 1.34` Dockyard agrees).',
    },
  },
  messages: {
    message: 'The rule grants {resource} ({verbs}).',
  },
  check(ctx, m) {
    const { doc } = ctx;
    if (!isRole(doc)) return;
    const getGrants = policyMinor(ctx.config) < EXEC_NEEDS_CREATE_MINOR;
    for (const r of rbacRules(doc)) {
      if (!coversCoreGroup(r)) continue;
      const verbs = strings(r.verbs);
      if (!verbs.some((v) => v === 'create' || v === '*' || (getGrants && v === 'get'))) continue;
      for (const it of items(r.resources)) {
        const granted = streamsGranted(it.value);
        if (!granted.length) continue;
        const resource = granted.length === 1 && granted[0] === it.value ? it.value : `${granted.join(', ')} (through "${it.value}")`;
        ctx.report({ range: nodeRange(doc, it.node), message: m('message', { resource, verbs: verbs.join(', ') }) });
      }
    }
  },
});
