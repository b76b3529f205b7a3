/**
 * The loci facts the scaffold needs, as a small table.
 *
 * Derived by hand from shared/loci/REFERENCE.md §2.2–§2.4, §3 and §4 (openstack/loci at
 * 3069ce166cf8de406ff7bcd3039393e48d314e05): which PROFILES tokens add anything for cinder and
 * glance, what they add, and the values loci's own CI builds with. When the bindep/pydep evaluator
 * (`server/src/core/loci/`) is on the branch, `effectiveProfiles` can be computed from the data
 * instead; a test pins this table to the reference so a drift is noticed.
 */
export type ScaffoldService = 'cinder' | 'glance';
export const SERVICES: readonly ScaffoldService[] = ['cinder', 'glance'];

export type Codename = 'noble' | 'jammy';
export const CODENAMES: readonly Codename[] = ['noble', 'jammy'];

/** Releases loci builds, newest first (REFERENCE §3: CI builds 2025.1 and 2025.2 on noble; `master` follows). */
export const RELEASES: readonly string[] = ['2025.2', '2025.1', 'master'];
export const NEWEST_RELEASE = RELEASES[0];
export const DEFAULT_CODENAME: Codename = 'noble';
export const DEFAULT_REGISTRY = 'quay.io/airshipit';
export const DEFAULT_LOCI_PATH = './loci';
/** loci's default UID/GID for the service user (Dockerfile ARG UID/GID). */
export const LOCI_UID = 42424;

export interface ProfileInfo {
  /** The token to put in PROFILES. */
  name: string;
  /** What it adds for this service (apt / pip package names), REFERENCE §2.3. */
  adds: string;
}

/** Profiles that add something for each service (REFERENCE §2.3/§2.4), in a stable order. */
export const SERVICE_PROFILES: Record<ScaffoldService, readonly ProfileInfo[]> = {
  cinder: [
    { name: 'fluent', adds: 'pip fluent-logger' },
    { name: 'lvm', adds: 'apt lvm2 tgt thin-provisioning-tools' },
    { name: 'ceph', adds: 'apt ceph-common python3-rados python3-rbd' },
    { name: 'qemu', adds: 'apt qemu-utils' },
    { name: 'apache', adds: 'apt apache2 libapache2-mod-wsgi-py3' },
    { name: 'purestorage', adds: 'apt multipath-tools open-iscsi sg3-utils; pip purestorage' },
    { name: 'nginx', adds: 'apt nginx' },
  ],
  glance: [
    { name: 'fluent', adds: 'pip fluent-logger' },
    { name: 'ceph', adds: 'apt ceph-common python3-rados python3-rbd' },
    { name: 'qemu', adds: 'apt qemu-utils' },
    { name: 'apache', adds: 'apt apache2 libapache2-mod-wsgi-py3' },
    { name: 'nginx', adds: 'apt nginx' },
  ],
};

/**
 * Default PROFILES: what loci's CI builds each service with (REFERENCE §2.4, §4), except glance's
 * `qemu-utils`, which is no profile and matches nothing; `qemu` is the profile that installs
 * qemu-utils.
 */
export const DEFAULT_PROFILES: Record<ScaffoldService, readonly string[]> = {
  cinder: ['fluent', 'lvm', 'ceph', 'qemu', 'apache'],
  glance: ['fluent', 'ceph', 'qemu'],
};

/** Extra build arguments loci's CI passes for the service (vars.yaml, REFERENCE §4). */
export const CI_EXTRA_ARGS: Record<ScaffoldService, { PIP_PACKAGES: string; DIST_PACKAGES?: string }> = {
  cinder: { PIP_PACKAGES: 'python-swiftclient', DIST_PACKAGES: 'open-iscsi multipath-tools' },
  glance: { PIP_PACKAGES: 'python-swiftclient os-brick python-cinderclient oslo-rootwrap' },
};

/** Every user profile token bindep.txt/pydep.txt define at HEAD (REFERENCE §2.2). */
export const ALL_PROFILE_TOKENS: readonly string[] = [
  'apache', 'baremetal', 'ceph', 'configdrive', 'fluent', 'ipmi', 'ipxe', 'ldap', 'linuxbridge', 'lvm',
  'mellon', 'migration', 'nginx', 'openidc', 'openvswitch', 'purestorage', 'qemu', 'tftp', 'vpn',
];

/** The names of the profiles that add something for `service`. */
export function effectiveProfiles(service: ScaffoldService): string[] {
  return SERVICE_PROFILES[service].map((p) => p.name);
}

/** A bindep selector token can only match if it fits `[a-z0-9:.-]+` (REFERENCE §2.1). */
export function isMatchableToken(token: string): boolean {
  return /^[a-z0-9:.-]+$/.test(token);
}

export function isService(s: string): s is ScaffoldService {
  return (SERVICES as readonly string[]).includes(s);
}

export function isCodename(s: string): s is Codename {
  return (CODENAMES as readonly string[]).includes(s);
}

/** `master`, or a coordinated release name such as `2025.2` (YYYY.1 / YYYY.2). */
export function isRelease(s: string): boolean {
  return s === 'master' || /^20[2-9][0-9]\.[12]$/.test(s);
}

/** The git ref loci clones for a release: `stable/<release>`, or `master`. */
export function projectRef(release: string): string {
  return release === 'master' ? 'master' : `stable/${release}`;
}

/** loci CI's tag convention `<release>-ubuntu_<codename>_loci` (REFERENCE §3). */
export function imageTag(release: string, codename: Codename): string {
  return `${release}-ubuntu_${codename}_loci`;
}

/** The image reference the image scaffold builds for `name` (`base`, `requirements`, a service). */
export function imageRef(registry: string, name: string, release: string, codename: Codename): string {
  return `${registry}/${name}:${imageTag(release, codename)}`;
}
