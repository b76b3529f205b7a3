import { parseImageRef, parseLociTag, codenameOf } from '../../loci/images';
import { refRelease } from '../../loci/facts';
import { argEntry, staticText } from '../../loci/sources';
import { isStatic, UNKNOWN } from '../../loci/value';
import { LOCI_REFERENCE, lociRule } from './framework';

const DEFAULT_WHEELS = 'quay.io/airshipit/requirements:master-ubuntu_jammy';

/**
 * R10: WHEELS must be an image reference (URLs and paths stopped working in dd30388); R12: a project build
 * without WHEELS falls back to master on jammy; R13: the WHEELS tag's release / codename disagree with
 * PROJECT_REF / FROM (cp310 vs cp312 wheels with `--only-binary :all:`); R18: the legacy builder
 * (`DOCKER_BUILDKIT=0`) cannot run loci's `RUN --mount=…from=wheels`.
 */
export const wheels = lociRule({
  id: 'loci-wheels',
  category: 'loci',
  defaultSeverity: 'warning',
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'WHEELS missing, a URL or path instead of an image, from another release or codename than PROJECT_REF / FROM, or a legacy builder that cannot mount it.',
    risk: 'The project build mounts the WHEELS image and installs with --only-binary :all:; wheels for another release or Python version fail the build or install the wrong versions.',
    fix: 'Pass WHEELS as the image reference of a requirements image built for the same release and codename (e.g. …/requirements:2025.2-ubuntu_noble_loci), and build with BuildKit.',
  },
  messages: {
    legacyBuilder: 'DOCKER_BUILDKIT=0 selects the legacy builder, which cannot run loci\'s RUN --mount=type=bind,from=wheels.',
    missing: 'This project build does not set WHEELS, so it uses the default {default} (master on jammy).',
    empty: 'WHEELS is empty: FROM $WHEELS AS wheels fails.',
    notImage: 'WHEELS "{value}" is not an image reference; since loci dd30388 only an image reference works.',
    releaseMismatch: 'WHEELS is built for release {release}, but PROJECT_REF "{ref}" is {refRelease}.',
    codenameMismatch: 'WHEELS is built on {codename}, but FROM is {fromCodename}: the wheels target another Python version.',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.kind !== 'main') return;
    if (b.legacyBuilder) report({ range: f.range(b.legacyBuilder), message: m('legacyBuilder') });
    if (f.target === 'requirements' || f.target === 'other') return;
    const e = argEntry(b, 'WHEELS');
    if (!e) {
      if (!b.declarations && b.complete && f.target === 'project') report({ range: f.range(b.anchor), message: m('missing', { default: DEFAULT_WHEELS }) });
      return;
    }
    if (!e.value) return;
    const v = e.value.text;
    if (v.trim() === '') {
      report({ range: f.range(e.nameSpan), severity: 'error', message: m('empty') });
      return;
    }
    const head = v.split(UNKNOWN)[0];
    if (/^(https?|ftp|file):\/\//i.test(head) || (isStatic(v) && (/^\.{0,2}\//.test(v) || /\.(tar(\.gz|\.xz|\.bz2)?|tgz)$/i.test(v)))) {
      report({ range: f.valueRange(e.value), severity: 'error', message: m('notImage', { value: v }) });
      return;
    }
    // R13: `<release>-<distro>_<codename>[_loci]` against PROJECT_REF and FROM.
    const ref = parseImageRef(v);
    if (!ref?.tag || ref.tagStart === undefined || !isStatic(ref.tag)) return;
    const tag = parseLociTag(ref.tag);
    if (!tag) return;
    const projectRef = staticText(argEntry(b, 'PROJECT_REF')) ?? (b.declarations ? undefined : 'master');
    const rel = refRelease(projectRef);
    if (rel && rel !== tag.release) {
      const a = ref.tagStart + tag.releaseStart;
      report({ range: f.valueRange(e.value, a, a + tag.release.length), message: m('releaseMismatch', { release: tag.release, ref: projectRef ?? '', refRelease: rel }) });
    }
    const fromCodename = f.fromRef ? codenameOf(f.fromRef) : undefined;
    if (fromCodename && fromCodename !== tag.codename) {
      const a = ref.tagStart + tag.codenameStart;
      report({ range: f.valueRange(e.value, a, a + tag.codename.length), message: m('codenameMismatch', { codename: tag.codename, fromCodename }) });
    }
  },
});
