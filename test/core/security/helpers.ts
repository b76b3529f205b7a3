import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { lint, applyFix } from '../../helpers';
import type { PartialConfig } from '../../../server/src/core/config/config';
import { SECURITY_RULES } from '../../../server/src/core/rules/security';
import type { Finding } from '../../../server/src/core/types';

export const SECURITY_IDS = SECURITY_RULES.map((r) => r.id);

/** A Pod that passes every security rule at the restricted level; tests break one thing at a time. */
export const GOOD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          cpu: 500m
          memory: 128Mi
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
`;

/** Security findings only. */
/**
 * Findings a fix is expected to bring by design: moving a literal secret to a secretKeyRef points at
 * a Secret the user still has to create, which `missing-reference` (information) says.
 */
const EXPECTED_NEW: Record<string, string[]> = { 'env-var-secret': ['missing-reference'] };

export function sec(text: string, config: PartialConfig = {}, path = '/ws/t.yaml'): Finding[] {
  return lint(text, path, config).filter((f) => SECURITY_IDS.includes(f.rule));
}

/** `[rule, line]` pairs (0-based lines), for fixture listings. */
export function lines(findings: Finding[]): [string, number][] {
  return findings.map((f) => [f.rule, f.range.start.line]);
}

function key(f: Finding): string {
  return `${f.rule} ${JSON.stringify(f.message)}`;
}

/**
 * Apply a finding's fix and check the round trip: every document still parses, the finding is gone
 * (one fewer finding with its rule and message), and no finding appears that was not there before,
 * except for the rule ids in `allowNew`. Returns the fixed text.
 */
export function roundTrip(text: string, f: Finding, opts: { config?: PartialConfig; allowNew?: string[]; fix?: number; path?: string } = {}): string {
  const path = opts.path ?? '/ws/t.yaml';
  const before = lint(text, path, opts.config);
  const fixed = applyFix(text, f, opts.fix ?? 0);
  for (const d of parseAllDocuments(fixed)) assert.deepEqual(d.errors.map((e) => e.message), [], `fixed text does not parse:\n${fixed}`);
  const after = lint(fixed, path, opts.config);
  assert.deepEqual(after.filter((x) => x.rule === 'yaml-syntax' || x.rule === 'duplicate-key'), [], `fix broke the YAML:\n${fixed}`);
  const count = (list: Finding[], k: string) => list.filter((x) => key(x) === k).length;
  assert.ok(count(after, key(f)) < count(before, key(f)), `${f.rule} still reported after its fix:\n${fixed}`);
  const beforeKeys = new Map<string, number>();
  for (const x of before) beforeKeys.set(key(x), (beforeKeys.get(key(x)) ?? 0) + 1);
  for (const x of after) {
    const n = beforeKeys.get(key(x)) ?? 0;
    if (n > 0) beforeKeys.set(key(x), n - 1);
    else if (!opts.allowNew?.includes(x.rule) && !(EXPECTED_NEW[f.rule] ?? []).includes(x.rule)) assert.fail(`fix of ${f.rule} introduced ${key(x)}:\n${fixed}`);
  }
  return fixed;
}

/** Shared fixtures of the security rules' tests (beside each rule: server/src/core/rules/security/<id>.test.ts). */
export const del = (text: string, line: string) => {
  assert.ok(text.includes(line + '\n'), line);
  return text.replace(line + '\n', '');
};

export const WITH_VOLUMES = GOOD + `      volumeMounts:
        - name: dev
          mountPath: /dev
        - name: modules
          mountPath: /lib/modules
          readOnly: true
        - name: lock
          mountPath: /run/lock/lvm
          readOnly: false
        - name: sock
          mountPath: /run/containerd/containerd.sock
        - name: scratch
          mountPath: /scratch
          mountPropagation: Bidirectional
  volumes:
    - name: dev
      hostPath:
        path: /dev
        type: Directory
    - name: modules
      hostPath: {path: /lib/modules}
    - name: lock
      hostPath:
        path: /run/lock/lvm/
    - name: sock
      hostPath:
        path: /run/containerd/containerd.sock
    - name: scratch
      emptyDir: {}
    - name: share
      nfs:
        server: nfs.example.com
        path: /exports
    - name: os-image
      image:
        reference: quay.io/example/os:1.0
`;

export const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ops
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/exec", "pods/log"]
    verbs: ["get", "create"]
  - apiGroups:
      - apps
    resources:
      - "*"
    verbs: [list]
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [pods/attach]
    verbs: [list]
`;

export const role = (kind: string, name: string, rules: string, extra = '') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${extra}rules:\n${rules}`;

export const ALL = `  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n`;

export const binding = (kind: string, refKind: string, refName: string, ns = '') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\n${ns ? `  namespace: ${ns}\n` : ''}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${refKind}\n  name: ${refName}\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n`;

export const AZURE = 'DefaultEndpointsProtocol=https;AccountName=dockyardtest;AccountKey=' + 'A'.repeat(86) + '==;EndpointSuffix=core.windows.net';

// Made-up key material in the real formats (never a live credential).
export const PEM = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAexample\n-----END OPENSSH PRIVATE KEY-----\n';
