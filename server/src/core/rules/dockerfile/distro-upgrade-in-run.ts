import { defineRule } from '../define';
import { packageRuns } from './packages';

const DIST_UPGRADE: Record<string, ReadonlySet<string>> = {
  'apt-get': new Set(['dist-upgrade', 'full-upgrade']),
  apt: new Set(['dist-upgrade', 'full-upgrade']),
  aptitude: new Set(['dist-upgrade', 'full-upgrade']),
  zypper: new Set(['dist-upgrade', 'dup']),
};

/**
 * `apt-get dist-upgrade` / `full-upgrade`, `zypper dist-upgrade` in RUN: they may remove packages and
 * move the image past the base image's release, so the image no longer is "base image + your
 * layer". Plain `upgrade` (security updates within the release) is not reported.
 */
export const distroUpgradeInRun = defineRule({
  id: 'distro-upgrade-in-run',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  equivalents: ['hadolint:DL3035'],
  references: [{ title: 'Dockerfile best practices: apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' }],
  docs: {
    summary: 'apt-get dist-upgrade / full-upgrade or zypper dist-upgrade in RUN.',
    risk: 'A distribution upgrade may remove or replace packages of the base image and change it in ways its tag does not say; the result differs from build to build.',
    fix: 'Use a newer base image tag instead; for security updates within the release, apt-get upgrade -y (or none, and rebuild on a refreshed base image).',
  },
  messages: {
    message: '{command} {action} changes the base image\'s distribution in place; use a newer base image instead.',
  },
  check(ctx, m) {
    for (const pr of packageRuns(ctx.model)) {
      for (const p of pr.packages) {
        if (!p.verb || !DIST_UPGRADE[p.manager]?.has(p.action)) continue;
        ctx.report({ range: pr.run.range({ start: p.name.start, end: p.verb.end }), message: m('message', { command: p.label, action: p.verb.value! }) });
      }
    }
  },
});
