import { defineRule } from '../define';

const RESERVED: ReadonlySet<string> = new Set(['scratch', 'context']);

/**
 * A stage named `scratch` or `context`: both names already mean something (`FROM scratch` is the
 * empty image, `context` the build context in `COPY --from` / `--build-context`), so later
 * references become ambiguous.
 */
export const reservedStageName = defineRule({
  id: 'reserved-stage-name',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['buildkit:ReservedStageName', 'hadolint:DL3063'],
  references: [{ title: 'Build checks: ReservedStageName', url: 'https://docs.docker.com/reference/build-checks/reserved-stage-name/' }],
  docs: {
    summary: 'A stage named scratch or context, names that already have a meaning.',
    risk: 'FROM scratch and the build context keep their meaning: references to the stage may not reach it.',
    fix: 'Rename the stage (and its references).',
  },
  messages: {
    message: '"{name}" is a reserved name; choose another stage name.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const name = stage.name;
      const range = stage.from.getBuildStageRange?.();
      if (!name || !range || !RESERVED.has(name.toLowerCase())) continue;
      ctx.report({ range: model.range(range), message: m('message', { name }) });
    }
  },
});
