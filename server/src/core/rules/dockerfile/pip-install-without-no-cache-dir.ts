import { defineRule } from '../define';
import { hasOption, insertAfterWord, mountsCacheOver, packageRuns } from './packages';
import { shipsInImage } from './util';

/**
 * `pip install` without `--no-cache-dir`, in a stage that ships: pip keeps the downloaded wheels
 * in ~/.cache/pip inside the layer. Not reported when the file sets PIP_NO_CACHE_DIR or the RUN
 * mounts a cache over the pip cache. Fix (fix-all): insert `--no-cache-dir` after `install`.
 */
export const pipInstallWithoutNoCacheDir = defineRule({
  id: 'pip-install-without-no-cache-dir',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['safe'],
  equivalents: ['hadolint:DL3042'],
  references: [{ title: 'pip: caching', url: 'https://pip.pypa.io/en/stable/topics/caching/' }],
  docs: {
    summary: 'pip install without --no-cache-dir, in a stage that ships (the final stage or one it builds on).',
    risk: 'pip\'s download cache (the wheels it just installed, again) stays in the layer.',
    fix: 'pip install --no-cache-dir … (the fix inserts it), ENV PIP_NO_CACHE_DIR=1, or RUN --mount=type=cache,target=/root/.cache/pip.',
  },
  messages: {
    message: '{command} install without --no-cache-dir keeps pip\'s download cache in the layer.',
    fixTitle: 'Add --no-cache-dir',
  },
  check(ctx, m) {
    const { model } = ctx;
    if (model.text.includes('PIP_NO_CACHE_DIR')) return;
    for (const pr of packageRuns(model)) {
      if (!shipsInImage(model, pr.ins, pr.onbuild) || mountsCacheOver(pr.ins, ['/root/.cache/pip'])) continue;
      for (const p of pr.packages) {
        if (p.manager !== 'pip' || p.action !== 'install' || !p.verb || hasOption(p, ['--no-cache-dir'])) continue;
        ctx.report({
          range: pr.run.range({ start: p.name.start, end: p.verb.end }),
          message: m('message', { command: p.label }),
          fixes: [insertAfterWord(model, pr.run, p.verb, ' --no-cache-dir', m('fixTitle'), true)],
        });
      }
    }
  },
});
