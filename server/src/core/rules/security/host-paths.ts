import { podsOf, podVolumes, type PodRef, type VolumeRef } from '../../model/pods';
import { getMap, getPair, type YNode, type YPair, type YamlDocModel } from '../../model/yaml';
import { known } from './common';

/** Every hostPath volume of a document with its (normalised) path. */
export interface HostPathRef {
  pod: PodRef;
  volume: VolumeRef;
  pathPair?: YPair;
  /** Normalised: no trailing slash, `//` and `/./` collapsed, `..` resolved. Undefined when templated. */
  path?: string;
  raw?: string;
}

export function hostPaths(doc: YamlDocModel): HostPathRef[] {
  return doc.memoize('security.hostPaths', () => {
    const out: HostPathRef[] = [];
    for (const pod of podsOf(doc)) {
      for (const volume of podVolumes(pod)) {
        if (volume.source !== 'hostPath' && !getPair(volume.node, 'hostPath')) continue;
        const hp = getMap(volume.node, 'hostPath');
        const pathPair = hp ? getPair(hp, 'path') : undefined;
        const raw = known(pathPair?.value);
        out.push({ pod, volume, pathPair, raw, path: raw === undefined ? undefined : normalizePath(raw) });
      }
    }
    return out;
  });
}

export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.trim().split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

/** Runtime sockets and the directories that hold them (runtime-socket-mount). */
const SOCKET_NAMES: ReadonlySet<string> = new Set(['docker.sock', 'containerd.sock', 'crio.sock', 'cri-dockerd.sock', 'dockershim.sock', 'podman.sock', 'frakti.sock']);
const SOCKET_DIRS: ReadonlySet<string> = new Set(['/run', '/var/run', '/run/docker', '/var/run/docker', '/run/containerd', '/var/run/containerd', '/run/crio', '/var/run/crio', '/run/podman', '/var/run/podman', '/run/cri-dockerd', '/var/run/cri-dockerd']);

export function isRuntimeSocketPath(p: string): boolean {
  if (SOCKET_DIRS.has(p)) return true;
  const base = p.slice(p.lastIndexOf('/') + 1);
  return SOCKET_NAMES.has(base);
}

/** Host directories whose exposure gives away the node (sensitive-host-path); `/` itself too. */
export const SENSITIVE_PREFIXES = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/usr',
  '/root',
  '/home',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/containers',
  '/var/lib/etcd',
  '/var/log',
];

/** The sensitive prefix a path is at or under, or '/' for the root itself; undefined otherwise. */
export function sensitivePrefix(p: string): string | undefined {
  if (p === '/') return '/';
  if (isRuntimeSocketPath(p)) return undefined;
  return SENSITIVE_PREFIXES.find((s) => p === s || p.startsWith(s + '/'));
}
