import { baseName, unwrapCommand } from '../../util/shell';
import { defineRule } from '../define';
import { appendCommandFix, mountsCacheOver, packageRuns, type Manager } from './packages';
import { shipsInImage } from './util';

const CLEAN: Partial<Record<Manager, { command: string; cache: string[] }>> = {
  dnf: { command: 'dnf clean all', cache: ['/var/cache/dnf', '/var/cache/libdnf5'] },
  yum: { command: 'yum clean all', cache: ['/var/cache/yum'] },
  microdnf: { command: 'microdnf clean all', cache: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'] },
  zypper: { command: 'zypper clean --all', cache: ['/var/cache/zypp'] },
  yarn: { command: 'yarn cache clean', cache: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'] },
};
const INSTALLS: ReadonlySet<string> = new Set(['install', 'in', 'update', 'up', 'upgrade', 'upgrade-minimal', 'up-min', 'groupinstall', 'reinstall', 'rei', 'dist-upgrade', 'dup', 'patch', 'add', 'global']);

/**
 * dnf / yum / microdnf / zypper install (or update), and yarn install/add, without `<manager> clean all`
 * (zypper: `clean`, yarn: `yarn cache clean`)
 * or removing its cache directory in the same RUN, in a stage that ships: the metadata and
 * downloaded packages stay in the layer. Not reported under a cache mount over the cache directory.
 * Fix (fix-all): append `&& dnf clean all` (per manager) to a one-line-list RUN.
 */
export const packageCacheNotCleaned = defineRule({
  id: 'package-cache-not-cleaned',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['safe'],
  equivalents: ['hadolint:DL3032', 'hadolint:DL3036', 'hadolint:DL3040', 'hadolint:DL3060'],
  references: [{ title: 'dnf clean', url: 'https://dnf.readthedocs.io/en/latest/command_ref.html#clean-command' }],
  docs: {
    summary: 'dnf, yum, microdnf, zypper or yarn installs packages without cleaning its cache in the same RUN, in a stage that ships.',
    risk: 'Repository metadata and downloaded packages (often 100 MB and more) stay in the layer; a later RUN cannot take them out of it.',
    fix: 'End the same RUN with && dnf clean all (yum clean all, microdnf clean all, zypper clean --all, yarn cache clean), or mount a cache over the cache directory; the fix appends the clean command.',
  },
  messages: {
    message: '{command} {action} without "{clean}" in the same RUN leaves the package cache in the layer.',
    fixTitle: 'Append && {clean}',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const pr of packageRuns(model)) {
      if (!shipsInImage(model, pr.ins, pr.onbuild)) continue;
      const install = pr.packages.find((p) => CLEAN[p.manager] && (p.manager === 'yarn' ? INSTALLS.has(p.action) || p.action === '' : INSTALLS.has(p.action) && p.action !== 'add' && p.action !== 'global'));
      if (!install) continue;
      const spec = CLEAN[install.manager]!;
      if (mountsCacheOver(pr.ins, spec.cache)) continue;
      // A clean before the install (`yum clean all && yum install …`) leaves the install's cache behind.
      const after = install.cmd.start;
      const cleaned =
        pr.packages.some((p) => p.cmd.start > after && CLEAN[p.manager] && (p.action === 'clean' || p.action === 'cc' || (p.manager === 'yarn' && p.action === 'cache' && p.operands[0]?.value === 'clean'))) ||
        pr.commands.some((c) => {
          if (c.start <= after) return false;
          const i = unwrapCommand(c);
          return baseName(c.words[i]?.value) === 'rm' && c.words.slice(i + 1).some((w) => /^(\/var\/cache\/(dnf|yum|zypp|libdnf5)|\/usr\/local\/share\/\.cache\/yarn|(\/root|~)\/\.cache\/yarn)/.test((w.value ?? w.text).replace(/["']/g, '')));
        });
      if (cleaned) continue;
      ctx.report({
        range: pr.run.range({ start: install.name.start, end: (install.verb ?? install.name).end }),
        message: m('message', { command: install.label, action: install.verb?.value ?? 'install', clean: spec.command }),
        fixes: () => appendCommandFix(model, pr.run, spec.command, m('fixTitle', { clean: spec.command }), true),
      });
    }
  },
});
