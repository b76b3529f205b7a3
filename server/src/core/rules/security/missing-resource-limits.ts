import { YamlEditor, type YamlValue } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getPair, getValue, isMap, scalarString } from '../../model/yaml';
import { containerAnchor, containerInsert, helmUnknown } from './common';
import { defineRule } from '../define';

/**
 * A container (or init container; ephemeral containers take no resources) without a cpu or memory
 * limit. Range: the `limits` key, else `resources`, else the container's name. Fix: add the missing
 * limits from `resources.defaultCpuLimit` / `defaultMemoryLimit` — or the container's own request when it is
 * higher, since a limit below the request is rejected. Quick fix only.
 */
export const missingResourceLimits = defineRule({
  id: 'missing-resource-limits',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  equivalents: ['kube-linter:unset-cpu-requirements', 'kube-linter:unset-memory-requirements', 'polaris:cpuLimitsMissing', 'polaris:memoryLimitsMissing'],
  references: [{ title: 'Kubernetes: resource management for pods and containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' }],
  docs: {
    summary: 'A container has no cpu or no memory limit.',
    risk: 'One runaway container can starve every other workload on the node.',
    fix: 'Set resources.limits.cpu and .memory. In the editor the finding underlines the `limits` key, else `resources`, else the container\'s name. The quick fix adds the missing limits from the settings resources.defaultCpuLimit / defaultMemoryLimit (or the container\'s request, as a limit below it is rejected); quick fix only.',
    differences: {
      'polaris:cpuLimitsMissing':
        'One rule covers both limits: a container with a cpu limit but no memory limit is reported here (the memory limit is missing), where Polaris\' cpuLimitsMissing passes it.',
      'polaris:memoryLimitsMissing':
        'One rule covers both limits: a container with a memory limit but no cpu limit is reported here (the cpu limit is missing), where Polaris\' memoryLimitsMissing passes it.',
    },
  },
  messages: {
    messageBoth: 'Container "{container}" has no cpu and no memory limit.',
    messageCpu: 'Container "{container}" has no cpu limit.',
    messageMemory: 'Container "{container}" has no memory limit.',
    fixTitle: 'Add resource limits',
  },
  check(ctx, m) {
    const { doc, config } = ctx;
    for (const c of allContainers(doc)) {
      if (c.group === 'ephemeralContainers') continue;
      if (helmUnknown(doc, c.path)) continue;
      const resPair = getPair(c.node, 'resources');
      if (resPair && resPair.value && !isMap(resPair.value) && scalarString(resPair.value) !== undefined) continue; // templated
      const res = getMap(c.node, 'resources');
      const limitsPair = res ? getPair(res, 'limits') : undefined;
      const limits = getMap(res, 'limits');
      const requests = getMap(res, 'requests');
      const missing = (['cpu', 'memory'] as const).filter((k) => !limits || getValue(limits, k) == null);
      if (!missing.length) continue;
      const defaults = { cpu: config.resources.defaultCpuLimit, memory: config.resources.defaultMemoryLimit };
      // The default, unless the container requests more (a limit below the request is rejected).
      const value = (k: 'cpu' | 'memory'): YamlValue => {
        const req = scalarString(requests ? getValue(requests, k) : undefined);
        const r = req === undefined ? undefined : parseQuantity(req);
        const d = parseQuantity(defaults[k]);
        return req !== undefined && (r === undefined || d === undefined || r > d) ? req : defaults[k];
      };
      const edit = () => {
        const editor = new YamlEditor(doc);
        if (limits && limits.items.length > 0) {
          return missing.length === 2 ? editor.addPairs(limits, missing.map((k) => [k, value(k)])) : editor.setKey(limits, missing[0], value(missing[0]));
        }
        const obj: Record<string, YamlValue> = {};
        for (const k of missing) obj[k] = value(k);
        return editor.setPath(c.node, ['resources', 'limits'], obj, containerInsert(c));
      };
      ctx.report({
        range: limitsPair ? doc.keyRange(limitsPair) : containerAnchor(doc, c, 'resources'),
        message: m(missing.length === 2 ? 'messageBoth' : missing[0] === 'cpu' ? 'messageCpu' : 'messageMemory', { container: containerLabel(c) }),
        fixes: () => [{ title: m('fixTitle'), edits: [edit()] }],
      });
    }
  },
});

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes resource quantity ("250m", "1.5", "512Mi", "1e3") as a number, undefined when unreadable. */
export function parseQuantity(q: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return undefined;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}
