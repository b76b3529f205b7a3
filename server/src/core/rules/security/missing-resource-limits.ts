import { msg } from '../../messages/catalog';
import { YamlEditor, type YamlValue } from '../../fixes/yaml-edit';
import { allContainers, containerLabel } from '../../model/pods';
import { getMap, getPair, getValue, isMap, scalarString } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { containerAnchor, containerInsert } from './common';

/**
 * A container (or init container; ephemeral containers take no resources) without a cpu or memory
 * limit. Range: the `limits` key, else `resources`, else the container's name. Fix: add the missing
 * limits from `resources.defaultCpuLimit` / `defaultMemoryLimit` — or the container's own request for
 * that resource, since a limit below the request is rejected. Quick fix only.
 */
export const missingResourceLimits: YamlDocumentRule = {
  id: 'missing-resource-limits',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'information',
  fix: 'quickfix',
  references: [{ title: 'Kubernetes: resource management for pods and containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' }],
  check(ctx) {
    const { doc, config } = ctx;
    for (const c of allContainers(doc)) {
      if (c.group === 'ephemeralContainers') continue;
      const resPair = getPair(c.node, 'resources');
      if (resPair && resPair.value && !isMap(resPair.value) && scalarString(resPair.value) !== undefined) continue; // templated
      const res = getMap(c.node, 'resources');
      const limitsPair = res ? getPair(res, 'limits') : undefined;
      const limits = getMap(res, 'limits');
      const requests = getMap(res, 'requests');
      const missing = (['cpu', 'memory'] as const).filter((k) => !limits || getValue(limits, k) == null);
      if (!missing.length) continue;
      const defaults = { cpu: config.resources.defaultCpuLimit, memory: config.resources.defaultMemoryLimit };
      const value = (k: 'cpu' | 'memory'): YamlValue => scalarString(requests ? getValue(requests, k) : undefined) ?? defaults[k];
      const editor = new YamlEditor(doc);
      let edit;
      if (limits && limits.items.length > 0) {
        edit = missing.length === 2 ? editor.addPairs(limits, missing.map((k) => [k, value(k)])) : editor.setKey(limits, missing[0], value(missing[0]));
      } else {
        const obj: Record<string, YamlValue> = {};
        for (const k of missing) obj[k] = value(k);
        edit = editor.setPath(c.node, ['resources', 'limits'], obj, containerInsert(c));
      }
      ctx.report({
        range: limitsPair ? doc.keyRange(limitsPair) : containerAnchor(doc, c, 'resources'),
        message: msg(`rule.missing-resource-limits.message${missing.length === 2 ? 'Both' : missing[0] === 'cpu' ? 'Cpu' : 'Memory'}`, { container: containerLabel(c) }),
        fixes: [{ title: msg('rule.missing-resource-limits.fixTitle'), edits: [edit] }],
      });
    }
  },
};
