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
import { t, type Lang } from '../messages/catalog';
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
 * README. Pure and deterministic: the same options give the same bytes. The README and the comments
 * come from the catalog in `lang` (`scaffold.image.*`); the YAML, the script and the Dockerfile
 * instructions are the same bytes in every language.
 */

/** A catalog text in the scaffold's language. */
type Say = (id: string, args?: Record<string, string | number>) => string;

/** Each line of a (possibly multi-line) text as a `# ` comment. */
function commentLines(text: string, prefix = '#'): string[] {
  return text.split('\n').map((l) => (l ? `${prefix} ${l}` : prefix));
}
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
function argComment(r: ResolvedImageOptions, build: string, arg: string, say: Say): string[] {
  const key = `${build === r.service ? 'service' : build}.${arg}`;
  switch (key) {
    case 'base.FROM':
      return [say('scaffold.image.comment.baseFrom'), say(r.codename === 'noble' ? 'scaffold.image.comment.cephNoble' : 'scaffold.image.comment.cephJammy')];
    case 'requirements.KEEP_ALL_WHEELS':
      return say('scaffold.image.comment.keepAllWheels').split('\n');
    case 'service.WHEELS':
      return [say('scaffold.image.comment.wheels')];
    case 'service.PROFILES':
      return [say('scaffold.image.comment.profiles', { service: r.service })];
    case 'service.PIP_PACKAGES':
      return [say('scaffold.image.comment.pipPackages')];
    default:
      return [];
  }
}

function header(r: ResolvedImageOptions, say: Say): string[] {
  return commentLines(say('scaffold.image.header', { service: r.service, release: r.release, codename: r.codename }));
}

function composeFile(r: ResolvedImageOptions, list: Build[], say: Say): string {
  const out: string[] = [
    ...header(r, say),
    ...commentLines(say('scaffold.image.composeUsage', { service: r.service })),
    ...list.map((b) => `#   docker compose -f docker-compose.build.yaml build ${b.name}`),
    'services:',
  ];
  for (const b of list) {
    out.push(`  ${b.name}:`, `    image: ${b.image}`, '    build:', `      context: ${r.lociPath}`, `      dockerfile: ${b.dockerfile}`);
    if (b.target) out.push(`      target: ${b.target}`);
    out.push('      args:');
    for (const [k, v] of b.args) {
      for (const c of argComment(r, b.name, k, say)) out.push(`        # ${c}`);
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

function buildScript(r: ResolvedImageOptions, list: Build[], say: Say): string {
  const out: string[] = [
    '#!/usr/bin/env bash',
    ...header(r, say),
    ...commentLines(say('scaffold.image.scriptSeeCompose')),
    '#',
    ...commentLines(say('scaffold.image.scriptUsage', { service: r.service, lociPath: r.lociPath })),
    'set -euo pipefail',
    '',
    'cd "$(dirname "$0")"',
    `LOCI_DIR="\${LOCI_DIR:-${r.lociPath}}"`,
    ...commentLines(say('scaffold.image.scriptBuildKit')),
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

/** Example site packages for the child image: something each service really uses (why: `scaffold.image.siteWhy.<service>`). */
const SITE_PACKAGES: Record<ScaffoldService, string> = {
  cinder: 'nfs-common',
  glance: 'qemu-block-extra',
};

function childDockerfile(r: ResolvedImageOptions, refs: ImageRefs, say: Say): string {
  return [
    '# syntax=docker/dockerfile:1',
    ...commentLines(say('scaffold.image.siteHeader', { service: r.service })),
    `#   docker build -t ${refs.service}-site .`,
    ...commentLines(say('scaffold.image.sitePinned')),
    `FROM ${refs.service}`,
    '',
    ...commentLines(say('scaffold.image.siteRoot')),
    'USER root',
    '',
    ...commentLines(say('scaffold.image.siteExtra', { why: say(`scaffold.image.siteWhy.${r.service}`) })),
    'RUN apt-get update \\',
    ' && apt-get install -y --no-install-recommends \\',
    `      ${SITE_PACKAGES[r.service]} \\`,
    ' && rm -rf /var/lib/apt/lists/*',
    '',
    ...commentLines(say('scaffold.image.siteUser', { service: r.service, uid: LOCI_UID })),
    `USER ${LOCI_UID}`,
    '',
  ].join('\n');
}

function readme(r: ResolvedImageOptions, refs: ImageRefs, list: Build[], say: Say): string {
  const svc = list[2];
  const profileRows = SERVICE_PROFILES[r.service].filter((p) => r.profiles.includes(p.name));
  const ref = projectRef(r.release);
  const out: string[] = [
    say('scaffold.image.readme.title', { service: r.service, release: r.release, codename: r.codename }),
    '',
    say('scaffold.image.readme.intro', { service: r.service }),
    '',
    say('scaffold.image.readme.tableHead'),
    '|---|---|---|',
    say('scaffold.image.readme.rowBase', { image: refs.base, from: r.base }),
    say('scaffold.image.readme.rowRequirements', { image: refs.requirements, ref }),
    say('scaffold.image.readme.rowService', { image: refs.service, service: r.service, ref }),
    '',
    say('scaffold.image.readme.build'),
    '',
    '```sh',
    `git clone https://opendev.org/openstack/loci.git ${r.lociPath}`,
    `bash build-${r.service}.sh            # ${say('scaffold.image.readme.buildOr', { service: r.service })}`,
    '```',
    '',
    say('scaffold.image.readme.compose'),
    '',
    '```sh',
    ...list.map((b) => `docker compose -f docker-compose.build.yaml build ${b.name}`),
    '```',
    '',
    `## PROFILES \`${r.profiles.join(' ')}\``,
    '',
  ];
  if (profileRows.length) {
    out.push(say('scaffold.image.readme.profileHead'), '|---|---|', ...profileRows.map((p) => `| \`${p.name}\` | ${p.adds} |`), '');
  } else {
    out.push(say('scaffold.image.readme.noProfile'), '');
  }
  out.push(
    say('scaffold.image.readme.profilesFor', { service: r.service, profiles: SERVICE_PROFILES[r.service].map((p) => `\`${p.name}\``).join(', ') }),
    say('scaffold.image.readme.profileNames'),
    '',
    say('scaffold.image.readme.site'),
    '',
    say('scaffold.image.readme.siteText', { image: refs.service, uid: LOCI_UID }),
    '',
    '```sh',
    `docker build -t ${refs.service}-site .`,
    '```',
    '',
    say('scaffold.image.readme.alone', { service: r.service }),
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

export function scaffoldImage(options: ImageOptions, lang: Lang = 'en'): ScaffoldResult {
  const say: Say = (id, args) => t(id, args, lang);
  const problems = validateImageOptions(options);
  if (problems.length) throw new ScaffoldOptionsError(problems);
  const r = resolveImageOptions(options);
  const refs = imageRefs(options);
  const list = builds(r, refs);
  const script = `build-${r.service}.sh`;
  return {
    main: script,
    files: [
      { path: 'docker-compose.build.yaml', content: composeFile(r, list, say) },
      { path: script, content: buildScript(r, list, say), executable: true },
      { path: 'Dockerfile', content: childDockerfile(r, refs, say) },
      { path: 'README.md', content: readme(r, refs, list, say) },
    ],
  };
}
