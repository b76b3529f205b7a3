/**
 * Knowledge base of loci build arguments, releases, codenames and CI projects, as plain data.
 * Source: /work/shared/loci/REFERENCE.md §1 (Dockerfile and Dockerfile.base at openstack/loci
 * 3069ce166cf8de406ff7bcd3039393e48d314e05), §1c (removed/renamed ARGs), §2.2 and §3.
 *
 * No user-visible English here: every ARG carries a catalog id (`loci.arg.<NAME>`, and
 * `loci.argBase.<NAME>` for Dockerfile.base) whose text lives in ../messages/en/loci.ts.
 */

export type LociDockerfile = 'Dockerfile' | 'Dockerfile.base';

/**
 * - `active`: declared and used.
 * - `unused`: still declared, but nothing reads it any more (a no-op).
 * - `removed`: no longer declared (passing it does nothing); `replacement` names the successor if any.
 * - `not-an-arg`: read from the environment by the scripts, never declared, so `--build-arg` does nothing.
 * - `buildkit`: set automatically by BuildKit.
 */
export type LociArgStatus = 'active' | 'unused' | 'removed' | 'not-an-arg' | 'buildkit';

/** What a value must look like; later rules and completion use it. */
export type LociArgFormat =
  | 'image-ref'
  | 'git-url'
  | 'git-ref'
  | 'git-branch-or-tag'
  | 'release'
  | 'project'
  | 'space-list'
  | 'pip-args'
  | 'pip-extras'
  | 'pep440-suffix'
  | 'abs-path'
  | 'context-path'
  | 'integer'
  | 'exact-False'
  | 'true-false'
  | 'no-or-other'
  | 'host'
  | 'apt-source-line'
  | 'url'
  | 'string';

export type LociTarget = 'project' | 'requirements';

export interface LociArg {
  name: string;
  /** The file that declares it (for removed ones: the file that used to). `undefined` for env-only names. */
  file?: LociDockerfile;
  /** 1-based line of the ARG at HEAD (absent when not declared at HEAD). */
  line?: number;
  /** Default value as written in the Dockerfile; `undefined` when the ARG has no default (or is not declared). */
  default?: string;
  /** Catalog id of the one-line meaning. */
  messageId: string;
  status: LociArgStatus;
  format: LociArgFormat;
  /** The successor (renamed ARG, or the ARG to use instead of an unused one). */
  replacement?: string;
  /** The file the replacement belongs to when it is another Dockerfile. */
  replacementFile?: LociDockerfile;
  /** loci commit that removed/renamed/orphaned it, and its date. */
  changedIn?: string;
  changedOn?: string;
  /** Only meaningful for this PROJECT (R21). */
  project?: string;
  /** Which Dockerfile targets read it (Dockerfile only). */
  targets?: readonly LociTarget[];
  /** Declared before the first FROM (global ARG). */
  global?: boolean;
  /** The build fails without it. */
  required?: boolean;
}

const BOTH: readonly LociTarget[] = ['project', 'requirements'];
const PROJECT_ONLY: readonly LociTarget[] = ['project'];

function arg(a: Omit<LociArg, 'messageId'> & { messageId?: string }): LociArg {
  const prefix = a.file === 'Dockerfile.base' ? 'loci.argBase.' : 'loci.arg.';
  return { ...a, messageId: a.messageId ?? prefix + a.name };
}

/** Every ARG declared in loci's `Dockerfile` at HEAD, in file order. */
export const DOCKERFILE_ARGS: readonly LociArg[] = [
  arg({ name: 'WHEELS', file: 'Dockerfile', line: 1, default: 'quay.io/airshipit/requirements:master-ubuntu_jammy', status: 'active', format: 'image-ref', targets: PROJECT_ONLY, global: true }),
  arg({ name: 'FROM', file: 'Dockerfile', line: 2, default: 'ubuntu:jammy', status: 'active', format: 'image-ref', targets: BOTH, global: true }),
  arg({ name: 'WHEELS_PATH', file: 'Dockerfile', line: 13, default: '/wheels', status: 'active', format: 'abs-path', targets: PROJECT_ONLY }),
  arg({ name: 'PROJECT', file: 'Dockerfile', line: 14, status: 'active', format: 'project', targets: BOTH, required: true }),
  arg({ name: 'PROJECT_REPO', file: 'Dockerfile', line: 15, default: 'https://opendev.org/openstack/${PROJECT}', status: 'active', format: 'git-url', targets: BOTH }),
  arg({ name: 'PROJECT_REF', file: 'Dockerfile', line: 16, default: 'master', status: 'active', format: 'git-ref', targets: BOTH }),
  arg({ name: 'PROJECT_RELEASE', file: 'Dockerfile', line: 17, default: 'master', status: 'active', format: 'release', targets: PROJECT_ONLY }),
  arg({ name: 'EXTRA_PROJECTS', file: 'Dockerfile', line: 18, default: '', status: 'active', format: 'space-list', targets: PROJECT_ONLY }),
  arg({ name: 'PROFILES', file: 'Dockerfile', line: 19, default: '', status: 'active', format: 'space-list', targets: PROJECT_ONLY }),
  arg({ name: 'PIP_PACKAGES', file: 'Dockerfile', line: 20, default: '', status: 'active', format: 'space-list', targets: BOTH }),
  arg({ name: 'PIP_ARGS', file: 'Dockerfile', line: 21, default: '', status: 'active', format: 'pip-args', targets: BOTH }),
  arg({ name: 'PIP_WHEEL_ARGS', file: 'Dockerfile', line: 22, default: '$PIP_ARGS', status: 'active', format: 'pip-args', targets: ['requirements'] }),
  arg({ name: 'DIST_PACKAGES', file: 'Dockerfile', line: 23, default: '', status: 'active', format: 'space-list', targets: PROJECT_ONLY }),
  arg({ name: 'PLUGIN', file: 'Dockerfile', line: 24, default: 'no', status: 'active', format: 'no-or-other', targets: PROJECT_ONLY }),
  arg({ name: 'EXTRA_BINDEP', file: 'Dockerfile', line: 25, default: '', status: 'active', format: 'context-path', targets: BOTH }),
  arg({ name: 'EXTRA_PYDEP', file: 'Dockerfile', line: 26, default: '', status: 'active', format: 'context-path', targets: PROJECT_ONLY }),
  arg({ name: 'REGISTRY_PROTOCOL', file: 'Dockerfile', line: 27, default: 'detect', status: 'unused', format: 'string', changedIn: 'dd30388', changedOn: '2025-05-14' }),
  arg({ name: 'REGISTRY_INSECURE', file: 'Dockerfile', line: 28, default: 'False', status: 'unused', format: 'string', changedIn: 'dd30388', changedOn: '2025-05-14' }),
  arg({ name: 'KEEP_ALL_WHEELS', file: 'Dockerfile', line: 29, default: 'False', status: 'active', format: 'exact-False', targets: BOTH }),
  arg({ name: 'HORIZON_EXTRA_PANELS', file: 'Dockerfile', line: 30, status: 'active', format: 'space-list', project: 'horizon', targets: PROJECT_ONLY }),
  arg({ name: 'PROJECT_PIP_EXTRAS', file: 'Dockerfile', line: 31, status: 'active', format: 'pip-extras', targets: PROJECT_ONLY }),
  arg({ name: 'APT_MIRROR', file: 'Dockerfile', line: 32, default: 'https://archive.ubuntu.com/ubuntu/', status: 'unused', format: 'url', replacement: 'APT_MIRROR_HOST', replacementFile: 'Dockerfile.base', changedIn: '5e7e2fa', changedOn: '2025-12-10' }),
  arg({ name: 'SOURCES_DIR', file: 'Dockerfile', line: 33, default: '/tmp', status: 'active', format: 'abs-path', targets: BOTH }),
  arg({ name: 'DEBIAN_FRONTEND', file: 'Dockerfile', line: 37, default: 'noninteractive', status: 'active', format: 'string', targets: BOTH }),
  arg({ name: 'UID', file: 'Dockerfile', line: 39, default: '42424', status: 'active', format: 'integer', targets: PROJECT_ONLY }),
  arg({ name: 'GID', file: 'Dockerfile', line: 40, default: '42424', status: 'active', format: 'integer', targets: PROJECT_ONLY }),
  arg({ name: 'NOVA_TSS_USER', file: 'Dockerfile', line: 44, default: 'tss', status: 'active', format: 'string', project: 'nova', targets: PROJECT_ONLY }),
  arg({ name: 'NOVA_TSS_UID', file: 'Dockerfile', line: 45, default: '42434', status: 'active', format: 'integer', project: 'nova', targets: PROJECT_ONLY }),
  arg({ name: 'NOVA_TSS_GID', file: 'Dockerfile', line: 46, default: '42434', status: 'active', format: 'integer', project: 'nova', targets: PROJECT_ONLY }),
  arg({ name: 'NOVNC_REPO', file: 'Dockerfile', line: 48, default: 'https://github.com/novnc/novnc', status: 'active', format: 'git-url', project: 'nova', targets: PROJECT_ONLY }),
  arg({ name: 'NOVNC_REF', file: 'Dockerfile', line: 49, default: 'v1.0.0', status: 'active', format: 'git-branch-or-tag', project: 'nova', targets: PROJECT_ONLY }),
  arg({ name: 'SPICE_REPO', file: 'Dockerfile', line: 50, default: 'https://gitlab.freedesktop.org/spice/spice-html5.git', status: 'active', format: 'git-url', project: 'nova', targets: PROJECT_ONLY }),
  arg({ name: 'SPICE_REF', file: 'Dockerfile', line: 51, default: 'spice-html5-0.1.6', status: 'active', format: 'git-branch-or-tag', project: 'nova', targets: PROJECT_ONLY }),
  arg({ name: 'SKYLINE_CONSOLE_REPO', file: 'Dockerfile', line: 53, default: 'https://opendev.org/openstack/skyline-console', status: 'active', format: 'git-url', project: 'skyline-apiserver', targets: PROJECT_ONLY }),
  arg({ name: 'SKYLINE_CONSOLE_REF', file: 'Dockerfile', line: 54, default: 'master', status: 'active', format: 'git-branch-or-tag', project: 'skyline-apiserver', targets: PROJECT_ONLY }),
  arg({ name: 'PIP_VERSION_CONSTRAINT', file: 'Dockerfile', line: 60, default: '', status: 'active', format: 'pep440-suffix', targets: BOTH }),
  arg({ name: 'SETUPTOOL_CONSTRAINT', file: 'Dockerfile', line: 62, default: '<81', status: 'active', format: 'pep440-suffix', targets: BOTH }),
  arg({ name: 'WHEEL_CONSTRAINT', file: 'Dockerfile', line: 63, default: '', status: 'active', format: 'pep440-suffix', targets: BOTH }),
];

/** Every ARG declared in loci's `Dockerfile.base` at HEAD, in file order. */
export const DOCKERFILE_BASE_ARGS: readonly LociArg[] = [
  arg({ name: 'FROM', file: 'Dockerfile.base', line: 1, default: 'ubuntu:noble', status: 'active', format: 'image-ref', global: true }),
  arg({ name: 'CEPH_REPO', file: 'Dockerfile.base', line: 4, default: '', status: 'active', format: 'apt-source-line' }),
  arg({ name: 'CEPH_KEY', file: 'Dockerfile.base', line: 5, default: 'https://download.ceph.com/keys/release.asc', status: 'active', format: 'url' }),
  arg({ name: 'ALLOW_UNAUTHENTICATED', file: 'Dockerfile.base', line: 6, default: 'false', status: 'active', format: 'true-false' }),
  arg({ name: 'APT_MIRROR_HOST', file: 'Dockerfile.base', line: 7, default: '', status: 'active', format: 'host' }),
  arg({ name: 'TARGETARCH', file: 'Dockerfile.base', line: 8, status: 'buildkit', format: 'string' }),
  arg({ name: 'TARGETPLATFORM', file: 'Dockerfile.base', line: 9, status: 'buildkit', format: 'string' }),
];

/** Names that are not (or no longer) ARGs of the HEAD Dockerfiles but that people still pass. */
export const RETIRED_ARGS: readonly LociArg[] = [
  arg({ name: 'DISTRO', file: 'Dockerfile', status: 'removed', format: 'string', changedIn: '304d131', changedOn: '2025-05-28' }),
  arg({ name: 'PYTHON3', file: 'Dockerfile', status: 'removed', format: 'string', changedIn: '4ff506a', changedOn: '2022-09-21' }),
  arg({ name: 'PIP_CONSTRAINT', file: 'Dockerfile', status: 'removed', format: 'pep440-suffix', replacement: 'PIP_VERSION_CONSTRAINT', changedIn: 'ef7e133', changedOn: '2025-11-26' }),
  arg({ name: 'WHEEL_CONSTRAIN', file: 'Dockerfile', status: 'removed', format: 'pep440-suffix', replacement: 'WHEEL_CONSTRAINT', changedIn: '5e7e2fa', changedOn: '2025-12-10' }),
  // Short-lived UV pipeline (a9f2417, 2025-11-30) with Dockerfile.venv_builder / Dockerfile.runtime, removed in 7c46934.
  arg({ name: 'BASE_BUILDER', status: 'removed', format: 'image-ref', changedIn: '7c46934', changedOn: '2026-03-23' }),
  arg({ name: 'BASE_RUNTIME', status: 'removed', format: 'image-ref', changedIn: '7c46934', changedOn: '2026-03-23' }),
  arg({ name: 'REQUIREMENTS_REPO', status: 'removed', format: 'git-url', changedIn: '7c46934', changedOn: '2026-03-23' }),
  arg({ name: 'REQUIREMENTS_REF', status: 'removed', format: 'git-ref', changedIn: '7c46934', changedOn: '2026-03-23' }),
  arg({ name: 'UV_PIP_ARGS', status: 'removed', format: 'pip-args', changedIn: '7c46934', changedOn: '2026-03-23' }),
  // Read from the environment by the scripts, never declared as ARGs.
  arg({ name: 'COPY_DEFAULT_CONFIG_FILES', status: 'not-an-arg', format: 'string' }),
  arg({ name: 'DISTRIB_CODENAME', status: 'not-an-arg', format: 'string' }),
];

export const ALL_LOCI_ARGS: readonly LociArg[] = [...DOCKERFILE_ARGS, ...DOCKERFILE_BASE_ARGS, ...RETIRED_ARGS];

/**
 * Look up an ARG by name. Declared ARGs of `file` win; otherwise retired/env-only names are returned.
 * `file` defaults to the main Dockerfile.
 */
export function lociArg(name: string, file: LociDockerfile = 'Dockerfile'): LociArg | undefined {
  const declared = file === 'Dockerfile' ? DOCKERFILE_ARGS : DOCKERFILE_BASE_ARGS;
  return declared.find((a) => a.name === name) ?? RETIRED_ARGS.find((a) => a.name === name);
}

/** True when `name` is an ARG declared in `file` at HEAD (whatever its status). */
export function isDeclaredArg(name: string, file: LociDockerfile = 'Dockerfile'): boolean {
  return (file === 'Dockerfile' ? DOCKERFILE_ARGS : DOCKERFILE_BASE_ARGS).some((a) => a.name === name);
}

/** Passing this build arg has no effect or breaks the build (unused, removed, not an ARG). */
export function isNoOpArg(name: string, file: LociDockerfile = 'Dockerfile'): boolean {
  const a = lociArg(name, file);
  return a !== undefined && (a.status === 'unused' || a.status === 'removed' || a.status === 'not-an-arg');
}

/** ARGs that only matter for one PROJECT (R21). */
export function projectSpecificArgs(): readonly LociArg[] {
  return DOCKERFILE_ARGS.filter((a) => a.project !== undefined);
}

/**
 * The `mod_oauth2` pseudo-profile: scripts/project_specific/keystone/01_add_oauth_modules.sh runs only
 * when PROFILES contains this substring, PROJECT is keystone and the machine is x86_64.
 */
export const MOD_OAUTH2 = { token: 'mod_oauth2', project: 'keystone', arch: 'x86_64' } as const;

// ---------------------------------------------------------------------------------------------
// Releases and codenames

export interface OpenStackRelease {
  /** The version name loci uses in tags and stable branches: `2025.2`, or `master`. */
  release: string;
  /** The series code name (lower case), e.g. `flamingo`. */
  name?: string;
  /** Built by loci CI at HEAD (zuul.d/project.yaml, playbooks/vars_<release>_noble.yaml). */
  ci: boolean;
  /** Ubuntu codenames loci CI builds this release on. */
  codenames: readonly string[];
}

/** OpenStack releases a loci user is likely to name (newest last). */
export const OPENSTACK_RELEASES: readonly OpenStackRelease[] = [
  { release: '2023.1', name: 'antelope', ci: false, codenames: [] },
  { release: '2023.2', name: 'bobcat', ci: false, codenames: [] },
  { release: '2024.1', name: 'caracal', ci: false, codenames: [] },
  { release: '2024.2', name: 'dalmatian', ci: false, codenames: [] },
  { release: '2025.1', name: 'epoxy', ci: true, codenames: ['noble'] },
  { release: '2025.2', name: 'flamingo', ci: true, codenames: ['noble'] },
  // master: loci's README tags it `master-ubuntu_jammy`, but CI does not build it.
  { release: 'master', ci: false, codenames: [] },
];

/** Release names loci CI builds at HEAD. */
export const CI_RELEASES: readonly string[] = OPENSTACK_RELEASES.filter((r) => r.ci).map((r) => r.release);

export function findRelease(nameOrVersion: string): OpenStackRelease | undefined {
  const k = nameOrVersion.toLowerCase();
  return OPENSTACK_RELEASES.find((r) => r.release === k || r.name === k);
}

/**
 * The release a PROJECT_REF points at: `stable/2025.2` → `2025.2`, `unmaintained/2023.1` → `2023.1`,
 * `master` → `master`; anything else (tags, SHAs, refs/changes/…) → undefined.
 */
export function releaseOfRef(ref: string): string | undefined {
  if (ref === 'master') return 'master';
  const m = /^(?:stable|unmaintained)\/(.+)$/.exec(ref);
  if (!m) return undefined;
  return findRelease(m[1])?.release ?? m[1];
}

export interface UbuntuCodename {
  codename: string;
  version: string;
  /** Default python3 minor version (wheel tag cpXY). */
  python: string;
  /** bindep.txt at HEAD has codename-specific entries for it. */
  inBindep: boolean;
  /** loci CI builds on it at HEAD. */
  ci: boolean;
}

/** Ubuntu codenames relevant to loci: jammy is the Dockerfile default, noble is what CI builds. */
export const UBUNTU_CODENAMES: readonly UbuntuCodename[] = [
  { codename: 'focal', version: '20.04', python: '3.8', inBindep: false, ci: false },
  { codename: 'jammy', version: '22.04', python: '3.10', inBindep: true, ci: false },
  { codename: 'noble', version: '24.04', python: '3.12', inBindep: true, ci: true },
];

export function ubuntuCodename(codename: string): UbuntuCodename | undefined {
  return UBUNTU_CODENAMES.find((c) => c.codename === codename);
}

/** The codename loci's CI and Dockerfile.base use by default. */
export const DEFAULT_CODENAME = 'noble';

// ---------------------------------------------------------------------------------------------
// Projects

export interface CiProject {
  project: string;
  /** Release image lists it appears in (vars_2025.1_noble.yaml / vars_2025.2_noble.yaml). */
  releases: readonly string[];
}

/** PROJECT values loci CI builds (playbooks/vars.yaml), besides `requirements`. */
export const CI_PROJECTS: readonly CiProject[] = [
  'barbican', 'blazar', 'ceilometer', 'cinder', 'cloudkitty', 'cyborg', 'designate', 'freezer', 'freezer-api',
  'glance', 'heat', 'horizon', 'ironic', 'keystone', 'magnum', 'manila', 'masakari', 'masakari-monitors',
  'mistral', 'neutron', 'nova', 'octavia', 'python-openstackclient', 'placement', 'skyline-apiserver', 'swift',
  'tacker', 'trove', 'watcher', 'zaqar',
].map((project) => ({
  project,
  releases: project === 'ceilometer' || project === 'mistral' ? ['2025.1'] : project === 'skyline-apiserver' ? ['2025.2'] : ['2025.1', '2025.2'],
}));

/** The PROJECT value of the wheels build. */
export const REQUIREMENTS_PROJECT = 'requirements';

/** Every PROJECT name loci knows from CI, plus `requirements`, sorted. loci itself accepts any repo name. */
export const KNOWN_PROJECTS: readonly string[] = [...CI_PROJECTS.map((p) => p.project), REQUIREMENTS_PROJECT].sort();

/** Projects with a `scripts/project_specific/<P>/` directory. */
export const PROJECTS_WITH_SCRIPTS: readonly string[] = ['horizon', 'keystone', 'nova', 'skyline-apiserver'];

/** Selector tokens that existed in older loci checkouts and were removed (REFERENCE §2.2). */
export const REMOVED_TOKENS: readonly { token: string; removedIn: string; file: 'bindep' | 'pydep' }[] = [
  ...['infra', 'libvirt', 'memcached', 'rabbitmq', 'haproxy', 'keepalived', 'hipe'].map((token) => ({ token, removedIn: '6269127', file: 'bindep' as const })),
  { token: 'monasca', removedIn: 'ae2fb91', file: 'bindep' },
  { token: 'platform:rpm', removedIn: '304d131', file: 'bindep' },
  { token: 'platform:suse', removedIn: 'c1b127e', file: 'bindep' },
  ...['newton', 'ocata', 'pike', 'queens', 'rocky', 'master'].map((token) => ({ token, removedIn: 'c4281d2', file: 'pydep' as const })),
];
