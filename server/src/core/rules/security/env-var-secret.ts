import { msg } from '../../messages/catalog';
import { renderFlow, renderPair, YamlEditor } from '../../fixes/yaml-edit';
import { allContainers, containerLabel, type ContainerRef } from '../../model/pods';
import { getPair, getSeq, getValue, isMap, isScalar, scalarString, type YNode } from '../../model/yaml';
import type { YamlDocumentRule } from '../registry';
import { known, nodeRange } from './common';

/** Name segments that mark a secret (`DB_PASSWORD`, `apiToken`, `AWS_SECRET_ACCESS_KEY`, `OS_CREDENTIAL`). */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'KEY', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'PRIVATE']);
/** A last segment that makes the variable a reference, not a secret (`PASSWORD_FILE`, `KEY_ID`, `TOKEN_URL`). */
const NOT_SECRET_SUFFIX = new Set(['FILE', 'PATH', 'DIR', 'NAME', 'REF', 'URL', 'URI', 'TYPE', 'ID', 'LENGTH', 'LEN', 'TTL', 'EXPIRY', 'EXPIRATION', 'TIMEOUT', 'ALGORITHM', 'ENABLED', 'HEADER', 'FIELD', 'SIZE']);

/** Whether an environment variable's name says it holds a secret. */
export function looksSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (!words.length || NOT_SECRET_SUFFIX.has(words[words.length - 1])) return false;
  if (words.includes('PUBLIC')) return false;
  return words.some((w) => SECRET_WORDS.has(w) || /(PASSWORD|PASSWD|SECRET|TOKEN|APIKEY|CREDENTIAL)$/.test(w));
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
 * An env var whose name looks secret with a literal `value`. Range: the env entry. Fix: replace
 * `value:` with `valueFrom.secretKeyRef` (name `<workload>-secrets`, key = the variable's name
 * lower-cased); quick fix only, since the Secret must then exist.
 */
export const envVarSecret: YamlDocumentRule = {
  id: 'env-var-secret',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [{ title: 'Kubernetes: using Secrets as environment variables', url: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables' }],
  check(ctx) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      for (const item of getSeq(c.node, 'env')?.items ?? []) {
        if (!isMap(item)) continue;
        const name = known(getValue(item, 'name'));
        const valuePair = getPair(item, 'value');
        if (!name || !valuePair || !isScalar(valuePair.value) || getPair(item, 'valueFrom')) continue;
        const value = scalarString(valuePair.value);
        if (value === undefined || value === '' || known(valuePair.value) === undefined) continue; // empty or templated
        if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value)) continue; // a reference to another variable
        if (!looksSecret(name)) continue;
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
          message: msg('rule.env-var-secret.message', { container: containerLabel(c), name }),
          fixes: () => [{ title: msg('rule.env-var-secret.fixTitle', { secret, key }), edits: [{ range: { start: doc.lines.positionAt(start), end }, newText }] }],
        });
      }
    }
  },
};
