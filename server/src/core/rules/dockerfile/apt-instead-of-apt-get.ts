import type { Fix } from '../../types';
import { defineRule } from '../define';
import { packageRuns } from './packages';

/** apt subcommands apt-get / apt-cache run the same way. */
const APT_GET: ReadonlySet<string> = new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'autoclean', 'clean', 'build-dep', 'source', 'download', 'check', 'satisfy']);
const APT_CACHE: ReadonlySet<string> = new Set(['search', 'show', 'policy', 'depends', 'rdepends', 'showsrc']);

/**
 * `apt` in RUN: apt is the interactive front end, whose output and behaviour are not stable for
 * scripts (it warns "apt does not have a stable CLI interface"). Fix: `apt-get` (or `apt-cache` for
 * search/show/policy …) where the subcommand means the same there; none for `apt list` and the like.
 */
export const aptInsteadOfAptGet = defineRule({
  id: 'apt-instead-of-apt-get',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['hadolint:DL3027'],
  references: [{ title: 'apt(8): script usage', url: 'https://manpages.debian.org/stable/apt/apt.8.en.html' }],
  docs: {
    summary: 'apt (the interactive front end) in RUN instead of apt-get or apt-cache.',
    risk: 'apt\'s command line and output may change between releases and it warns that it is not meant for scripts; apt-get and apt-cache keep a stable interface.',
    fix: 'Use apt-get (install, update, upgrade, remove …) or apt-cache (search, show, policy); the quick fix renames the command.',
  },
  messages: {
    message: 'apt is meant for interactive use; use {replacement} in a Dockerfile.',
    fixTitle: 'Use {replacement}',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const pr of packageRuns(model)) {
      for (const p of pr.packages) {
        if (p.manager !== 'apt') continue;
        const replacement = APT_CACHE.has(p.action) ? 'apt-cache' : 'apt-get';
        const fixable = APT_GET.has(p.action) || APT_CACHE.has(p.action);
        const range = pr.run.range(p.name);
        // Only a bare `apt` is renamed (not /usr/bin/apt, whose directory would need keeping).
        const fixes: Fix[] | undefined = fixable && p.name.text === 'apt' ? [{ title: m('fixTitle', { replacement }), edits: [{ range, newText: replacement }] }] : undefined;
        ctx.report({ range, message: m('message', { replacement }), fixes });
      }
    }
  },
});
