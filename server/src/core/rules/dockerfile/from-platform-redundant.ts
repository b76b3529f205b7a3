import { defineRule } from '../define';

/**
 * `FROM --platform=$TARGETPLATFORM …`: the target platform is what FROM uses anyway, so the flag
 * says nothing. Fix (fix-all): remove the flag.
 */
export const fromPlatformRedundant = defineRule({
  id: 'from-platform-redundant',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['safe'],
  equivalents: ['buildkit:RedundantTargetPlatform', 'hadolint:DL3065'],
  references: [{ title: 'Build checks: RedundantTargetPlatform', url: 'https://docs.docker.com/reference/build-checks/redundant-target-platform/' }],
  docs: {
    summary: 'FROM --platform=$TARGETPLATFORM, which is the default.',
    risk: 'None for the build; the flag only suggests a platform choice that is not there.',
    fix: 'Remove --platform=$TARGETPLATFORM (the fix does).',
  },
  messages: {
    message: '--platform={platform} is what FROM uses by default; remove it.',
    fixTitle: 'Remove --platform',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag?.();
      const value = flag?.getValue();
      if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) continue;
      const fr = model.range(flag.getRange());
      // The flag (its range starts at `--`) and the blanks after it.
      const start = model.lines.offsetAt(fr.start);
      let end = model.lines.offsetAt(fr.end);
      if (model.text.slice(start, start + 2) !== '--') continue;
      while (end < model.text.length && (model.text[end] === ' ' || model.text[end] === '\t')) end++;
      ctx.report({
        range: model.lines.rangeOf(start, model.lines.offsetAt(fr.end)),
        message: m('message', { platform: value }),
        fixes: [{ title: m('fixTitle'), edits: [{ range: model.lines.rangeOf(start, end), newText: '' }], tier: 'safe' }],
      });
    }
  },
});
