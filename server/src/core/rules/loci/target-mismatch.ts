import { msg } from '../../messages/catalog';
import { REQUIREMENTS_PROJECT } from '../../loci/args';
import { staticText } from '../../loci/sources';
import { LOCI_REFERENCE, lociRule } from './framework';

/**
 * R6: `--target requirements` needs PROJECT=requirements (requirements.sh moves
 * `${SOURCES_DIR}/requirements/…`, so another project fails); PROJECT=requirements without
 * `--target requirements` builds a useless project image (the default target is `project`).
 */
export const targetMismatch = lociRule({
  id: 'loci-target-mismatch',
  category: 'loci',
  defaultSeverity: 'error',
  references: [LOCI_REFERENCE],
  check(f, report) {
    const b = f.build;
    if (b.declarations || b.kind !== 'main' || f.project === undefined || !f.projectEntry?.value) return;
    const projectRange = f.valueRange(f.projectEntry.value);
    if (f.target === 'requirements' && f.project !== REQUIREMENTS_PROJECT) {
      report({ range: projectRange, message: msg('rule.loci-target-mismatch.requirementsTarget', { project: f.project }) });
    } else if (f.target === 'project' && f.project === REQUIREMENTS_PROJECT && (b.target || b.complete)) {
      report({
        range: projectRange,
        message: b.target && staticText(b.target) === 'project' ? msg('rule.loci-target-mismatch.projectTarget') : msg('rule.loci-target-mismatch.noTarget'),
      });
    }
  },
});
