import { renderFlow, renderPair, YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel, type ContainerRef } from '../../model/pods';
import { getPair, getSeq, getValue, isMap, isScalar, scalarString, type YNode } from '../../model/yaml';
import { known, nodeRange } from './common';
import { literalSecretValue, looksSecretName, secretMaterialIn } from '../../util/secrets';
import { defineRule } from '../define';

/** Whether an environment variable's name says it holds a secret (the shared definition, util/secrets.ts). */
export function looksSecret(name: string): boolean {
  return looksSecretName(name);
}

/** The Secret name the fix proposes: `<workload>-secrets` (lower-cased, DNS-1123). */
export function secretNameFor(workload: string | undefined, c: ContainerRef): string {
  const base = (workload ?? c.name ?? 'app')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${(base || 'app').slice(0, 245)}-secrets`;
}

/** The Secret key the fix proposes: the variable's name lower-cased (a valid Secret data key). */
export function secretKeyFor(envName: string): string {
  return envName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'value';
}

/**
 * An env var whose name looks secret with a literal `value` that could be one, or any env var whose
 * value holds a PEM private key or a cloud secret key. Range: the env entry. Fix: replace
 * `value:` with `valueFrom.secretKeyRef` (name `<workload>-secrets`, key = the variable's name
 * lower-cased); quick fix only, since the Secret must then exist.
 */
export const envVarSecret = defineRule({
  id: 'env-var-secret',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['kube-linter:env-var-secret', 'polaris:sensitiveContainerEnvVar'],
  references: [{ title: 'Kubernetes: using Secrets as environment variables', url: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables' }],
  docs: {
    summary: 'An environment variable whose name looks secret (PASSWORD, SECRET, TOKEN, PRIVATE_KEY, CREDENTIAL …) has a literal value that could be one (not a flag, number, reference or path), or any environment variable holds a PEM private key or a cloud secret key.',
    risk: 'The secret is in the manifest, in git and in the output of kubectl describe for anyone with read access.',
    fix: 'Move the value into a Secret and reference it with valueFrom.secretKeyRef. In the editor the finding underlines the env entry. The quick fix replaces `value:` with a secretKeyRef to `<workload>-secrets`, key = the variable\'s name in lower case; create that Secret. Quick fix only.',
  },
  messages: {
    message: 'Container "{container}": {name} has a literal value.',
    privateKey: 'Container "{container}": {name} holds a private key.',
    awsKeyPair: 'Container "{container}": {name} holds an AWS access key pair.',
    cloudKey: 'Container "{container}": {name} holds a cloud secret key or token.',
    fixTitle: 'Move to valueFrom.secretKeyRef ({secret}/{key})',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      for (const item of getSeq(c.node, 'env')?.items ?? []) {
        if (!isMap(item)) continue;
        const name = known(getValue(item, 'name'));
        const valuePair = getPair(item, 'value');
        if (!name || !valuePair || !isScalar(valuePair.value) || getPair(item, 'valueFrom')) continue;
        const value = scalarString(valuePair.value);
        if (value === undefined || value === '' || known(valuePair.value) === undefined) continue; // empty or templated
        // A private key or a cloud secret key is a finding whatever the name; otherwise the name must say
        // secret and the value could be one (not a flag, a number, a reference, a path).
        const material = secretMaterialIn(value);
        if (!material && !(looksSecretName(name) && literalSecretValue(value))) continue;
        const secret = secretNameFor(doc.k8s?.name, c);
        const key = secretKeyFor(name);
        const editor = new YamlEditor(doc);
        const keyNode = valuePair.key as YNode;
        const start = keyNode.range![0];
        const end = nodeRange(doc, valuePair.value as YNode).end;
        const replacement = { secretKeyRef: { name: secret, key } };
        const newText = item.flow
          ? `valueFrom: ${renderFlow(replacement)}`
          : renderPair('valueFrom', replacement, doc.lines.positionAt(start).character, editor.indentUnit(), doc.lines.eol)
              .replace(/^ +/, '')
              .replace(/\r?\n$/, '');
        ctx.report({
          range: nodeRange(doc, item),
          message: material ? m(material, { container: containerLabel(c), name }) : m('message', { container: containerLabel(c), name }),
          fixes: () => [{ title: m('fixTitle', { secret, key }), edits: [{ range: { start: doc.lines.positionAt(start), end }, newText }] }],
        });
      }
    }
  },
});
