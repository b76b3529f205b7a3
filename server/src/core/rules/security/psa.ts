/**
 * The allowed sets of the Pod Security Standards, exactly as Kubernetes' own pod-security-admission
 * code defines them (staging/src/k8s.io/pod-security-admission/policy/check_*.go in kubernetes/kubernetes,
 * mirrored as github.com/kubernetes/pod-security-admission), up to policy v1.37 (its sysctls); without
 * a configured version the policy of NEWEST_MINOR applies. Where a set grew over time, the version it
 * grew in is kept, so `kubernetes.version` (or `--k8s-version`) selects the policy of that version.
 * `node scripts/agreement/psa.mjs` measures the rules against PSA's own test fixtures.
 */
import type { DockyardConfig } from '../../config/config';

const PSA = 'https://github.com/kubernetes/pod-security-admission/blob/master/policy/';

/** Link to a check file of pod-security-admission, for rule `references`. */
export function psaRef(file: string): { title: string; url: string } {
  return { title: `pod-security-admission policy/${file}`, url: PSA + file };
}

export const PSS_DOCS = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';

/** The newest Kubernetes minor version whose policy these sets describe. */
export const NEWEST_MINOR = 36;

/** Minor version of the configured Kubernetes version ("1.31" → 31), newest when unset or unreadable. */
export function policyMinor(config: DockyardConfig): number {
  const m = /^v?1\.(\d+)/.exec(config.kubernetes.version.trim());
  return m ? Number(m[1]) : NEWEST_MINOR;
}

/** check_capabilities_baseline.go `capabilities_allowed_1_0` (unchanged since 1.0). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** check_capabilities_restricted.go: the only capability restricted lets a container add; `ALL` must be dropped. */
export const RESTRICTED_ADD_CAPABILITY = 'NET_BIND_SERVICE';
export const CAPABILITY_ALL = 'ALL';

/** check_sysctls.go: the safe sysctls and the policy version each became safe in. */
const SYSCTLS: [string, number][] = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
  // sysctlsAllowedV1Dot37 (kubernetes PR #138389, milestone v1.37).
  ['net.ipv4.tcp_slow_start_after_idle', 37],
  ['net.ipv4.tcp_notsent_lowat', 37],
];

export function safeSysctls(minor: number): Set<string> {
  return new Set(SYSCTLS.filter(([, v]) => v <= minor).map(([n]) => n));
}

/** check_seLinuxOptions.go: allowed `seLinuxOptions.type` values ('' = unset); user and role must be empty. */
export function selinuxAllowedTypes(minor: number): Set<string> {
  const s = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
  if (minor >= 31) s.add('container_engine_t');
  return s;
}

/** check_seccompProfile_baseline.go forbids `Unconfined`; check_seccompProfile_restricted.go requires one of these. */
export const SECCOMP_RESTRICTED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
export const SECCOMP_UNCONFINED = 'Unconfined';

/** check_appArmorProfile.go: allowed field types (unset allowed too) and annotation values. */
export const APPARMOR_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
export function apparmorAnnotationAllowed(v: string): boolean {
  return v === '' || v === 'runtime/default' || v.startsWith('localhost/');
}

/** check_procMount_baseline.go / check_procMount_restricted.go: only `Default` (or unset). */
export const PROC_MOUNT_DEFAULT = 'Default';
/** Policy version from which baseline procMount, restricted runAsNonRoot and runAsUser are relaxed for `hostUsers: false`. */
export const USERNS_RELAX_MINOR = 35;

/** check_hostProbesAndhostLifecycle.go: first policy version with the control. */
export const HOST_PROBE_MINOR = 34;
export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export const LIFECYCLE_FIELDS = ['postStart', 'preStop'] as const;
export const HANDLER_FIELDS = ['httpGet', 'tcpSocket'] as const;

/**
 * check_restrictedVolumes.go: the inline volume sources restricted allows (`image` since the
 * 1.33 fix that allowed image volumes; it is patched into the 1.0 policy function, so every version).
 */
export const RESTRICTED_VOLUME_TYPES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
