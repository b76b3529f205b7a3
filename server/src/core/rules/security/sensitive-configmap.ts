import { msg } from '../../messages/catalog';
import { getMap, isMap, scalarString } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';

const PRIVATE_KEY = /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/;
/** A kubeconfig (`kind: Config` or clusters + users) that carries a client key or a bearer token. */
const KUBECONFIG_MARK = /(^|\n)\s*(kind:\s*Config\b|users:\s*$|clusters:\s*$)/m;
const KUBECONFIG_SECRET = /(^|\n)\s*(client-key-data|token|password):\s*\S+/;
/** AWS access key id (AKIA/ASIA…) together with a 40-character secret access key. */
const AWS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;
const AWS_SECRET = /(?:aws_?secret_?access_?key|secret_?access_?key|SecretAccessKey)["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i;

/** What a ConfigMap value leaks, or undefined. */
export function configMapLeak(value: string): 'privateKey' | 'kubeconfig' | 'awsKeyPair' | undefined {
  if (PRIVATE_KEY.test(value)) return 'privateKey';
  if (KUBECONFIG_MARK.test(value) && KUBECONFIG_SECRET.test(value)) return 'kubeconfig';
  if (AWS_KEY_ID.test(value) && AWS_SECRET.test(value)) return 'awsKeyPair';
  return undefined;
}

/**
 * ConfigMap values (data / binaryData) that hold a PEM private key, a kubeconfig with a client key
 * or token, or an AWS access key pair. Range: the entry's key. No fix: move it to a Secret.
 */
export const sensitiveConfigmap: YamlDocumentRule = {
  id: 'sensitive-configmap',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'error',
  references: [{ title: 'Kubernetes: ConfigMaps are not for confidential data', url: 'https://kubernetes.io/docs/concepts/configuration/configmap/' }],
  check(ctx) {
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
        const leak = configMapLeak(v);
        if (!leak) continue;
        ctx.report({
          range: doc.keyRange(pair),
          message: msg(`rule.sensitive-configmap.${leak}`, { key: scalarString(pair.key) ?? '', name: id.name ?? '' }),
        });
      }
    }
  },
};

function decodeBase64(s: string): string {
  try {
    return typeof atob === 'function' ? atob(s.replace(/\s+/g, '')) : '';
  } catch {
    return '';
  }
}
