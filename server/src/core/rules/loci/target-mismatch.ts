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
  docs: {
    summary: 'The requirements target and PROJECT=requirements disagree.',
    risk: 'requirements.sh moves $SOURCES_DIR/requirements/…, so another PROJECT fails on the requirements target; PROJECT=requirements on the project target builds a useless project image.',
    fix: 'Build the wheels image with --target requirements and PROJECT=requirements; build services with the default (project) target.',
  },
  messages: {
    requirementsTarget: 'The requirements target needs PROJECT=requirements; with PROJECT={project} requirements.sh fails.',
    projectTarget: 'PROJECT=requirements on the project target builds a useless project image; use --target requirements.',
    noTarget: 'PROJECT=requirements without --target requirements builds the default project target, a useless project image.',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.declarations || b.kind !== 'main' || f.project === undefined || !f.projectEntry?.value) return;
    const projectRange = f.valueRange(f.projectEntry.value);
    if (f.target === 'requirements' && f.project !== REQUIREMENTS_PROJECT) {
      report({ range: projectRange, message: m('requirementsTarget', { project: f.project }) });
    } else if (f.target === 'project' && f.project === REQUIREMENTS_PROJECT && (b.target || b.complete)) {
      report({
        range: projectRange,
        message: b.target && staticText(b.target) === 'project' ? m('projectTarget') : m('noTarget'),
      });
    }
  },
});
