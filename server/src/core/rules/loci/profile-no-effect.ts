import { REQUIREMENTS_PROJECT } from '../../loci/args';
import { tokenCanMatch } from '../../loci/profiles';
import { dataBroken, projectsUsing, tokenEffect, usefulProfiles } from '../../loci/facts';
import { argEntry } from '../../loci/sources';
import { isStatic, valueWords } from '../../loci/value';
import { LOCI_REFERENCE, lociRule } from './framework';

/**
 * R3: a valid profile that adds nothing for this PROJECT (paired only with other projects, or needing a
 * partner profile); R4: PROFILES / DIST_PACKAGES on the requirements target, which ignores both; R28:
 * DIST_PACKAGES that bindep already installs, and `requirements` as a profile of a project build.
 */
export const profileNoEffect = lociRule({
  id: 'loci-profile-no-effect',
  category: 'loci',
  defaultSeverity: 'information',
  references: [LOCI_REFERENCE],
  docs: {
    summary: 'A valid profile that adds nothing for this PROJECT, PROFILES or DIST_PACKAGES on the requirements target, which ignores both, and DIST_PACKAGES that bindep installs anyway.',
    fix: 'Drop the token, or use the profile this PROJECT pairs with (hover PROFILES to see what each build installs). Build requirements with --target requirements and PROJECT=requirements only.',
  },
  messages: {
    requirementsTarget: '{arg} has no effect on the requirements target: requirements.sh calls bindep with only PROJECT and the codename, and installs no DIST_PACKAGES.',
    requirementsProfile: 'Profile "requirements" on a {project} build installs every build dependency of the wheels image (compilers and -dev headers).',
    isProject: 'Profile "{token}" is the PROJECT itself, which loci already passes to bindep: it adds nothing.',
    isCodename: 'Profile "{token}" is the base image\'s codename, which loci already passes to bindep: it adds nothing.',
    needsPartner: 'Profile "{token}" adds nothing for {project} on its own; it only works together with: {partners}.',
    otherProjects: 'Profile "{token}" adds nothing for {project}: it is paired only with {projects}.',
    noEffect: 'Profile "{token}" adds nothing for {project} on {codename}.',
    duplicatePackage: '"{package}" is already installed by bindep for this {project} build; listing it in DIST_PACKAGES only duplicates it.',
  },
  check(f, report, _all, m) {
    const b = f.build;
    if (b.kind !== 'main') return;
    if (f.target === 'requirements') {
      for (const name of ['PROFILES', 'DIST_PACKAGES']) {
        const e = argEntry(b, name);
        if (!e?.value || e.value.text.trim() === '') continue;
        report({ range: f.range(e.nameSpan), severity: 'warning', message: m('requirementsTarget', { arg: name }) });
      }
      return;
    }
    const e = f.profilesEntry;
    const project = f.project;
    if (project === undefined || project === REQUIREMENTS_PROJECT || f.target === 'other' || dataBroken(f)) return;
    if (e?.value && f.profilesStatic && !f.extrasUnknown) {
      for (const w of f.profileWords) {
        const token = w.token;
        if (!tokenCanMatch(token) || !f.valid.kind.has(token)) continue;
        const range = f.valueRange(e.value, w.start, w.end);
        if (token === REQUIREMENTS_PROJECT) {
          report({ range, message: m('requirementsProfile', { project }) });
          continue;
        }
        const effect = tokenEffect(f, token);
        if (!effect.none) continue;
        let message;
        if (token === project) message = m('isProject', { token });
        else if (token === f.codename) message = m('isCodename', { token });
        else {
          const partner = usefulProfiles(f).find((p) => p.token === token && p.needsOneOf.length);
          if (partner) message = m('needsPartner', { token, project, partners: partner.needsOneOf.join(', ') });
          else {
            const users = projectsUsing(f, token);
            message = users.length
              ? m('otherProjects', { token, project, projects: users.join(', ') })
              : m('noEffect', { token, project, codename: f.codename });
          }
        }
        report({ range, message });
      }
    }
    // R28: DIST_PACKAGES entries bindep installs anyway.
    const dist = argEntry(b, 'DIST_PACKAGES');
    const resolved = f.resolved;
    if (dist?.value && resolved && !f.extrasUnknown) {
      for (const w of valueWords(dist.value)) {
        if (!isStatic(w.token) || !resolved.apt.includes(w.token)) continue;
        report({ range: f.valueRange(dist.value, w.start, w.end), message: m('duplicatePackage', { package: w.token, project }) });
      }
    }
  },
});
