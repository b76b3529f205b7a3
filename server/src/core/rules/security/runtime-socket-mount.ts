import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { hostPaths, isRuntimeSocketPath } from './host-paths';
import { PSS_DOCS } from './psa';

/** A hostPath to a container runtime socket (docker.sock, containerd.sock, crio.sock) or /run, /var/run. Range: the `path:` pair. */
export const runtimeSocketMount: YamlDocumentRule = {
  id: 'runtime-socket-mount',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  references: [
    { title: 'Pod Security Standards: HostPath Volumes', url: PSS_DOCS + '#baseline' },
    { title: 'Kubernetes: hostPath volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' },
  ],
  check(ctx) {
    const { doc } = ctx;
    for (const h of hostPaths(doc)) {
      if (h.path === undefined || !isRuntimeSocketPath(h.path)) continue;
      ctx.report({
        range: h.pathPair ? doc.pairRange(h.pathPair) : nodeRange(doc, h.volume.node),
        message: msg('rule.runtime-socket-mount.message', { volume: h.volume.name ?? `volumes[${h.volume.index}]`, path: h.raw ?? h.path }),
      });
    }
  },
};
