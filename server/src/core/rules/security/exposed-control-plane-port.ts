import { containerLabel, podsOf } from '../../model/pods';
import { getPair, getSeq, getValue, isMap, isScalar, isTrue, scalarString, scalarValue, type YNode, type YPair } from '../../model/yaml';
import { defineRule } from '../define';

/** Control-plane and runtime ports that must never be reachable from outside the cluster. */
export const CONTROL_PLANE_PORTS: Record<number, string> = {
  6443: 'kube-apiserver',
  2379: 'etcd',
  2380: 'etcd peer',
  10250: 'kubelet',
  10255: 'kubelet read-only',
  10251: 'kube-scheduler (insecure)',
  10259: 'kube-scheduler',
  10252: 'kube-controller-manager (insecure)',
  10257: 'kube-controller-manager',
  10256: 'kube-proxy health',
  2375: 'Docker API',
  2376: 'Docker API (TLS)',
};
/**
 * Ports many ordinary applications also use: reported only when the object, container, image or port
 * name shows the component (so a web app on 8080 is not taken for an insecure kube-apiserver).
 */
export const AMBIGUOUS_PORTS: Record<number, { component: string; pattern: RegExp }> = {
  8080: { component: 'kube-apiserver (insecure)', pattern: /apiserver|kube-api/i },
  8001: { component: 'kubectl proxy', pattern: /kubectl|kube-proxy|proxy/i },
  8443: { component: 'Kubernetes dashboard', pattern: /dashboard/i },
  9090: { component: 'Kubernetes dashboard', pattern: /dashboard/i },
};

function componentOf(port: unknown, context: string): string | undefined {
  const n = typeof port === 'number' ? port : typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : undefined;
  if (n === undefined) return undefined;
  if (CONTROL_PLANE_PORTS[n]) return CONTROL_PLANE_PORTS[n];
  const a = AMBIGUOUS_PORTS[n];
  return a && a.pattern.test(context) ? a.component : undefined;
}

/**
 * A NodePort/LoadBalancer Service, a Service with externalIPs, a `hostPort`, or a container of a
 * hostNetwork pod that exposes a control-plane or runtime port. Range: the port pair.
 */
export const exposedControlPlanePort = defineRule({
  id: 'exposed-control-plane-port',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes: ports and protocols', url: 'https://kubernetes.io/docs/reference/networking/ports-and-protocols/' }],
  docs: {
    summary: 'A NodePort/LoadBalancer Service, externalIPs, hostPort or hostNetwork container exposes a control-plane or runtime port (kube-apiserver 6443/8080, kubelet 10250/10255, etcd 2379/2380, Docker API 2375/2376, kube-scheduler 10251/10259, kube-controller-manager 10252/10257, kube-proxy 10256, kubectl proxy 8001, dashboard).',
    risk: 'These ports control the cluster or the node; reachable from outside they are a direct way in.',
    fix: 'Keep the port on a ClusterIP Service or behind an authenticated proxy. Ports that ordinary applications share (8080, 8001, 8443, 9090) count only when a name or image shows the component. In the editor the finding underlines the port line. No quick fix.',
  },
  messages: {
    messageService: 'Port {port} ({component}) is exposed through {how}.',
    messageHostPort: 'Container "{container}" exposes {component} port {port} on the node (hostPort).',
    messageHostNetwork: 'Container "{container}" listens on {component} port {port} in the node\'s network (hostNetwork).',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const id = doc.k8s;
    if (!id) return;
    const root = doc.contents;
    if (id.kind === 'Service' && id.group === '' && isMap(root)) {
      const spec = getValue(root, 'spec');
      if (!isMap(spec)) return;
      const type = scalarString(getValue(spec, 'type'));
      const external = getSeq(spec, 'externalIPs')?.items.length ?? 0;
      if (type !== 'NodePort' && type !== 'LoadBalancer' && !external) return;
      const how = type === 'NodePort' || type === 'LoadBalancer' ? type : 'externalIPs';
      for (const p of getSeq(spec, 'ports')?.items ?? []) {
        if (!isMap(p)) continue;
        const context = `${id.name ?? ''} ${scalarString(getValue(p, 'name')) ?? ''}`;
        for (const field of ['port', 'targetPort', 'nodePort']) {
          const pair = getPair(p, field);
          const component = pair && componentOf(scalarValue(pair.value), context);
          if (!pair || !component) continue;
          ctx.report({ range: ctx.doc.pairRange(pair), message: m('messageService', { port: String(scalarValue(pair.value)), component, how }) });
          break;
        }
      }
      return;
    }
    for (const pod of podsOf(doc)) {
      const hostNetwork = isTrue(getValue(pod.spec, 'hostNetwork'));
      for (const c of pod.containers) {
        const context = `${id.name ?? ''} ${c.name ?? ''} ${scalarString(getValue(c.node, 'image')) ?? ''}`;
        for (const p of getSeq(c.node, 'ports')?.items ?? []) {
          if (!isMap(p)) continue;
          const ctxText = `${context} ${scalarString(getValue(p, 'name')) ?? ''}`;
          const hp = getPair(p, 'hostPort');
          const cp = getPair(p, 'containerPort');
          let hit: [YPair, string, 'hostPort' | 'hostNetwork'] | undefined;
          const hc = hp && isScalar(hp.value) ? componentOf(scalarValue(hp.value), ctxText) : undefined;
          if (hp && hc) hit = [hp, hc, 'hostPort'];
          else if (hostNetwork && cp) {
            const cc = componentOf(scalarValue(cp.value), ctxText);
            if (cc) hit = [cp, cc, 'hostNetwork'];
          }
          if (!hit) continue;
          ctx.report({
            range: doc.pairRange(hit[0]),
            message: m(hit[2] === 'hostPort' ? 'messageHostPort' : 'messageHostNetwork', {
              container: containerLabel(c),
              port: String(scalarValue(hit[0].value)),
              component: hit[1],
            }),
          });
        }
      }
    }
  },
});
