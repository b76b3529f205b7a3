/**
 * Control-plane and container-runtime ports that must never be reachable from outside the cluster.
 * ONE table shared by the Dockerfile rule `exposed-sensitive-port` and the Kubernetes rule
 * `exposed-control-plane-port` (shared/spec/RULES.md).
 *
 * `commonAppPort`: the port is also a very common application port (8080, 8443, 9090, 8001), so a
 * bare EXPOSE of it says nothing about a control plane; the Dockerfile rule skips those, the
 * Kubernetes rule decides with more context (hostNetwork, the image, the Service type).
 */
export interface SensitivePort {
  port: number;
  /** Component name, shown in messages as is (a product name, not translated). */
  component: string;
  /** What the port serves (documentation of the table; messages name the component only). */
  service: string;
  commonAppPort?: boolean;
}

export const SENSITIVE_PORTS: readonly SensitivePort[] = [
  { port: 2375, component: 'Docker Engine API', service: 'unencrypted, unauthenticated remote API' },
  { port: 2376, component: 'Docker Engine API', service: 'TLS remote API' },
  { port: 2379, component: 'etcd', service: 'client API (the whole cluster state, Secrets included)' },
  { port: 2380, component: 'etcd', service: 'peer API' },
  { port: 6443, component: 'kube-apiserver', service: 'secure API' },
  { port: 8080, component: 'kube-apiserver', service: 'insecure API (removed in 1.20)', commonAppPort: true },
  { port: 10250, component: 'kubelet', service: 'API (exec, logs, pods)' },
  { port: 10255, component: 'kubelet', service: 'read-only API' },
  { port: 10251, component: 'kube-scheduler', service: 'insecure metrics/health (before 1.23)' },
  { port: 10259, component: 'kube-scheduler', service: 'secure metrics/health' },
  { port: 10252, component: 'kube-controller-manager', service: 'insecure metrics/health (before 1.22)' },
  { port: 10257, component: 'kube-controller-manager', service: 'secure metrics/health' },
  { port: 10256, component: 'kube-proxy', service: 'health check' },
  { port: 8001, component: 'kubectl proxy', service: 'unauthenticated API proxy', commonAppPort: true },
  { port: 8443, component: 'Kubernetes Dashboard', service: 'HTTPS UI', commonAppPort: true },
  { port: 9090, component: 'Kubernetes Dashboard', service: 'insecure HTTP UI', commonAppPort: true },
];

const BY_PORT: ReadonlyMap<number, SensitivePort> = new Map<number, SensitivePort>(SENSITIVE_PORTS.map((p) => [p.port, p]));

export function sensitivePort(port: number): SensitivePort | undefined {
  return BY_PORT.get(port);
}

export interface PortSpec {
  from: number;
  to: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** Parse `6443`, `6443/tcp`, `2379-2380`, `2379-2380/udp`. Undefined when it is not a port spec (e.g. `$PORT`). */
export function parsePortSpec(spec: string): PortSpec | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i.exec(spec.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from > 65535 || to > 65535 || to < from) return undefined;
  return { from, to, protocol: (m[3]?.toLowerCase() as PortSpec['protocol']) ?? 'tcp' };
}

/** The sensitive ports a TCP port or range covers (control planes listen on TCP only). */
export function sensitivePortsIn(spec: PortSpec, includeCommonAppPorts = false): SensitivePort[] {
  if (spec.protocol !== 'tcp') return [];
  const out: SensitivePort[] = [];
  for (const p of SENSITIVE_PORTS) {
    if (p.port >= spec.from && p.port <= spec.to && (includeCommonAppPorts || !p.commonAppPort)) out.push(p);
  }
  return out.sort((a, b) => a.port - b.port);
}
