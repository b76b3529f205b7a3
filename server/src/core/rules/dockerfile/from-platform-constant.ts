import { defineRule } from '../define';

/**
 * `FROM --platform=linux/amd64 …` with a constant: the stage builds for that platform only, so the
 * Dockerfile can no longer build a multi-platform image, and on another machine it runs emulated.
 * Not reported when the value uses a variable (`$BUILDPLATFORM`, `$TARGETPLATFORM`) or when the stage
 * name says which platform it is for (`AS build-amd64`), the pattern for per-platform stages.
 */
export const fromPlatformConstant = defineRule({
  id: 'from-platform-constant',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['buildkit:FromPlatformFlagConstDisallowed', 'hadolint:DL3029'],
  references: [{ title: 'Build checks: FromPlatformFlagConstDisallowed', url: 'https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/' }],
  docs: {
    summary: 'FROM --platform with a constant platform (not $BUILDPLATFORM / $TARGETPLATFORM), in a stage whose name does not name that platform.',
    risk: 'The image can only be built for that one platform: multi-platform builds break, and elsewhere the build runs emulated.',
    fix: 'Drop --platform and pass docker build --platform, or use FROM --platform=$BUILDPLATFORM for build-tool stages; name per-platform stages after their platform (AS build-arm64).',
  },
  messages: {
    message: 'FROM --platform={platform} fixes this stage to one platform; use $BUILDPLATFORM/$TARGETPLATFORM or the build\'s --platform option.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag?.();
      const value = flag?.getValue();
      const vr = flag?.getValueRange();
      if (!flag || !value || !vr || value.includes('$')) continue;
      const name = stage.name?.toLowerCase() ?? '';
      const parts = value.toLowerCase().split('/').filter((p) => p && p !== 'linux' && p !== 'windows');
      if (name && parts.some((p) => name.includes(p))) continue;
      ctx.report({ range: model.range(vr), message: m('message', { platform: value }) });
    }
  },
});
