import { msg } from '../../messages/catalog';
import { isMasked } from '../../model/helm';
import { getPair, isMap, scalarString } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';

/**
 * A Secret with literal `data` / `stringData` values: credentials kept in the workspace (and in git).
 * Empty values and Helm expressions do not count. Range: the `data` / `stringData` key. No fix: use
 * an external secret store, SealedSecrets or SOPS, or generate the Secret at deploy time.
 */
export const secretInManifest: YamlDocumentRule = {
  id: 'secret-in-manifest',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes: good practices for Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' }],
  check(ctx) {
    const { doc } = ctx;
    const id = doc.k8s;
    if (!id || id.kind !== 'Secret' || id.group !== '') return;
    const root = doc.contents;
    if (!isMap(root)) return;
    for (const field of ['data', 'stringData']) {
      const pair = getPair(root, field);
      if (!pair || !isMap(pair.value)) continue;
      const literal = pair.value.items.filter((p) => {
        const v = scalarString(p.value);
        return v !== undefined && v.trim() !== '' && !isMasked(v);
      });
      if (!literal.length) continue;
      ctx.report({
        range: doc.keyRange(pair),
        message: msg('rule.secret-in-manifest.message', { name: id.name ?? '', field, count: literal.length, keys: literal.map((p) => scalarString(p.key) ?? '').join(', ') }),
      });
    }
  },
};
