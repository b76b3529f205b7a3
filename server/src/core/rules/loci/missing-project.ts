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
  docs: {
    summary: 'A loci build without PROJECT, or with an empty one.',
    risk: 'PROJECT has no default: PROJECT_REPO becomes https://opendev.org/openstack/ and the clone fails.',
    fix: 'Pass PROJECT: the repository name under opendev.org/openstack (e.g. cinder), or requirements for the wheels build.',
  },
  messages: {
    missing: 'This loci build does not set PROJECT, which is required (there is no default).',
    empty: 'PROJECT is empty: the clone of https://opendev.org/openstack/ fails.',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.declarations || b.kind !== 'main') return;
    const e = f.projectEntry;
    if (!e) {
      if (b.complete) report({ range: f.range(b.anchor), message: m('missing') });
      return;
    }
    if (e.value && e.value.text.trim() === '') report({ range: f.range(e.nameSpan), message: m('empty') });
  },
});
