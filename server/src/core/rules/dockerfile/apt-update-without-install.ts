import { defineRule } from '../define';
import { packageRuns } from './packages';

const APT: ReadonlySet<string> = new Set(['apt-get', 'apt', 'aptitude']);
const USES_LISTS: ReadonlySet<string> = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'safe-upgrade']);

/**
 * `apt-get update` in a RUN that installs nothing: the build cache keeps that layer, so a later
 * `RUN apt-get install` installs from package lists as old as the cached layer (or fails when the
 * mirror has dropped the versions they name). Update and install belong in the same RUN.
 */
export const aptUpdateWithoutInstall = defineRule({
  id: 'apt-update-without-install',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'Dockerfile best practices: apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' }],
  docs: {
    summary: 'apt-get update in a RUN that installs nothing.',
    risk: 'The build cache reuses the update layer: a later RUN apt-get install works from stale package lists, installs outdated packages or fails with 404s from the mirror.',
    fix: 'Run apt-get update and apt-get install in the same RUN (apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*).',
  },
  messages: {
    message: '{command} update without an install in the same RUN: a later install may use stale, cached package lists.',
  },
  check(ctx, m) {
    for (const pr of packageRuns(ctx.model)) {
      const apt = pr.packages.filter((p) => APT.has(p.manager));
      const update = apt.find((p) => p.action === 'update');
      if (!update || apt.some((p) => USES_LISTS.has(p.action))) continue;
      ctx.report({ range: pr.run.range({ start: update.name.start, end: update.verb!.end }), message: m('message', { command: update.label }) });
    }
  },
});
