import { nodeRange } from './common';
import { hostPaths, isRuntimeSocketPath } from './host-paths';
import { PSS_DOCS } from './psa';
import { defineRule } from '../define';

/** A hostPath to a container runtime socket (docker.sock, containerd.sock, crio.sock) or /run, /var/run. Range: the `path:` pair. */
export const runtimeSocketMount = defineRule({
  id: 'runtime-socket-mount',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  equivalents: ['kube-linter:docker-sock', 'pss:baseline/hostPathVolumes'],
  references: [
    { title: 'Pod Security Standards: HostPath Volumes', url: PSS_DOCS + '#baseline' },
    { title: 'Kubernetes: hostPath volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' },
  ],
  docs: {
    summary: 'A hostPath volume mounts a container runtime socket (docker.sock, containerd.sock, crio.sock) or /run, /var/run.',
    risk: 'Whoever talks to the runtime socket can start privileged containers on the node: it is root on the host.',
    fix: 'Do not mount the runtime socket; build images with a rootless builder and talk to the cluster through the API. In the editor the finding underlines the `path:` line. No quick fix.',
  },
  messages: {
    message: 'Volume "{volume}" mounts the container runtime socket path {path}.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const h of hostPaths(doc)) {
      if (h.path === undefined || !isRuntimeSocketPath(h.path)) continue;
      ctx.report({
        range: h.pathPair ? doc.pairRange(h.pathPair) : nodeRange(doc, h.volume.node),
        message: m('message', { volume: h.volume.name ?? `volumes[${h.volume.index}]`, path: h.raw ?? h.path }),
      });
    }
  },
});
