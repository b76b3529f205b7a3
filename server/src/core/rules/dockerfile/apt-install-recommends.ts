import { defineRule } from '../define';
import { hasOption, insertAfterWord, packageRuns } from './packages';
import { shipsInImage } from './util';

const APT: ReadonlySet<string> = new Set(['apt-get', 'apt']);

/**
 * apt-get/apt install without `--no-install-recommends` (or `-o APT::Install-Recommends=false`), in
 * a stage that ships: Debian and Ubuntu install every "Recommends" package too, often tens of MB
 * the image never uses. Fix: insert `--no-install-recommends` after `install` (a quick fix to
 * review, not fix-all: a program may rely on a recommended package).
 */
export const aptInstallRecommends = defineRule({
  id: 'apt-install-recommends',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  equivalents: ['hadolint:DL3015'],
  references: [{ title: 'Dockerfile best practices: apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' }],
  docs: {
    summary: 'apt-get install without --no-install-recommends, in a stage that ships.',
    risk: 'apt installs every recommended package as well: a larger image with more software to patch, none of it asked for.',
    fix: 'Add --no-install-recommends (the quick fix inserts it after install) and name the packages you need explicitly.',
  },
  messages: {
    message: '{command} install without --no-install-recommends also installs the recommended packages.',
    fixTitle: 'Add --no-install-recommends',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const pr of packageRuns(model)) {
      if (!shipsInImage(model, pr.ins, pr.onbuild)) continue;
      for (const p of pr.packages) {
        if (!APT.has(p.manager) || p.action !== 'install' || !p.verb) continue;
        if (hasOption(p, ['--no-install-recommends'])) continue;
        if (p.cmd.words.some((w) => /APT::Install-Recommends=("|')?(false|0|no)/i.test(w.value ?? ''))) continue;
        ctx.report({
          range: pr.run.range({ start: p.name.start, end: p.verb.end }),
          message: m('message', { command: p.label }),
          fixes: [insertAfterWord(model, pr.run, p.verb, ' --no-install-recommends', m('fixTitle'))],
        });
      }
    }
  },
});
