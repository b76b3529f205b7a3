import { msg } from '../../messages/catalog';
import { LOCI_REFERENCE, lociRule } from './framework';

/**
 * R5: PROJECT is required and has no default: without it PROJECT_REPO becomes
 * `https://opendev.org/openstack/` and the clone fails (Dockerfile:14-15). A Dockerfile's own
 * `ARG PROJECT` declaration is not a build, so only builds (compose, workflow, scripts) are judged.
 */
export const missingProject = lociRule({
  id: 'loci-missing-project',
  category: 'loci',
  defaultSeverity: 'error',
  references: [LOCI_REFERENCE],
  check(f, report) {
    const b = f.build;
    if (b.declarations || b.kind !== 'main') return;
    const e = f.projectEntry;
    if (!e) {
      if (b.complete) report({ range: f.range(b.anchor), message: msg('rule.loci-missing-project.missing') });
      return;
    }
    if (e.value && e.value.text.trim() === '') report({ range: f.range(e.nameSpan), message: msg('rule.loci-missing-project.empty') });
  },
});
