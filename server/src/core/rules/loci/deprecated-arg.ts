import { msg } from '../../messages/catalog';
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
  check(f, report) {
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
            message: msg(e.name === 'PIP_CONSTRAINT' ? 'rule.loci-deprecated-arg.pipConstraint' : 'rule.loci-deprecated-arg.renamed', { arg: e.name, replacement: a.replacement, commit: a.changedIn ?? '', date: a.changedOn ?? '' }),
            fixes: [{ title: msg('rule.loci-deprecated-arg.fixTitle', { arg: e.name, replacement: a.replacement }), edits: [{ range, newText: a.replacement }] }],
          });
        } else report({ range, message: msg('rule.loci-deprecated-arg.removed', { arg: e.name, commit: a.changedIn ?? '', date: a.changedOn ?? '' }) });
        continue;
      }
      if (b.declarations) continue;
      if (a?.status === 'unused') {
        report({
          range,
          message: a.replacement
            ? msg('rule.loci-deprecated-arg.unusedReplacement', { arg: e.name, replacement: a.replacement, file: a.replacementFile ?? file, commit: a.changedIn ?? '', date: a.changedOn ?? '' })
            : msg('rule.loci-deprecated-arg.unused', { arg: e.name, commit: a.changedIn ?? '', date: a.changedOn ?? '' }),
        });
      } else if (a?.status === 'not-an-arg') {
        report({ range, severity: 'information', message: msg('rule.loci-deprecated-arg.notAnArg', { arg: e.name }) });
      }
    }
    // R9: PROJECT_RELEASE only feeds pydep, and no pydep entry uses a release token.
    const rel = argEntry(b, 'PROJECT_RELEASE');
    if (!b.declarations && b.kind === 'main' && rel?.value && f.target !== 'requirements' && !f.extrasUnknown) {
      const v = rel.value.text;
      if (v.includes('/')) report({ range: f.valueRange(rel.value), severity: 'information', message: msg('rule.loci-deprecated-arg.releaseNeverMatches', { value: v }) });
      else if (!v.includes('\uE000') && !f.valid.pydep.profiles.includes(v) && !f.valid.pydep.codenames.includes(v)) {
        report({ range: f.range(rel.nameSpan), severity: 'information', message: msg('rule.loci-deprecated-arg.projectRelease', { value: v }) });
      }
    }
  },
});
