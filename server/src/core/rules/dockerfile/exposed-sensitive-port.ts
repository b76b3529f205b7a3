import { argumentsOf } from '../../model/dockerfile';
import { expandVariables, globalArgDefaults } from '../../model/dockerfile-stages';
import { parsePortSpec, sensitivePortsIn } from '../../util/ports';
import { defineRule } from '../define';

/**
 * EXPOSE of a control-plane or runtime port (kube-apiserver 6443, kubelet 10250/10255, etcd
 * 2379/2380, Docker API 2375/2376, scheduler, controller-manager, kube-proxy): the table in
 * util/ports.ts, shared with the Kubernetes rule `exposed-control-plane-port`. Ports that are also
 * everyday application ports (8080, 8443, 9090, 8001) are not reported from a Dockerfile.
 */
export const exposedSensitivePort = defineRule({
  id: 'exposed-sensitive-port',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes ports and protocols', url: 'https://kubernetes.io/docs/reference/networking/ports-and-protocols/' }],
  docs: {
    summary: 'EXPOSE of a control-plane or container-runtime port (kube-apiserver 6443, kubelet 10250/10255, etcd 2379/2380, Docker API 2375/2376, scheduler 10251/10259, controller-manager 10252/10257, kube-proxy 10256).',
    risk: 'These ports give control over the cluster or the node; an image that publishes them invites exposing them outside the cluster.',
    fix: 'Remove the EXPOSE, or bind the service to localhost; never publish these ports through a Service, hostPort or load balancer.',
  },
  messages: {
    message: 'EXPOSE {port}: the {component} port must never be reachable from outside.',
    messageRange: 'EXPOSE {port} includes {ports} ({component}), which must never be reachable from outside.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const args = globalArgDefaults(model);
    for (const ins of model.instructions) {
      if (ins.getKeyword() !== 'EXPOSE') continue;
      for (const a of argumentsOf(ins)) {
        const value = expandVariables(a.getValue(), args);
        const spec = value === undefined ? undefined : parsePortSpec(value);
        if (!spec) continue;
        const hits = sensitivePortsIn(spec);
        if (!hits.length) continue;
        const components = [...new Set(hits.map((h) => h.component))].join(', ');
        ctx.report({
          range: model.range(a.getRange()),
          message: m(hits.length === 1 ? 'message' : 'messageRange', {
            port: a.getValue(),
            component: components,
            ports: hits.map((h) => h.port).join(', '),
          }),
        });
      }
    }
  },
});
