import type { Copy } from 'dockerfile-ast';
import { stageNameIndex } from '../../model/dockerfile-stages';
import { defineRule } from '../define';

/**
 * `COPY --from=<x>` where `<x>` cannot be what the author meant: the stage's own name or number
 * (DL3023: a stage cannot read its own output), a stage declared later or a number past the
 * current stage (stages build in order: error), or a bare name no stage has (a typo: Docker would
 * pull an image of that name from Docker Hub; warning). Values with `/`, `:`, `@` or a variable are
 * image references and not judged.
 */
export const copyFromStage = defineRule({
  id: 'copy-from-stage',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  equivalents: ['hadolint:DL3022', 'hadolint:DL3023'],
  references: [{ title: 'Dockerfile reference: COPY --from', url: 'https://docs.docker.com/reference/dockerfile/#copy---from' }],
  docs: {
    summary: 'COPY --from naming the stage itself, a later stage, or a name that is no stage.',
    risk: 'A stage cannot copy from itself or from a stage built after it: the build fails. A name that is no stage is taken for an image on Docker Hub: a typo pulls (and trusts) a stranger\'s image.',
    fix: 'Name a stage declared earlier (FROM … AS builder, then COPY --from=builder), or a full image reference (--from=docker.io/library/nginx:1.27).',
  },
  messages: {
    self: 'COPY --from={from} names the stage it stands in; a stage cannot copy from itself.',
    later: 'COPY --from={from} names a stage declared later; only earlier stages can be copied from.',
    unknown: 'COPY --from={from}: no stage has this name, so Docker pulls an image "{from}" from Docker Hub.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const names = stageNameIndex(model);
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY') continue;
        const flag = (ins as Copy).getFromFlag?.();
        const from = flag?.getValue();
        const vr = flag?.getValueRange();
        if (!flag || !from || !vr || /[/:@$]/.test(from)) continue;
        const range = model.range(vr);
        let key: 'self' | 'later' | 'unknown' | undefined;
        if (/^\d+$/.test(from)) {
          const n = Number(from);
          if (n === stage.index) key = 'self';
          else if (n > stage.index) key = 'later';
        } else {
          const i = names.get(from.toLowerCase());
          if (i === undefined) key = 'unknown';
          else if (i === stage.index || stage.name?.toLowerCase() === from.toLowerCase()) key = 'self';
          else if (i > stage.index) key = 'later';
        }
        if (key) ctx.report({ range, message: m(key, { from }), severity: key === 'unknown' ? 'warning' : undefined });
      }
    }
  },
});
