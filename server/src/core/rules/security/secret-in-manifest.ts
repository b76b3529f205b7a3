import { isMasked } from '../../model/helm';
import { getPair, isMap, scalarString } from '../../model/yaml';
import { defineRule } from '../define';

/**
 * A Secret with literal `data` / `stringData` values: credentials kept in the workspace (and in git).
 * Empty values and Helm expressions do not count. Range: the `data` / `stringData` key. No fix: use
 * an external secret store, SealedSecrets or SOPS, or generate the Secret at deploy time.
 */
export const secretInManifest = defineRule({
  id: 'secret-in-manifest',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  references: [{ title: 'Kubernetes: good practices for Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' }],
  docs: {
    summary: 'A Secret with literal data or stringData values is kept in the workspace (credentials in git).',
    risk: 'Base64 is not encryption: whoever reads the repository has the credentials.',
    fix: 'Generate the Secret at deploy time, or keep it encrypted (SOPS, Sealed Secrets, an external secret store). In the editor the finding underlines the `data` / `stringData` key. No quick fix.',
  },
  messages: {
    message: 'Secret "{name}" keeps {count} literal value(s) in {field}: {keys}.',
  },
  check(ctx, m) {
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
        message: m('message', { name: id.name ?? '', field, count: literal.length, keys: literal.map((p) => scalarString(p.key) ?? '').join(', ') }),
      });
    }
  },
});
