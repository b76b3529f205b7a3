import { distroOf, matchesBasePattern, rawDistroOf } from '../../loci/images';
import { LOCI_REFERENCE, lociRule } from './framework';
import type { BuildFacts } from '../../loci/facts';
import type { Report } from '../registry';
import type { MessageOf } from '../define';

const APT_FAMILY: ReadonlySet<string> = new Set(['debian']);

function unsupported(f: BuildFacts, distro: string, report: (r: Report) => void, range: Report['range'], m: MessageOf<'debian' | 'unsupported'>): boolean {
  if (f.distributions.some((d) => d.id === distro)) return false;
  const supported = f.distributions.map((d) => d.id).join(', ');
  // Debian has apt, but the scripts assume Ubuntu; everything else has no apt-get at all.
  report({
    range,
    severity: APT_FAMILY.has(distro) ? 'warning' : 'error',
    message: m(APT_FAMILY.has(distro) ? 'debian' : 'unsupported', { distro, supported }),
  });
  return true;
}

/**
 * R16: the project / requirements build starts FROM a raw distribution image (including the Dockerfile's
 * own default `ubuntu:jammy` when FROM is not passed) instead of a loci base image built with
 * Dockerfile.base: no python3-venv, no git. R17: the base is a distribution loci's scripts do not
 * support (apt-get is called unconditionally; Debian is untested). The supported distributions and the
 * images that count as loci base images come from `loci.distributions` / `loci.baseImagePatterns`.
 */
export const baseImage = lociRule({
  id: 'loci-base-image',
  category: 'loci',
  defaultSeverity: 'warning',
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'FROM is a raw distribution image instead of a loci base image, or a distribution loci does not support. Supported distributions and base-image patterns are configurable (loci.distributions, loci.baseImagePatterns).',
    risk: 'A raw image has no python3-venv and no git, so setup_venv and the clone fail; loci\'s scripts call apt-get unconditionally and assume Ubuntu.',
    fix: 'Build a base image with Dockerfile.base and pass it as FROM. A fork that supports another distribution lists it in loci.distributions (e.g. "acme=rpm,redhat") and its base images in loci.baseImagePatterns.',
  },
  messages: {
    defaultFrom: 'This build does not set FROM, so it starts from the Dockerfile default ubuntu:jammy, a raw image without python3-venv and git.',
    empty: 'FROM is empty: FROM $FROM fails.',
    rawImage: 'FROM "{image}" is a raw distribution image, not a loci base image built with Dockerfile.base: it has no python3-venv and no git.',
    unsupported: 'FROM is a {distro} image, but loci\'s scripts support {supported} only (apt-get is called unconditionally).',
    debian: 'FROM is a {distro} image: apt works, but loci\'s scripts assume Ubuntu (/etc/lsb-release, Ubuntu mirrors) and Debian is untested. Supported: {supported}.',
  },
  check(f, report, _all, m) {
    const b = f.build;
    const e = f.fromEntry;
    if (!e) {
      if (b.kind === 'main' && !b.declarations && b.complete) report({ range: f.range(b.anchor), message: m('defaultFrom') });
      return;
    }
    if (!e.value) return;
    if (e.value.text.trim() === '') {
      report({ range: f.range(e.nameSpan), severity: 'error', message: m('empty') });
      return;
    }
    const ref = f.fromRef;
    if (!ref || ref.name.includes('\uE000')) return;
    if (matchesBasePattern(e.value.text, f.config.baseImagePatterns)) return;
    const range = f.valueRange(e.value);
    const raw = rawDistroOf(ref, f.distributions);
    if (raw) {
      if (unsupported(f, raw, report, range, m)) return;
      if (b.kind === 'main') report({ range, message: m('rawImage', { image: e.value.text }) });
      return;
    }
    const distro = distroOf(ref, f.distributions);
    if (distro) unsupported(f, distro, report, range, m);
  },
});
