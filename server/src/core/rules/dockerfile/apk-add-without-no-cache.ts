import { baseName, unwrapCommand } from '../../util/shell';
import { defineRule } from '../define';
import { hasOption, insertAfterWord, mountsCacheOver, packageRuns } from './packages';
import { shipsInImage } from './util';

/**
 * `apk add` without `--no-cache`, in a stage that ships: the package index stays in
 * /var/cache/apk in the layer. Not reported when the RUN removes /var/cache/apk or mounts a cache
 * over it. Fix (fix-all): insert `--no-cache` after `add` (apk then fetches the index to memory;
 * what gets installed is the same).
 */
export const apkAddWithoutNoCache = defineRule({
  id: 'apk-add-without-no-cache',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['safe'],
  equivalents: ['hadolint:DL3019'],
  references: [{ title: 'Alpine wiki: apk --no-cache', url: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper' }],
  docs: {
    summary: 'apk add without --no-cache, in a stage that ships (the final stage or one it builds on).',
    risk: 'The package index stays in /var/cache/apk inside the layer: a bigger image for nothing.',
    fix: 'apk add --no-cache … (the fix inserts it), or mount a cache: RUN --mount=type=cache,target=/var/cache/apk.',
  },
  messages: {
    message: 'apk add without --no-cache keeps the package index in the layer.',
    fixTitle: 'Add --no-cache',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const pr of packageRuns(model)) {
      if (!shipsInImage(model, pr.ins, pr.onbuild) || mountsCacheOver(pr.ins, ['/var/cache/apk'])) continue;
      const adds = pr.packages.filter((p) => p.manager === 'apk' && p.action === 'add' && !hasOption(p, ['--no-cache']));
      if (!adds.length) continue;
      const cleaned = pr.commands.some((c) => {
        const i = unwrapCommand(c);
        return baseName(c.words[i]?.value) === 'rm' && c.words.slice(i + 1).some((w) => (w.value ?? w.text).replace(/["']/g, '').startsWith('/var/cache/apk'));
      });
      if (cleaned) continue;
      for (const p of adds) {
        ctx.report({
          range: pr.run.range({ start: p.name.start, end: p.verb!.end }),
          message: m('message'),
          fixes: [insertAfterWord(model, pr.run, p.verb!, ' --no-cache', m('fixTitle'), true)],
        });
      }
    }
  },
});
