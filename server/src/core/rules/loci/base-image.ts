import { msg } from '../../messages/catalog';
import { distroOf, matchesBasePattern, rawDistroOf } from '../../loci/images';
import { LOCI_REFERENCE, lociRule } from './framework';
import type { BuildFacts } from '../../loci/facts';
import type { Report } from '../registry';

const APT_FAMILY = new Set(['debian']);

function unsupported(f: BuildFacts, distro: string, report: (r: Report) => void, range: Report['range']): boolean {
  if (f.distributions.some((d) => d.id === distro)) return false;
  const supported = f.distributions.map((d) => d.id).join(', ');
  // Debian has apt, but the scripts assume Ubuntu; everything else has no apt-get at all.
  report({
    range,
    severity: APT_FAMILY.has(distro) ? 'warning' : 'error',
    message: msg(APT_FAMILY.has(distro) ? 'rule.loci-base-image.debian' : 'rule.loci-base-image.unsupported', { distro, supported }),
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
  check(f, report) {
    const b = f.build;
    const e = f.fromEntry;
    if (!e) {
      if (b.kind === 'main' && !b.declarations && b.complete) report({ range: f.range(b.anchor), message: msg('rule.loci-base-image.defaultFrom') });
      return;
    }
    if (!e.value) return;
    if (e.value.text.trim() === '') {
      report({ range: f.range(e.nameSpan), severity: 'error', message: msg('rule.loci-base-image.empty') });
      return;
    }
    const ref = f.fromRef;
    if (!ref || ref.name.includes('\uE000')) return;
    if (matchesBasePattern(e.value.text, f.config.baseImagePatterns)) return;
    const range = f.valueRange(e.value);
    const raw = rawDistroOf(ref, f.distributions);
    if (raw) {
      if (unsupported(f, raw, report, range)) return;
      if (b.kind === 'main') report({ range, message: msg('rule.loci-base-image.rawImage', { image: e.value.text }) });
      return;
    }
    const distro = distroOf(ref, f.distributions);
    if (distro) unsupported(f, distro, report, range);
  },
});
