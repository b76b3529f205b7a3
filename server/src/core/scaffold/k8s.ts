import { LOCI_UID } from './profiles';

/**
 * A small, deterministic writer for the Kubernetes objects the scaffold emits. It writes YAML text
 * directly (not through a serializer) so the output can carry comments exactly where
 * `# dockyard-ignore rule: reason` must sit: on the line above the node a finding points at. Host
 * volumes and their mounts are written as one-line flow mappings, so a finding anywhere in the entry
 * lands on the line right below its suppression.
 *
 * Every value written here was checked by validate.ts (names, images, paths) or is a constant, so
 * no value needs quoting beyond what the helpers do.
 */

export interface Labels {
  app: string;
  component: string;
}

export function labelLines(l: Labels, indent: number, withPartOf = true): string[] {
  const p = ' '.repeat(indent);
  const out = [`${p}app.kubernetes.io/name: ${l.app}`, `${p}app.kubernetes.io/component: ${l.component}`];
  if (withPartOf) out.push(`${p}app.kubernetes.io/part-of: openstack`);
  return out;
}

export function metadata(name: string, namespace: string, labels: Labels, indent = 0): string[] {
  const p = ' '.repeat(indent);
  return [`${p}metadata:`, `${p}  name: ${name}`, `${p}  namespace: ${namespace}`, `${p}  labels:`, ...labelLines(labels, indent + 4)];
}

export type EnvVar =
  | { name: string; secret: { name: string; key: string }; comment?: string }
  | { name: string; fieldPath: string; comment?: string };

export interface Mount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
  /** One-line flow style with suppression comments above (mounts of host volumes). */
  suppress?: { rules: string[]; reason: string };
}

export interface Volume {
  name: string;
  /** Block lines below `- name: x`, relative to the entry (e.g. `emptyDir: {}`). */
  body?: string[];
  /** A host volume: written in flow style with its suppression. */
  host?: { path: string; type: 'Directory' | 'DirectoryOrCreate'; suppress: { rules: string[]; reason: string } };
}

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export interface HttpProbeSet {
  port: string;
  path: string;
}

/** Why a container needs more than the restricted profile allows; each becomes a suppression. */
export interface PrivilegedNeeds {
  privileged: string;
  escalation: string;
  /** Runs as root (uid 0): reasons for runAsUser: 0 and runAsNonRoot: false. */
  root?: { user: string; nonRoot: string };
  /** The comment above `capabilities` (why a privileged container still drops them). */
  capabilitiesNote: string;
}

export interface Container {
  name: string;
  image: string;
  command: string[];
  env?: EnvVar[];
  ports?: { name: string; containerPort: number }[];
  http?: HttpProbeSet;
  resources: Resources;
  privileged?: PrivilegedNeeds;
  mounts: Mount[];
  /** Comment lines above the container entry. */
  comment?: string[];
}

export interface PodSpec {
  containers: Container[];
  volumes: Volume[];
  restartPolicy?: 'OnFailure' | 'Never';
  nodeSelector?: Record<string, string>;
  /** The suppression's reason, and the comment above `dnsPolicy`. */
  hostNetwork?: { reason: string; dnsNote: string };
}

function flowList(items: string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
}

function suppression(indent: string, s: { rules: string[]; reason: string }): string {
  return `${indent}# dockyard-ignore ${s.rules.join(',')}: ${s.reason}`;
}

const RESTRICTED_POD = (p: string): string[] => [
  `${p}securityContext:`,
  `${p}  runAsNonRoot: true`,
  `${p}  runAsUser: ${LOCI_UID}`,
  `${p}  runAsGroup: ${LOCI_UID}`,
  `${p}  fsGroup: ${LOCI_UID}`,
  `${p}  seccompProfile:`,
  `${p}    type: RuntimeDefault`,
];

function containerSecurity(p: string, c: Container): string[] {
  const out = [`${p}securityContext:`];
  const q = p + '  ';
  const priv = c.privileged;
  if (priv?.root) {
    out.push(suppression(q, { rules: ['run-as-root'], reason: priv.root.nonRoot }), `${q}runAsNonRoot: false`);
    out.push(suppression(q, { rules: ['run-as-root'], reason: priv.root.user }), `${q}runAsUser: 0`, `${q}runAsGroup: 0`);
  } else {
    out.push(`${q}runAsNonRoot: true`, `${q}runAsUser: ${LOCI_UID}`, `${q}runAsGroup: ${LOCI_UID}`);
  }
  if (priv) {
    out.push(suppression(q, { rules: ['privileged-container'], reason: priv.privileged }), `${q}privileged: true`);
    out.push(suppression(q, { rules: ['privilege-escalation'], reason: priv.escalation }), `${q}allowPrivilegeEscalation: true`);
  } else {
    out.push(`${q}allowPrivilegeEscalation: false`);
  }
  out.push(`${q}readOnlyRootFilesystem: true`);
  if (priv) out.push(`${q}# ${priv.capabilitiesNote}`);
  out.push(`${q}capabilities:`, `${q}  drop:`, `${q}    - ALL`, `${q}seccompProfile:`, `${q}  type: RuntimeDefault`);
  return out;
}

function envLines(p: string, env: EnvVar[]): string[] {
  const out = [`${p}env:`];
  for (const e of env) {
    if (e.comment) out.push(`${p}  # ${e.comment}`);
    out.push(`${p}  - name: ${e.name}`, `${p}    valueFrom:`);
    if ('secret' in e) {
      out.push(`${p}      secretKeyRef:`, `${p}        name: ${e.secret.name}`, `${p}        key: ${e.secret.key}`);
    } else {
      out.push(`${p}      fieldRef:`, `${p}        fieldPath: ${e.fieldPath}`);
    }
  }
  return out;
}

function probe(p: string, kind: string, http: HttpProbeSet, timing: string[]): string[] {
  return [`${p}${kind}:`, `${p}  httpGet:`, `${p}    path: ${http.path}`, `${p}    port: ${http.port}`, ...timing.map((t) => `${p}  ${t}`)];
}

function mountLines(p: string, m: Mount): string[] {
  if (m.suppress) {
    const parts = [`name: ${m.name}`, `mountPath: ${m.mountPath}`];
    if (m.subPath) parts.push(`subPath: ${m.subPath}`);
    if (m.readOnly) parts.push('readOnly: true');
    return [suppression(p, m.suppress), `${p}- { ${parts.join(', ')} }`];
  }
  const out = [`${p}- name: ${m.name}`, `${p}  mountPath: ${m.mountPath}`];
  if (m.subPath) out.push(`${p}  subPath: ${m.subPath}`);
  if (m.readOnly) out.push(`${p}  readOnly: true`);
  return out;
}

function containerLines(p: string, c: Container): string[] {
  const out: string[] = [];
  for (const line of c.comment ?? []) out.push(`${p}# ${line}`);
  out.push(`${p}- name: ${c.name}`);
  const q = p + '  ';
  out.push(`${q}image: ${c.image}`, `${q}imagePullPolicy: IfNotPresent`, `${q}command: ${flowList(c.command)}`);
  if (c.env?.length) out.push(...envLines(q, c.env));
  if (c.ports?.length) {
    out.push(`${q}ports:`);
    for (const port of c.ports) out.push(`${q}  - name: ${port.name}`, `${q}    containerPort: ${port.containerPort}`, `${q}    protocol: TCP`);
  }
  if (c.http) {
    out.push(...probe(q, 'startupProbe', c.http, ['periodSeconds: 5', 'timeoutSeconds: 5', 'failureThreshold: 60']));
    out.push(...probe(q, 'readinessProbe', c.http, ['periodSeconds: 10', 'timeoutSeconds: 5', 'failureThreshold: 3']));
    out.push(...probe(q, 'livenessProbe', c.http, ['periodSeconds: 30', 'timeoutSeconds: 10', 'failureThreshold: 3']));
  }
  const r = c.resources;
  out.push(
    `${q}resources:`,
    `${q}  requests:`,
    `${q}    cpu: ${quoteQuantity(r.requests.cpu)}`,
    `${q}    memory: ${r.requests.memory}`,
    `${q}  limits:`,
    `${q}    cpu: ${quoteQuantity(r.limits.cpu)}`,
    `${q}    memory: ${r.limits.memory}`,
  );
  out.push(...containerSecurity(q, c));
  if (c.mounts.length) {
    out.push(`${q}volumeMounts:`);
    for (const m of c.mounts) out.push(...mountLines(q + '  ', m));
  }
  return out;
}

/** A whole-number CPU quantity is quoted so it stays a string (`"1"`), as kubectl writes it. */
function quoteQuantity(q: string): string {
  return /^[0-9]+$/.test(q) ? `"${q}"` : q;
}

function volumeLines(p: string, v: Volume): string[] {
  if (v.host) {
    return [suppression(p, v.host.suppress), `${p}- { name: ${v.name}, hostPath: { path: ${v.host.path}, type: ${v.host.type} } }`];
  }
  return [`${p}- name: ${v.name}`, ...(v.body ?? []).map((l) => `${p}  ${l}`)];
}

/** The PodSpec lines (for `template.spec`), at indentation `p`. */
export function podSpecLines(p: string, pod: PodSpec): string[] {
  const out: string[] = [];
  if (pod.restartPolicy) out.push(`${p}restartPolicy: ${pod.restartPolicy}`);
  out.push(`${p}automountServiceAccountToken: false`, `${p}enableServiceLinks: false`);
  if (pod.nodeSelector) {
    out.push(`${p}nodeSelector:`);
    for (const [k, v] of Object.entries(pod.nodeSelector)) out.push(`${p}  ${k}: ${JSON.stringify(v)}`);
  }
  if (pod.hostNetwork) {
    out.push(suppression(p, { rules: ['host-namespace'], reason: pod.hostNetwork.reason }), `${p}hostNetwork: true`);
    out.push(`${p}# ${pod.hostNetwork.dnsNote}`, `${p}dnsPolicy: ClusterFirstWithHostNet`);
  }
  out.push(...RESTRICTED_POD(p));
  out.push(`${p}containers:`);
  for (const c of pod.containers) out.push(...containerLines(p + '  ', c));
  if (pod.volumes.length) {
    out.push(`${p}volumes:`);
    for (const v of pod.volumes) out.push(...volumeLines(p + '  ', v));
  }
  return out;
}

export interface Workload {
  kind: 'Deployment' | 'Job';
  name: string;
  namespace: string;
  labels: Labels;
  comment: string[];
  replicas?: number;
  replicasComment?: string;
  recreate?: string;
  /** Job: the comment above `ttlSecondsAfterFinished`. */
  ttlComment?: string;
  pod: PodSpec;
}

export function workloadLines(w: Workload): string[] {
  const out: string[] = w.comment.map((c) => (c ? `# ${c}` : '#'));
  out.push(w.kind === 'Job' ? 'apiVersion: batch/v1' : 'apiVersion: apps/v1', `kind: ${w.kind}`, ...metadata(w.name, w.namespace, w.labels), 'spec:');
  if (w.kind === 'Deployment') {
    if (w.replicasComment) out.push(`  # ${w.replicasComment}`);
    out.push(`  replicas: ${w.replicas ?? 1}`);
    if (w.recreate) out.push(`  # ${w.recreate}`, '  strategy:', '    type: Recreate');
    out.push('  selector:', '    matchLabels:', ...labelLines(w.labels, 6, false));
  } else {
    out.push('  backoffLimit: 6', ...(w.ttlComment ? [`  # ${w.ttlComment}`] : []), '  ttlSecondsAfterFinished: 3600');
  }
  out.push('  template:', '    metadata:', '      labels:', ...labelLines(w.labels, 8), '    spec:', ...podSpecLines('      ', w.pod));
  return out;
}

export function serviceLines(name: string, namespace: string, labels: Labels, port: number): string[] {
  return [
    'apiVersion: v1',
    'kind: Service',
    ...metadata(name, namespace, labels),
    'spec:',
    '  type: ClusterIP',
    '  selector:',
    ...labelLines(labels, 4, false),
    '  ports:',
    '    - name: http',
    `      port: ${port}`,
    '      targetPort: http',
    '      protocol: TCP',
  ];
}

export function pvcLines(name: string, namespace: string, labels: Labels, size: string, accessMode: string, comment: string[]): string[] {
  return [
    ...comment.map((c) => `# ${c}`),
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    ...metadata(name, namespace, labels),
    'spec:',
    '  accessModes:',
    `    - ${accessMode}`,
    '  resources:',
    '    requests:',
    `      storage: ${size}`,
  ];
}

/** A ConfigMap whose values are files, written as literal blocks. */
export function configMapLines(name: string, namespace: string, labels: Labels, comment: string[], files: [string, string][]): string[] {
  const out = [...comment.map((c) => `# ${c}`), 'apiVersion: v1', 'kind: ConfigMap', ...metadata(name, namespace, labels), 'data:'];
  for (const [key, content] of files) {
    out.push(`  ${key}: |`);
    for (const line of content.replace(/\n$/, '').split('\n')) out.push(line ? `    ${line}` : '');
  }
  return out;
}

export function documents(docs: string[][]): string {
  return docs.map((d) => d.join('\n') + '\n').join('---\n');
}
