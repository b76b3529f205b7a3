import { msg } from '../../messages/catalog';
import { expandVariables, globalArgDefaults } from '../../model/dockerfile-stages';
import { parsePortSpec, sensitivePortsIn } from '../../util/ports';
import type { DockerfileRule } from '../registry';

/**
 * EXPOSE of a control-plane or runtime port (kube-apiserver 6443, kubelet 10250/10255, etcd
 * 2379/2380, Docker API 2375/2376, scheduler, controller-manager, kube-proxy): the table in
 * util/ports.ts, shared with the Kubernetes rule `exposed-control-plane-port`. Ports that are also
 * everyday application ports (8080, 8443, 9090, 8001) are not reported from a Dockerfile.
 */
export const exposedSensitivePort: DockerfileRule = {
  id: 'exposed-sensitive-port',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes ports and protocols', url: 'https://kubernetes.io/docs/reference/networking/ports-and-protocols/' }],
  check(ctx) {
    const { model } = ctx;
    const args = globalArgDefaults(model);
    for (const ins of model.instructions) {
      if (ins.getKeyword() !== 'EXPOSE') continue;
      for (const a of ins.getArguments()) {
        const value = expandVariables(a.getValue(), args);
        const spec = value === undefined ? undefined : parsePortSpec(value);
        if (!spec) continue;
        const hits = sensitivePortsIn(spec);
        if (!hits.length) continue;
        const components = [...new Set(hits.map((h) => h.component))].join(', ');
        ctx.report({
          range: model.range(a.getRange()),
          message: msg(hits.length === 1 ? 'rule.exposed-sensitive-port.message' : 'rule.exposed-sensitive-port.messageRange', {
            port: a.getValue(),
            component: components,
            ports: hits.map((h) => h.port).join(', '),
          }),
        });
      }
    }
  },
};
