import { nodeRange } from './common';
import { hostPaths, sensitivePrefix } from './host-paths';
import { psaRef, PSS_DOCS } from './psa';
import { defineRule } from '../define';

/**
 * A hostPath at `/` or at/under a host directory that gives the node away (/etc, /proc, /sys, /dev,
 * /boot, /lib, /usr, /root, /var/lib/kubelet, /var/lib/docker, /var/log …). Runtime sockets are
 * runtime-socket-mount's. Range: the `path:` pair. No fix: suppress with a written reason.
 */
export const sensitiveHostPath = defineRule({
  id: 'sensitive-host-path',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  equivalents: ['kube-linter:sensitive-host-mounts', 'pss:baseline/hostPathVolumes'],
  references: [{ title: 'Kubernetes: hostPath volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }, psaRef('check_hostPathVolumes.go')],
  docs: {
    summary: 'A hostPath volume exposes the node\'s root or a system directory (/etc, /proc, /sys, /dev, /boot, /lib, /usr, /root, /var/lib/kubelet, /var/lib/docker, /var/log …).',
    risk: 'These directories hold the node\'s credentials, kernel interfaces, devices and the other pods\' data: reading them leaks, writing them takes over the node.',
    fix: 'Mount the narrowest path the workload needs, read-only where possible. Where a storage or network agent must have it (cinder-volume needs /dev and /lib/modules), suppress with a written reason. In the editor the finding underlines the `path:` line. No quick fix. Runtime sockets are reported by runtime-socket-mount instead.',
  },
  messages: {
    message: 'Volume "{volume}" mounts the host path {path} (under {prefix}).',
    messageRoot: 'Volume "{volume}" mounts the host\'s root filesystem ({path}).',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const h of hostPaths(doc)) {
      if (h.path === undefined) continue;
      const prefix = sensitivePrefix(h.path);
      if (!prefix) continue;
      ctx.report({
        range: h.pathPair ? doc.pairRange(h.pathPair) : nodeRange(doc, h.volume.node),
        message: m(prefix === '/' ? 'messageRoot' : 'message', {
          volume: h.volume.name ?? `volumes[${h.volume.index}]`,
          path: h.raw ?? h.path,
          prefix,
        }),
      });
    }
  },
});
