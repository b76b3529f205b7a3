import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { nodeRange } from './common';
import { hostPaths, sensitivePrefix } from './host-paths';
import { psaRef, PSS_DOCS } from './psa';

/**
 * A hostPath at `/` or at/under a host directory that gives the node away (/etc, /proc, /sys, /dev,
 * /boot, /lib, /usr, /root, /var/lib/kubelet, /var/lib/docker, /var/log …). Runtime sockets are
 * runtime-socket-mount's. Range: the `path:` pair. No fix: suppress with a written reason.
 */
export const sensitiveHostPath: YamlDocumentRule = {
  id: 'sensitive-host-path',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  pss: 'baseline',
  references: [{ title: 'Kubernetes: hostPath volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }, psaRef('check_hostPathVolumes.go')],
  check(ctx) {
    const { doc } = ctx;
    for (const h of hostPaths(doc)) {
      if (h.path === undefined) continue;
      const prefix = sensitivePrefix(h.path);
      if (!prefix) continue;
      ctx.report({
        range: h.pathPair ? doc.pairRange(h.pathPair) : nodeRange(doc, h.volume.node),
        message: msg(prefix === '/' ? 'rule.sensitive-host-path.messageRoot' : 'rule.sensitive-host-path.message', {
          volume: h.volume.name ?? `volumes[${h.volume.index}]`,
          path: h.raw ?? h.path,
          prefix,
        }),
      });
    }
  },
};
