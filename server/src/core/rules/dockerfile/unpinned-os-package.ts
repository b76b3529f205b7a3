import { defineRule } from '../define';
import { OS_MANAGERS, packageRuns, PIN_EXAMPLE, unpinnedPackages, wordsSpan } from './packages';

/**
 * apt-get/apt install, apk add, dnf/yum/microdnf install and zypper install of packages without a
 * version. Information, not warning: the base image's release already holds distro packages to
 * security updates of one version line, and Debian/Ubuntu mirrors drop superseded versions, so an
 * exact pin also breaks rebuilds; pin where reproducibility matters more. Packages named by a
 * variable (`$PKGS`) are not judged. No fix: Dockyard cannot know the version you want.
 */
export const unpinnedOsPackage = defineRule({
  id: 'unpinned-os-package',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  equivalents: ['hadolint:DL3008', 'hadolint:DL3018', 'hadolint:DL3033', 'hadolint:DL3037', 'hadolint:DL3041'],
  references: [{ title: 'Dockerfile best practices: apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' }],
  docs: {
    summary: 'A distro package manager (apt-get, apk, dnf, yum, microdnf, zypper) installs packages without a version.',
    risk: 'The image gets whatever version the mirror has on the day of the build: two builds of the same Dockerfile can differ, and a rebuild can pull in a change nobody reviewed.',
    fix: 'Pin the packages that matter (apt-get install curl=8.5.0-2ubuntu10.6, apk add curl=8.11.1-r0, dnf install curl-8.6.0); mirrors drop old versions, so pinned files need updates with the base image. Suppress with a reason where the base image tag is the pin you want.',
  },
  messages: {
    message: '{command} installs {packages} without a version (write {example}).',
  },
  check(ctx, m) {
    for (const pr of packageRuns(ctx.model)) {
      for (const p of pr.packages) {
        if (!OS_MANAGERS.has(p.manager)) continue;
        const loose = unpinnedPackages(p);
        if (!loose.length) continue;
        ctx.report({
          range: pr.run.range(wordsSpan(loose)),
          message: m('message', { command: `${p.label} ${p.verb!.value}`, packages: loose.map((w) => w.value).join(', '), example: PIN_EXAMPLE[p.manager] }),
        });
      }
    }
  },
});
