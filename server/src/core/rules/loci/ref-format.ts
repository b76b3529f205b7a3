import { findRelease } from '../../loci/args';
import { argEntry, staticText } from '../../loci/sources';
import { LOCI_REFERENCE, lociRule } from './framework';

/** A bare release (`2025.2`, `caracal`) where a git ref belongs: the branch it probably means. */
export function bareReleaseBranch(ref: string): string | undefined {
  if (ref === 'master') return undefined;
  if (/^\d{4}\.[12]$/.test(ref)) return `stable/${ref}`;
  const r = findRelease(ref);
  return r && r.release !== 'master' ? `stable/${r.release}` : undefined;
}

const CLONE_B_REFS = ['NOVNC_REF', 'SPICE_REF', 'SKYLINE_CONSOLE_REF'];

/**
 * R7: PROJECT_REF that is a bare release (it belongs in PROJECT_RELEASE; the branch is `stable/<release>`);
 * R8: `refs/changes/…` fetched from the opendev default repo instead of review.opendev.org;
 * R22: `git clone -b` refs (NOVNC_REF, SPICE_REF, SKYLINE_CONSOLE_REF) that are SHAs or `refs/…`.
 */
export const refFormat = lociRule({
  id: 'loci-ref-format',
  category: 'loci',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'A PROJECT_REF that is a bare release instead of a branch, a Gerrit change fetched from the default repository, or a clone ref that git clone -b cannot use.',
    fix: 'Use stable/<release> (and put the bare release in PROJECT_RELEASE); fetch refs/changes/… from https://review.opendev.org/openstack/<project>; give NOVNC_REF, SPICE_REF and SKYLINE_CONSOLE_REF a branch or tag.',
  },
  messages: {
    bareRelease: 'PROJECT_REF "{ref}" is a release name, not a git ref; the branch is "{branch}".',
    fixTitle: 'Replace "{ref}" with "{branch}"',
    gerritRepo: 'PROJECT_REF "{ref}" is a Gerrit change, but PROJECT_REPO is the opendev default; loci\'s README fetches changes from https://review.opendev.org/openstack/{project}.',
    cloneBranch: '{arg} "{ref}" is cloned with git clone -b, which needs a branch or tag, not a SHA or refs/….',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.kind !== 'main') return;
    const ref = argEntry(b, 'PROJECT_REF');
    const refText = staticText(ref);
    if (ref?.value && refText !== undefined) {
      const range = f.valueRange(ref.value);
      const branch = bareReleaseBranch(refText);
      if (branch) {
        report({
          range,
          message: m('bareRelease', { ref: refText, branch }),
          fixes: [{ title: m('fixTitle', { ref: refText, branch }), edits: [{ range, newText: branch }] }],
        });
      } else if (refText.startsWith('refs/changes/')) {
        const repo = argEntry(b, 'PROJECT_REPO');
        // The static prefix decides: `https://opendev.org/openstack/${PROJECT}` is the default.
        const defaultRepo = !repo || (repo.value !== undefined && /^https?:\/\/opendev\.org\//.test(repo.value.text));
        if (defaultRepo) {
          report({ range, severity: 'information', message: m('gerritRepo', { ref: refText, project: f.project ?? '<project>' }) });
        }
      }
    }
    for (const name of CLONE_B_REFS) {
      const e = argEntry(b, name);
      const t = staticText(e);
      if (!e?.value || t === undefined) continue;
      if (/^[0-9a-f]{7,40}$/.test(t) || t.startsWith('refs/')) {
        report({ range: f.valueRange(e.value), severity: 'error', message: m('cloneBranch', { arg: name, ref: t }) });
      }
    }
  },
});
