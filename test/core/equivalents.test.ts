// The `equivalents` of the Kubernetes and security rules name real checks of the other tools: a typo
// would silently break the suppression migration (kube-linter / Polaris annotations) and the docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../server/src/core/rules';
import { rulesMarkdown } from '../../server/src/core/features/rule-docs';

/** kube-linter's built-in check names (`name:` of pkg/builtinchecks/yamls/*.yaml, stackrox/kube-linter 35de568d). */
const KUBE_LINTER = new Set(
  'access-to-create-pods access-to-secrets cluster-admin-role-binding dangling-horizontalpodautoscaler dangling-ingress dangling-networkpolicy dangling-networkpolicypeer-podselector dangling-service dangling-servicemonitor default-service-account deprecated-service-account-field dnsconfig-options docker-sock drop-net-raw-capability duplicate-env-var env-value-from env-var-secret exposed-services host-ipc host-network host-pid hpa-minimum-three-replicas invalid-target-ports job-ttl-seconds-after-finished latest-tag liveness-port minimum-three-replicas mismatching-selector no-anti-affinity no-extensions-v1beta no-liveness-probe no-node-affinity no-read-only-root-fs no-readiness-probe no-rolling-update-strategy non-existent-service-account non-isolated-pod pdb-max-unavailable pdb-min-available pdb-unhealthy-pod-eviction-policy priority-class-name privilege-escalation-container privileged-container privileged-ports read-secret-from-env-var readiness-port required-annotation-email required-label-owner restart-policy run-as-non-root scc-deny-privileged-container schema-validation sensitive-host-mounts sorted-keys ssh-port startup-port unsafe-proc-mount unsafe-sysctls unset-cpu-requirements unset-memory-requirements use-namespace wildcard-in-rules writable-host-mount'.split(' '),
);

/** Polaris' check ids (pkg/config/checks/*.yaml, FairwindsOps/polaris c0e23a23). */
const POLARIS = new Set(
  'automountServiceAccountToken clusterrolePodExecAttach clusterrolebindingClusterAdmin clusterrolebindingPodExecAttach cpuLimitsMissing cpuRequestsMissing dangerousCapabilities deploymentMissingReplicas hostIPCSet hostNetworkSet hostPIDSet hostPathSet hostPortSet hostProcess hpaMaxAvailability hpaMinAvailability insecureCapabilities linuxHardening livenessProbeMissing memoryLimitsMissing memoryRequestsMissing metadataAndInstanceMismatched missingNetworkPolicy missingPodDisruptionBudget notReadOnlyRootFilesystem pdbDisruptionsIsZero pdbMinAvailableGreaterThanHPAMinReplicas priorityClassNotSet privilegeEscalationAllowed procMount pullPolicyNotAlways readinessProbeMissing rolePodExecAttach rolebindingClusterAdminClusterRole rolebindingClusterAdminRole rolebindingClusterRolePodExecAttach rolebindingRolePodExecAttach runAsPrivileged runAsRootAllowed sensitiveConfigmapContent sensitiveContainerEnvVar tagNotSpecified tlsSettingsMissing topologySpreadConstraint'.split(' '),
);

/**
 * pod-security-admission's check ids per level (policy/check_*.go, kubernetes/pod-security-admission
 * 8f84a87c), written without their `_baseline` / `_restricted` suffix: the level says it.
 */
const PSS = new Set([
  ...'privileged hostNamespaces hostPathVolumes hostPorts capabilities seLinuxOptions procMount seccompProfile sysctls appArmorProfile windowsHostProcess hostProbesAndHostLifecycle'.split(' ').map((c) => `baseline/${c}`),
  ...'allowPrivilegeEscalation capabilities runAsNonRoot runAsUser seccompProfile procMount restrictedVolumes'.split(' ').map((c) => `restricted/${c}`),
]);

test('every kube-linter, Polaris and Pod Security Standards equivalent names a real check', () => {
  const bad: string[] = [];
  for (const r of ALL_RULES) {
    for (const e of r.equivalents ?? []) {
      const [tool, id] = [e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 1)];
      const known = tool === 'kube-linter' ? KUBE_LINTER : tool === 'polaris' ? POLARIS : tool === 'pss' ? PSS : undefined;
      if (known && !known.has(id)) bad.push(`${r.id}: ${e}`);
      if (!/^(hadolint|buildkit|shellcheck|kube-linter|polaris|pss):\S+$/.test(e)) bad.push(`${r.id}: ${e} (unknown tool)`);
    }
    if (new Set(r.equivalents ?? []).size !== (r.equivalents ?? []).length) bad.push(`${r.id}: duplicate equivalents`);
  }
  assert.deepEqual(bad, []);
});

test('a rule with a Pod Security Standards level lists the PSS control(s) it checks, at that level', () => {
  const missing: string[] = [];
  for (const r of ALL_RULES) {
    if (!r.pss || r.category !== 'security') continue;
    const levels = new Set((r.equivalents ?? []).filter((e) => e.startsWith('pss:')).map((e) => e.slice(4).split('/')[0]));
    const want = r.pss === 'both' ? ['baseline', 'restricted'] : [r.pss];
    for (const l of want) if (!levels.has(l)) missing.push(`${r.id}: no pss:${l}/…`);
  }
  assert.deepEqual(missing, []);
});

test('the equivalents users reach for most are where they expect them', () => {
  const of = (id: string) => ALL_RULES.find((r) => r.id === id)?.equivalents ?? [];
  assert.deepEqual(of('privileged-container'), ['kube-linter:privileged-container', 'polaris:runAsPrivileged', 'pss:baseline/privileged']);
  assert.ok(of('host-namespace').includes('kube-linter:host-network') && of('host-namespace').includes('polaris:hostPIDSet'));
  assert.ok(of('missing-resource-limits').includes('kube-linter:unset-memory-requirements') && of('missing-resource-limits').includes('polaris:cpuLimitsMissing'));
  assert.ok(of('image-latest-tag').includes('kube-linter:latest-tag') && of('image-latest-tag').includes('polaris:tagNotSpecified'));
});

test('a documented difference names one of the rule\'s own equivalents, and docs/rules.md lists it under the rule', () => {
  const bad: string[] = [];
  for (const r of ALL_RULES) {
    const docs = (r as { docs?: { differences?: Record<string, string> } }).docs;
    for (const e of Object.keys(docs?.differences ?? {})) if (!(r.equivalents ?? []).includes(e)) bad.push(`${r.id}: ${e}`);
  }
  assert.deepEqual(bad, []);
  const md = rulesMarkdown(ALL_RULES);
  const section = md.slice(md.indexOf('### capabilities-not-dropped\n'), md.indexOf('\n### ', md.indexOf('### capabilities-not-dropped\n') + 1));
  assert.match(section, /Differences from those tools, on purpose[^\n]*\n\n- `polaris insecureCapabilities`: Polaris also passes `drop: \[All\]`[^\n]*spelled exactly/);
});
