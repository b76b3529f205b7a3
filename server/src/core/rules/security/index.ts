import type { Rule } from '../registry';
import { privilegedContainer } from './privileged-container';
import { privilegeEscalation } from './privilege-escalation';
import { hostNamespace } from './host-namespace';
import { hostPathVolume } from './host-path-volume';
import { sensitiveHostPath } from './sensitive-host-path';
import { runtimeSocketMount } from './runtime-socket-mount';
import { writableHostMount } from './writable-host-mount';
import { hostPort } from './host-port';
import { dangerousCapability } from './dangerous-capability';
import { capabilitiesNotDropped } from './capabilities-not-dropped';
import { runAsRoot } from './run-as-root';
import { writableRootFilesystem } from './writable-root-filesystem';
import { seccompUnconfined } from './seccomp-unconfined';
import { apparmorUnconfined } from './apparmor-unconfined';
import { selinuxOptions } from './selinux-options';
import { procMountUnmasked } from './proc-mount-unmasked';
import { unsafeSysctl } from './unsafe-sysctl';
import { hostProcess } from './host-process';
import { hostProbe } from './host-probe';
import { restrictedVolumeType } from './restricted-volume-type';
import { serviceAccountToken } from './service-account-token';
import { envVarSecret } from './env-var-secret';
import { imageLatestTag } from './image-latest-tag';
import { missingResourceLimits } from './missing-resource-limits';
import { mountPropagation } from './mount-propagation';
import { rbacWildcard } from './rbac-wildcard';
import { rbacPodExec } from './rbac-pod-exec';
import { rbacSecretsAccess } from './rbac-secrets-access';
import { rbacClusterAdminBinding } from './rbac-cluster-admin-binding';
import { secretInManifest } from './secret-in-manifest';
import { sensitiveConfigmap } from './sensitive-configmap';
import { exposedControlPlanePort } from './exposed-control-plane-port';

/** The security rules, in catalog order (shared/spec/RULES.md, "Kubernetes: pod and container security"). */
export const SECURITY_RULES: Rule[] = [
  privilegedContainer,
  privilegeEscalation,
  hostNamespace,
  hostPathVolume,
  sensitiveHostPath,
  runtimeSocketMount,
  writableHostMount,
  hostPort,
  dangerousCapability,
  capabilitiesNotDropped,
  runAsRoot,
  writableRootFilesystem,
  seccompUnconfined,
  apparmorUnconfined,
  selinuxOptions,
  procMountUnmasked,
  unsafeSysctl,
  hostProcess,
  hostProbe,
  restrictedVolumeType,
  serviceAccountToken,
  envVarSecret,
  imageLatestTag,
  missingResourceLimits,
  mountPropagation,
  rbacWildcard,
  rbacPodExec,
  rbacSecretsAccess,
  rbacClusterAdminBinding,
  secretInManifest,
  sensitiveConfigmap,
  exposedControlPlanePort,
];
