/**
 * Image references as loci builds write them: `[registry/]path/name[:tag][@digest]`, what distribution
 * and Ubuntu codename a reference names, loci's tag convention `<release>-<distro>_<codename>[_loci]`
 * (REFERENCE.md §3 "Tag conventions"), raw distribution images (R16) and the configured distributions
 * (`config.loci.distributions`, `config.loci.baseImagePatterns`).
 */
import { matchesAnyPattern } from '../util/patterns';
import { CODENAME_VERSIONS, DISTRO_EXTRA_ATOMS } from './bindep';
import { findRelease, KNOWN_PROJECTS } from './args';

export interface ImageRef {
  registry?: string;
  /** The path without registry, e.g. `airshipit/base`. */
  repository: string;
  /** The last path segment, e.g. `base`. */
  name: string;
  tag?: string;
  digest?: string;
  /** Offsets of the tag inside the reference string (when there is one). */
  tagStart?: number;
}

export function parseImageRef(ref: string): ImageRef | undefined {
  let s = ref.trim();
  if (!s || /\s/.test(s)) return undefined;
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  let tag: string | undefined;
  let tagStart: number | undefined;
  if (colon > slash) {
    tag = s.slice(colon + 1);
    tagStart = ref.indexOf(s) + colon + 1;
    s = s.slice(0, colon);
  }
  const parts = s.split('/');
  let registry: string | undefined;
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) registry = parts.shift();
  const repository = parts.join('/');
  if (!repository) return undefined;
  return { registry, repository, name: parts[parts.length - 1], tag, digest, tagStart };
}

// ---------------------------------------------------------------------------------------------
// Distributions

export interface Distribution {
  /** bindep's distro id (`ubuntu`, `debian`, `rocky`, or a fork's own). */
  id: string;
  /** Extra platform atoms bindep adds (`dpkg`, `rpm redhat` …). */
  atoms: readonly string[];
  /** Installs with apt (loci's scripts call apt-get unconditionally). */
  apt: boolean;
}

/** Official images of distributions, by image name (last path segment, or a full repository path). */
const DISTRO_IMAGES: Readonly<Record<string, string>> = {
  ubuntu: 'ubuntu',
  debian: 'debian',
  centos: 'centos',
  'centos-stream': 'centos',
  rockylinux: 'rocky',
  'rockylinux/rockylinux': 'rocky',
  rocky: 'rocky',
  almalinux: 'almalinux',
  fedora: 'fedora',
  'opensuse/leap': 'opensuse',
  'opensuse/tumbleweed': 'opensuse-tumbleweed',
  leap: 'opensuse',
  tumbleweed: 'opensuse-tumbleweed',
  sles: 'sles',
  alpine: 'alpine',
  amazonlinux: 'amzn',
  oraclelinux: 'ol',
  ubi: 'rhel',
  ubi8: 'rhel',
  ubi9: 'rhel',
  ubi10: 'rhel',
  'ubi-minimal': 'rhel',
  'ubi8-minimal': 'rhel',
  'ubi9-minimal': 'rhel',
  archlinux: 'arch',
  'gentoo/stage3': 'gentoo',
  photon: 'photon',
  'cbl-mariner': 'mariner',
  azurelinux: 'azurelinux',
};

/** Distro ids that use apt (the rest are rpm, apk, pacman …). */
const APT_DISTROS: ReadonlySet<string> = new Set(['ubuntu', 'debian']);

/** Distributions named in tags (`…-ubuntu_noble_loci`, `…-rocky9`). */
const TAG_DISTROS = ['ubuntu', 'debian', 'centos', 'rocky', 'rockylinux', 'almalinux', 'fedora', 'opensuse', 'leap', 'sles', 'alpine', 'rhel', 'ubi'];

/**
 * Parse `config.loci.distributions`: each entry is a distro id, optionally with the platform atoms
 * bindep adds for it: `ubuntu`, `acme=rpm,redhat`. Known ids get bindep's atoms by default.
 */
export function parseDistributions(entries: readonly string[]): Distribution[] {
  const out: Distribution[] = [];
  for (const raw of entries) {
    const [idPart, atomsPart] = raw.split('=', 2);
    const id = idPart.trim().toLowerCase();
    if (!id) continue;
    const atoms = atomsPart !== undefined ? atomsPart.split(/[\s,]+/).filter(Boolean).map((a) => a.replace(/^platform:/, '')) : [...(DISTRO_EXTRA_ATOMS[id] ?? [])];
    out.push({ id, atoms, apt: APT_DISTROS.has(id) || atoms.includes('dpkg') });
  }
  return out;
}

/** The distro a raw distribution image is (by its name), including configured distributions. */
export function rawDistroOf(ref: ImageRef, configured: readonly Distribution[]): string | undefined {
  const repo = ref.repository.toLowerCase();
  const name = ref.name.toLowerCase();
  for (const [k, id] of Object.entries(DISTRO_IMAGES)) {
    if (k.includes('/') ? repo === k || repo.endsWith('/' + k) : name === k) return id;
  }
  for (const d of configured) if (name === d.id) return d.id;
  return undefined;
}

const CODENAMES: readonly string[] = Object.values(CODENAME_VERSIONS).flatMap((t) => Object.keys(t));
const VERSION_CODENAME: ReadonlyMap<string, string> = new Map(
  Object.entries(CODENAME_VERSIONS.ubuntu).map(([c, v]) => [v, c] as [string, string]),
);

function tokensOf(s: string): string[] {
  return s.toLowerCase().split(/[^a-z0-9.]+/).filter(Boolean);
}

/** The Ubuntu/Debian codename an image reference names (`ubuntu:noble`, `base:2025.2-ubuntu_noble_loci`, `ubuntu:24.04`). */
export function codenameOf(ref: ImageRef): string | undefined {
  const words = [...tokensOf(ref.tag ?? ''), ...tokensOf(ref.name)];
  for (const w of words) if (CODENAMES.includes(w)) return w;
  if (ref.name === 'ubuntu' && ref.tag) {
    const v = /^(\d\d\.\d\d)/.exec(ref.tag)?.[1];
    if (v && VERSION_CODENAME.has(v)) return VERSION_CODENAME.get(v);
  }
  return undefined;
}

/** The distro an image reference says it is built on: raw distro images, or a distro named in the tag. */
export function distroOf(ref: ImageRef, configured: readonly Distribution[]): string | undefined {
  const raw = rawDistroOf(ref, configured);
  if (raw) return raw;
  const words = tokensOf(ref.tag ?? '').flatMap((w) => w.split('.'));
  for (const d of configured) if (words.some((w) => w === d.id || w.startsWith(d.id))) return d.id;
  for (const w of words) {
    const hit = TAG_DISTROS.find((d) => w === d || (w.startsWith(d) && /^\d+$/.test(w.slice(d.length))));
    if (hit) return DISTRO_IMAGES[hit] ?? hit;
  }
  const cn = codenameOf(ref);
  if (cn) return Object.keys(CODENAME_VERSIONS).find((id) => cn in CODENAME_VERSIONS[id]);
  return undefined;
}

/** `config.loci.baseImagePatterns`, in linear time (invalid expressions never match; the config loader reports them). */
export function matchesBasePattern(image: string, patterns: readonly string[]): boolean {
  return matchesAnyPattern(patterns, image);
}

/** A finished loci image of some PROJECT (`…/neutron:2025.2-ubuntu_noble_loci`): its project, else undefined. */
export function lociProjectImage(ref: ImageRef): string | undefined {
  if (!KNOWN_PROJECTS.includes(ref.name) || ref.name === 'requirements') return undefined;
  return ref.name;
}

export interface LociTag {
  release: string;
  distro: string;
  codename: string;
  /** Offsets in the tag of the release and codename parts. */
  releaseStart: number;
  codenameStart: number;
}

/** loci's tag convention: `<release>-<distro>_<codename>[_loci][-YYYYMMDD]` (`2025.2-ubuntu_noble_loci`). */
export function parseLociTag(tag: string): LociTag | undefined {
  const m = /^([a-z0-9.]+)-([a-z]+)_([a-z]+)(?:_loci)?(?:[-_.].*)?$/.exec(tag);
  if (!m) return undefined;
  const rel = findRelease(m[1])?.release ?? (/^\d{4}\.\d$/.test(m[1]) || m[1] === 'master' ? m[1] : undefined);
  if (!rel) return undefined;
  return { release: rel, distro: m[2], codename: m[3], releaseStart: 0, codenameStart: m[1].length + 1 + m[2].length + 1 };
}
