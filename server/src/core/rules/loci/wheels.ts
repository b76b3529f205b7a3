import { msg } from '../../messages/catalog';
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
  check(f, report) {
    const b = f.build;
    if (b.kind !== 'main') return;
    if (b.legacyBuilder) report({ range: f.range(b.legacyBuilder), message: msg('rule.loci-wheels.legacyBuilder') });
    if (f.target === 'requirements' || f.target === 'other') return;
    const e = argEntry(b, 'WHEELS');
    if (!e) {
      if (!b.declarations && b.complete && f.target === 'project') report({ range: f.range(b.anchor), message: msg('rule.loci-wheels.missing', { default: DEFAULT_WHEELS }) });
      return;
    }
    if (!e.value) return;
    const v = e.value.text;
    if (v.trim() === '') {
      report({ range: f.range(e.nameSpan), severity: 'error', message: msg('rule.loci-wheels.empty') });
      return;
    }
    const head = v.split(UNKNOWN)[0];
    if (/^(https?|ftp|file):\/\//i.test(head) || (isStatic(v) && (/^\.{0,2}\//.test(v) || /\.(tar(\.gz|\.xz|\.bz2)?|tgz)$/i.test(v)))) {
      report({ range: f.valueRange(e.value), severity: 'error', message: msg('rule.loci-wheels.notImage', { value: v }) });
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
      report({ range: f.valueRange(e.value, a, a + tag.release.length), message: msg('rule.loci-wheels.releaseMismatch', { release: tag.release, ref: projectRef ?? '', refRelease: rel }) });
    }
    const fromCodename = f.fromRef ? codenameOf(f.fromRef) : undefined;
    if (fromCodename && fromCodename !== tag.codename) {
      const a = ref.tagStart + tag.codenameStart;
      report({ range: f.valueRange(e.value, a, a + tag.codename.length), message: msg('rule.loci-wheels.codenameMismatch', { codename: tag.codename, fromCodename }) });
    }
  },
});
