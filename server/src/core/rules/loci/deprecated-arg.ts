import { lociArg } from '../../loci/args';
import { argEntry } from '../../loci/sources';
import { LOCI_REFERENCE, lociRule } from './framework';

/**
 * R23: removed or renamed ARGs (DISTRO, PYTHON3, PIP_CONSTRAINT — which pip itself reads as a
 * constraints-file path —, WHEEL_CONSTRAIN, the uv pipeline's); R11: declared but unused
 * (REGISTRY_PROTOCOL, REGISTRY_INSECURE, APT_MIRROR); R24: names loci reads from the environment, never
 * as ARGs (COPY_DEFAULT_CONFIG_FILES); R9: PROJECT_RELEASE, which no current pydep entry uses. In a
 * Dockerfile only declarations of removed names are reported (loci itself still declares the unused ones).
 */
export const deprecatedArg = lociRule({
  id: 'loci-deprecated-arg',
  category: 'loci',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'Build arguments loci removed, renamed or no longer reads.',
    risk: 'They do nothing, and PIP_CONSTRAINT actively breaks pip, which reads it as the path of a constraints file.',
    fix: 'Rename PIP_CONSTRAINT to PIP_VERSION_CONSTRAINT and WHEEL_CONSTRAIN to WHEEL_CONSTRAINT; drop the others (APT_MIRROR_HOST on Dockerfile.base replaces APT_MIRROR; COPY_DEFAULT_CONFIG_FILES must be an ENV of the FROM image).',
  },
  messages: {
    renamed: '{arg} was renamed to {replacement} in loci {commit} ({date}); it has no effect now.',
    pipConstraint: '{arg} was renamed to {replacement} in loci {commit} ({date}); pip reads PIP_CONSTRAINT as the path of a constraints file, so passing it breaks pip.',
    removed: '{arg} was removed in loci {commit} ({date}); passing it has no effect.',
    unused: '{arg} is still declared but unused since loci {commit} ({date}); passing it has no effect.',
    unusedReplacement: '{arg} is unused since loci {commit} ({date}); use {replacement} on {file} instead.',
    notAnArg: '{arg} is not a build argument: loci reads it from the environment, so --build-arg has no effect.',
    projectRelease: 'PROJECT_RELEASE "{value}" only feeds pydep, and no pydep entry uses a release token: it has no effect.',
    releaseNeverMatches: 'PROJECT_RELEASE "{value}" contains "/", so as a bindep profile it can never match; use a bare release name.',
    fixTitle: 'Rename {arg} to {replacement}',
  },
  check(f, report, _all, m) {
    const b = f.build;
    const file = b.kind === 'base' ? 'Dockerfile.base' : 'Dockerfile';
    const seen = new Set<string>();
    for (const e of b.args) {
      if (seen.has(e.name)) continue;
      seen.add(e.name);
      const a = lociArg(e.name, file);
      const range = f.range(e.nameSpan);
      if (a?.status === 'removed' && (!b.declarations || a.file === 'Dockerfile')) {
        if (a.replacement) {
          report({
            range,
            message: m(e.name === 'PIP_CONSTRAINT' ? 'pipConstraint' : 'renamed', { arg: e.name, replacement: a.replacement, commit: a.changedIn ?? '', date: a.changedOn ?? '' }),
            fixes: [{ title: m('fixTitle', { arg: e.name, replacement: a.replacement }), edits: [{ range, newText: a.replacement }] }],
          });
        } else report({ range, message: m('removed', { arg: e.name, commit: a.changedIn ?? '', date: a.changedOn ?? '' }) });
        continue;
      }
      if (b.declarations) continue;
      if (a?.status === 'unused') {
        report({
          range,
          message: a.replacement
            ? m('unusedReplacement', { arg: e.name, replacement: a.replacement, file: a.replacementFile ?? file, commit: a.changedIn ?? '', date: a.changedOn ?? '' })
            : m('unused', { arg: e.name, commit: a.changedIn ?? '', date: a.changedOn ?? '' }),
        });
      } else if (a?.status === 'not-an-arg') {
        report({ range, severity: 'information', message: m('notAnArg', { arg: e.name }) });
      }
    }
    // R9: PROJECT_RELEASE only feeds pydep, and no pydep entry uses a release token.
    const rel = argEntry(b, 'PROJECT_RELEASE');
    if (!b.declarations && b.kind === 'main' && rel?.value && f.target !== 'requirements' && !f.extrasUnknown) {
      const v = rel.value.text;
      if (v.includes('/')) report({ range: f.valueRange(rel.value), severity: 'information', message: m('releaseNeverMatches', { value: v }) });
      else if (!v.includes('\uE000') && !f.valid.pydep.profiles.includes(v) && !f.valid.pydep.codenames.includes(v)) {
        report({ range: f.range(rel.nameSpan), severity: 'information', message: m('projectRelease', { value: v }) });
      }
    }
  },
});
