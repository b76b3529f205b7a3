import {
  CI_EXTRA_ARGS,
  DEFAULT_CODENAME,
  DEFAULT_LOCI_PATH,
  DEFAULT_PROFILES,
  DEFAULT_REGISTRY,
  LOCI_UID,
  NEWEST_RELEASE,
  SERVICE_PROFILES,
  imageRef,
  imageTag,
  projectRef,
  type Codename,
  type ScaffoldService,
} from './profiles';
import { ScaffoldOptionsError, type OptionProblem, type ScaffoldResult } from './types';
import {
  checkBase,
  checkCodename,
  checkLociPath,
  checkProfiles,
  checkRegistry,
  checkRelease,
  checkService,
} from './validate';

/**
 * `scaffoldImage`: the loci build of one service (REFERENCE §0 pipeline, §3 tags, §4 invocations):
 * the base image (Dockerfile.base), the requirements/wheels image (Dockerfile --target
 * requirements) and the service image (Dockerfile --target project), written twice (a compose build
 * file and an equivalent BuildKit shell script), plus a child Dockerfile for site changes and a
 * README. Pure and deterministic: the same options give the same bytes.
 */
export interface ImageOptions {
  service: ScaffoldService;
  /** `2025.2` (default: the newest release), `2025.1`, `master` … */
  release?: string;
  codename?: Codename;
  /** Where the images are tagged (and pushed): `HOST[:PORT][/NAMESPACE]`. Default quay.io/airshipit. */
  registry?: string;
  /** PROFILES tokens; default: what loci CI uses for the service (glance with `qemu`, not `qemu-utils`). */
  profiles?: string[];
  /** The loci checkout, relative to the output folder or absolute. Default `./loci`. */
  lociPath?: string;
  /** The Ubuntu image Dockerfile.base starts from. Default `ubuntu:<codename>`. */
  base?: string;
}

export interface ResolvedImageOptions {
  service: ScaffoldService;
  release: string;
  codename: Codename;
  registry: string;
  profiles: string[];
  lociPath: string;
  base: string;
}

export function resolveImageOptions(o: ImageOptions): ResolvedImageOptions {
  const codename = o.codename ?? DEFAULT_CODENAME;
  return {
    service: o.service,
    release: o.release ?? NEWEST_RELEASE,
    codename,
    registry: (o.registry ?? DEFAULT_REGISTRY).replace(/\/+$/, ''),
    profiles: [...(o.profiles ?? DEFAULT_PROFILES[o.service] ?? [])],
    lociPath: o.lociPath ?? DEFAULT_LOCI_PATH,
    base: o.base ?? `ubuntu:${codename}`,
  };
}

export function validateImageOptions(o: ImageOptions): OptionProblem[] {
  const problems = checkService(o.service);
  if (problems.length) return problems;
  const r = resolveImageOptions(o);
  return [
    ...checkRelease(r.release),
    ...checkCodename(r.codename),
    ...checkRegistry(r.registry),
    ...checkProfiles(r.service, r.profiles),
    ...checkLociPath(r.lociPath),
    ...(isCodenameOk(r.codename) ? checkBase(r.base, r.codename) : []),
  ];
}

function isCodenameOk(c: string): boolean {
  return checkCodename(c).length === 0;
}

/** The images one build produces, by role. */
export interface ImageRefs {
  base: string;
  requirements: string;
  service: string;
}

export function imageRefs(o: ImageOptions): ImageRefs {
  const r = resolveImageOptions(o);
  return {
    base: imageRef(r.registry, 'base', r.release, r.codename),
    requirements: imageRef(r.registry, 'requirements', r.release, r.codename),
    service: imageRef(r.registry, r.service, r.release, r.codename),
  };
}

/** The image the image scaffold builds for `service` with default options (the manifests' default). */
export function defaultServiceImage(service: ScaffoldService): string {
  return imageRefs({ service }).service;
}

interface Build {
  name: string;
  image: string;
  dockerfile: 'Dockerfile.base' | 'Dockerfile';
  target?: 'requirements' | 'project';
  args: [string, string][];
}

function builds(r: ResolvedImageOptions, refs: ImageRefs): Build[] {
  const ref = projectRef(r.release);
  const extra = CI_EXTRA_ARGS[r.service];
  const serviceArgs: [string, string][] = [
    ['FROM', refs.base],
    ['WHEELS', refs.requirements],
    ['PROJECT', r.service],
    ['PROJECT_REF', ref],
    ['PROFILES', r.profiles.join(' ')],
    ['PIP_PACKAGES', extra.PIP_PACKAGES],
  ];
  if (extra.DIST_PACKAGES) serviceArgs.push(['DIST_PACKAGES', extra.DIST_PACKAGES]);
  serviceArgs.push(['KEEP_ALL_WHEELS', 'yes']);
  return [
    { name: 'base', image: refs.base, dockerfile: 'Dockerfile.base', args: [['FROM', r.base]] },
    {
      name: 'requirements',
      image: refs.requirements,
      dockerfile: 'Dockerfile',
      target: 'requirements',
      args: [
        ['FROM', refs.base],
        ['PROJECT', 'requirements'],
        ['PROJECT_REF', ref],
        ['KEEP_ALL_WHEELS', 'yes'],
      ],
    },
    { name: r.service, image: refs.service, dockerfile: 'Dockerfile', target: 'project', args: serviceArgs },
  ];
}

/** Comment lines placed above a build argument in the compose file (why it has this value). */
function argComment(r: ResolvedImageOptions, build: string, arg: string): string[] {
  const key = `${build === r.service ? 'service' : build}.${arg}`;
  switch (key) {
    case 'base.FROM':
      return [
        "The Ubuntu image loci's base starts from (Dockerfile.base adds python3-venv, git, …).",
        r.codename === 'noble'
          ? 'noble ships Ceph, so CEPH_REPO stays unset.'
          : 'For a newer Ceph than jammy ships, add CEPH_REPO with a Ceph apt source line.',
      ];
    case 'requirements.KEEP_ALL_WHEELS':
      return ['Keep the PyPI wheels too, so the project build can install with --no-index.', 'Only the exact string False means false.'];
    case 'service.WHEELS':
      return ['The requirements image of the same release and codename.'];
    case 'service.PROFILES':
      return [`Space-separated bindep/pydep profiles, each adding packages for ${r.service}.`];
    case 'service.PIP_PACKAGES':
      return ["As loci's CI builds it; these must be wheels the requirements image has."];
    default:
      return [];
  }
}

function header(r: ResolvedImageOptions, commentPrefix: string): string[] {
  const p = commentPrefix;
  return [
    `${p} loci build of ${r.service} for OpenStack ${r.release} on Ubuntu ${r.codename}: the base image, the`,
    `${p} requirements (wheels) image and the ${r.service} image, in this order (each is the FROM or`,
    `${p} WHEELS of the next). Generated by \`dockyard scaffold image ${r.service}\`.`,
  ];
}

function composeFile(r: ResolvedImageOptions, list: Build[]): string {
  const out: string[] = [
    ...header(r, '#'),
    `# build-${r.service}.sh runs the same builds with docker build. Build only (nothing to \`up\`);`,
    '# BuildKit is required (loci uses RUN --mount):',
    ...list.map((b) => `#   docker compose -f docker-compose.build.yaml build ${b.name}`),
    'services:',
  ];
  for (const b of list) {
    out.push(`  ${b.name}:`, `    image: ${b.image}`, '    build:', `      context: ${r.lociPath}`, `      dockerfile: ${b.dockerfile}`);
    if (b.target) out.push(`      target: ${b.target}`);
    out.push('      args:');
    for (const [k, v] of b.args) {
      for (const c of argComment(r, b.name, k)) out.push(`        # ${c}`);
      out.push(`        ${k}: ${yamlArg(v)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** A compose build-arg value: plain when YAML reads it back as the same string, else double-quoted. */
function yamlArg(v: string): string {
  if (v === '' || /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(v)) return `"${v}"`;
  if (/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/.test(v) || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(v) || /: |\s#/.test(v)) return `"${v}"`;
  return v;
}

/** Single-quote a shell word when it holds anything beyond a safe set (values never contain `'`). */
function shq(v: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(v) ? v : `'${v}'`;
}

function buildScript(r: ResolvedImageOptions, list: Build[]): string {
  const out: string[] = [
    '#!/usr/bin/env bash',
    ...header(r, '#'),
    '# docker-compose.build.yaml describes the same builds.',
    '#',
    `# Usage: bash build-${r.service}.sh                   build the three images`,
    `#        PUSH=1 bash build-${r.service}.sh            build, then push them`,
    `#        LOCI_DIR=/src/loci bash build-${r.service}.sh  use another loci checkout (default ${r.lociPath})`,
    'set -euo pipefail',
    '',
    'cd "$(dirname "$0")"',
    `LOCI_DIR="\${LOCI_DIR:-${r.lociPath}}"`,
    '# loci\'s Dockerfile uses RUN --mount, which needs BuildKit.',
    'export DOCKER_BUILDKIT=1',
    '',
    'if [ ! -f "$LOCI_DIR/Dockerfile.base" ]; then',
    '  echo "no loci checkout in $LOCI_DIR: git clone https://opendev.org/openstack/loci.git \\"$LOCI_DIR\\"" >&2',
    '  exit 1',
    'fi',
  ];
  for (const b of list) {
    out.push('', `# ${b.name}`, 'docker build "$LOCI_DIR" \\', `  --file "$LOCI_DIR/${b.dockerfile}" \\`);
    if (b.target) out.push(`  --target ${b.target} \\`);
    for (const [k, v] of b.args) out.push(`  --build-arg ${k}=${shq(v)} \\`);
    out.push(`  --tag ${b.image}`);
  }
  out.push(
    '',
    'if [ "${PUSH:-0}" = 1 ]; then',
    ...list.map((b) => `  docker push ${b.image}`),
    'fi',
  );
  return out.join('\n') + '\n';
}

/** Example site packages for the child image: something each service really uses. */
const SITE_PACKAGES: Record<ScaffoldService, { packages: string; why: string }> = {
  cinder: { packages: 'nfs-common', why: 'the NFS volume and backup drivers mount NFS shares' },
  glance: { packages: 'qemu-block-extra', why: 'qemu-img support for rbd, iSCSI and curl sources when glance converts images' },
};

function childDockerfile(r: ResolvedImageOptions, refs: ImageRefs): string {
  const site = SITE_PACKAGES[r.service];
  return [
    '# syntax=docker/dockerfile:1',
    `# Site layer on top of the loci ${r.service} image (build that first: bash build-${r.service}.sh).`,
    `#   docker build -t ${refs.service}-site .`,
    '# The parent is pinned to the tag the loci build wrote; change it together with the release.',
    `FROM ${refs.service}`,
    '',
    '# loci images set no USER: install as root, then switch to the service user at the end.',
    'USER root',
    '',
    `# Extra OS packages (${site.why}).`,
    '# One layer; the apt lists are removed in the same RUN.',
    'RUN apt-get update \\',
    ' && apt-get install -y --no-install-recommends \\',
    `      ${site.packages} \\`,
    ' && rm -rf /var/lib/apt/lists/*',
    '',
    `# loci's ${r.service} user (Dockerfile ARG UID, default ${LOCI_UID}); numeric, so Kubernetes can verify runAsNonRoot.`,
    `USER ${LOCI_UID}`,
    '',
  ].join('\n');
}

function readme(r: ResolvedImageOptions, refs: ImageRefs, list: Build[]): string {
  const svc = list[2];
  const profileRows = SERVICE_PROFILES[r.service].filter((p) => r.profiles.includes(p.name));
  const out: string[] = [
    `# ${r.service} image: loci build for OpenStack ${r.release} on Ubuntu ${r.codename}`,
    '',
    `Generated by \`dockyard scaffold image ${r.service}\`. loci builds three images, each from the one before:`,
    '',
    '| image | from | what |',
    '|---|---|---|',
    `| \`${refs.base}\` | \`${r.base}\` | loci base (Dockerfile.base) |`,
    `| \`${refs.requirements}\` | the base | wheels of openstack/requirements \`${projectRef(r.release)}\` (\`--target requirements\`) |`,
    `| \`${refs.service}\` | the base, with the wheels mounted | ${r.service} \`${projectRef(r.release)}\` (\`--target project\`) |`,
    '',
    '## Build',
    '',
    '```sh',
    `git clone https://opendev.org/openstack/loci.git ${r.lociPath}`,
    `bash build-${r.service}.sh            # or: PUSH=1 bash build-${r.service}.sh`,
    '```',
    '',
    'or with Docker Compose (BuildKit), one image after the other:',
    '',
    '```sh',
    ...list.map((b) => `docker compose -f docker-compose.build.yaml build ${b.name}`),
    '```',
    '',
    `## PROFILES \`${r.profiles.join(' ')}\``,
    '',
  ];
  if (profileRows.length) {
    out.push('| profile | adds |', '|---|---|', ...profileRows.map((p) => `| \`${p.name}\` | ${p.adds} |`), '');
  } else {
    out.push('No profile: only the packages every loci image gets.', '');
  }
  out.push(
    `Profiles that add something for ${r.service}: ${SERVICE_PROFILES[r.service].map((p) => `\`${p.name}\``).join(', ')}.`,
    'Write profile names, not package names (`qemu`, not `qemu-utils`): a token that names no profile matches nothing.',
    '',
    '## Site layer',
    '',
    `\`Dockerfile\` here starts from \`${refs.service}\`, adds packages in one layer and ends as user ${LOCI_UID}:`,
    '',
    '```sh',
    `docker build -t ${refs.service}-site .`,
    '```',
    '',
    `The \`docker build\` command for ${r.service} alone:`,
    '',
    '```sh',
    `DOCKER_BUILDKIT=1 docker build ${r.lociPath} -f ${r.lociPath}/Dockerfile --target project \\`,
    ...svc.args.map(([k, v]) => `  --build-arg ${k}=${shq(v)} \\`),
    `  -t ${refs.service}`,
    '```',
    '',
  );
  return out.join('\n');
}

export function scaffoldImage(options: ImageOptions): ScaffoldResult {
  const problems = validateImageOptions(options);
  if (problems.length) throw new ScaffoldOptionsError(problems);
  const r = resolveImageOptions(options);
  const refs = imageRefs(options);
  const list = builds(r, refs);
  const script = `build-${r.service}.sh`;
  return {
    main: script,
    files: [
      { path: 'docker-compose.build.yaml', content: composeFile(r, list) },
      { path: script, content: buildScript(r, list), executable: true },
      { path: 'Dockerfile', content: childDockerfile(r, refs) },
      { path: 'README.md', content: readme(r, refs, list) },
    ],
  };
}
