import { getMap, isMap, scalarString } from '../../model/yaml';
import { credentialIn, looksSecretName, placeholderValue, secretSetting, type CredentialKind } from '../../util/secrets';
import { defineRule } from '../define';

/** What a ConfigMap value leaks, or undefined (the shared definition, util/secrets.ts). */
export function configMapLeak(value: string): CredentialKind | undefined {
  return credentialIn(value);
}

/**
 * ConfigMap entries whose key says they hold a secret (`db_password`, `aws_secret_access_key`,
 * `private_key`) with a literal value, and values (data / binaryData) that hold a PEM private key, a
 * kubeconfig with a client key or token, a cloud key pair or secret key, or `user:password@` in a URL.
 * Such a key holding a placeholder (`xxxxx`, `changeme`, `<password>`) is reported at information
 * level: the real value is meant to be filled in here, in a ConfigMap. Range: the entry's key. No
 * fix: move it to a Secret.
 */
export const sensitiveConfigmap = defineRule({
  id: 'sensitive-configmap',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  equivalents: ['polaris:sensitiveConfigmapContent'],
  references: [{ title: 'Kubernetes: ConfigMaps are not for confidential data', url: 'https://kubernetes.io/docs/concepts/configuration/configmap/' }],
  docs: {
    summary: 'A ConfigMap entry whose key says it holds a secret (password, db_password, aws_secret_access_key, private_key …) has a literal value (a placeholder such as xxxxx or changeme: information), or a value holds a private key, a kubeconfig with a client key or token, a cloud key pair or secret key, or a password in a URL.',
    risk: 'ConfigMaps are readable by far more people and tools than Secrets and are never encrypted at rest.',
    fix: 'Move the value into a Secret. In the editor the finding underlines the entry\'s key. No quick fix.',
  },
  messages: {
    privateKey: 'ConfigMap "{name}": {key} contains a private key.',
    kubeconfig: 'ConfigMap "{name}": {key} contains a kubeconfig with a client key or token.',
    awsKeyPair: 'ConfigMap "{name}": {key} contains an AWS access key pair.',
    cloudKey: 'ConfigMap "{name}": {key} contains a cloud secret key or token.',
    urlPassword: 'ConfigMap "{name}": {key} contains a URL with a password (user:password@).',
    secretKey: 'ConfigMap "{name}": {key} names a secret and holds a literal value.',
    placeholder: 'ConfigMap "{name}": {key} names a secret and holds the placeholder "{value}": the real value would be just as readable here; keep it in a Secret.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const id = doc.k8s;
    if (!id || id.kind !== 'ConfigMap' || id.group !== '') return;
    const root = doc.contents;
    if (!isMap(root)) return;
    for (const field of ['data', 'binaryData']) {
      const data = getMap(root, field);
      for (const pair of data?.items ?? []) {
        let v = scalarString(pair.value);
        if (!v) continue;
        if (field === 'binaryData') v = decodeBase64(v);
        const key = scalarString(pair.key) ?? '';
        // A key that says it holds a secret with a literal value (`db_password: hunter2`; not
        // `ALLOW_EMPTY_PASSWORD: "yes"`), else a value that holds a credential whatever the key.
        const leak = field === 'data' && secretSetting(key, v) && !credentialIn(v) ? 'secretKey' : configMapLeak(v);
        if (!leak) {
          if (field === 'data' && looksSecretName(key) && placeholderValue(v)) {
            ctx.report({ range: doc.keyRange(pair), message: m('placeholder', { key, name: id.name ?? '', value: v.trim().slice(0, 64) }), severity: 'information' });
          }
          continue;
        }
        ctx.report({
          range: doc.keyRange(pair),
          message: m(leak, { key: scalarString(pair.key) ?? '', name: id.name ?? '' }),
        });
      }
    }
  },
});

function decodeBase64(s: string): string {
  try {
    return typeof atob === 'function' ? atob(s.replace(/\s+/g, '')) : '';
  } catch {
    return '';
  }
}
