import { stageInfos } from '../../model/dockerfile-stages';
import { defineRule } from '../define';

/**
 * Every RUN, COPY and ADD adds a layer; many layers make images larger (files deleted in a later
 * layer still ship) and slower to pull. A stage with more own layers than `layers.threshold`
 * (default 20) is reported on its FROM image.
 */
export const layerCount = defineRule({
  id: 'layer-count',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'Dockerfile best practices: minimize the number of layers', url: 'https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers' }],
  docs: {
    summary: 'A stage with more layers (RUN, COPY, ADD) than the threshold (setting layers.threshold, default 20).',
    risk: 'Every layer is stored and pulled separately; files deleted in a later layer still ship in the earlier one. Many layers make images bigger and pulls slower.',
    fix: 'Join RUN instructions with && (see consecutive-run), copy whole directories at once, move build steps into an earlier stage and COPY --from only the result.',
  },
  messages: {
    message: 'Stage {stage} has {count} layers (threshold {threshold}).',
    related: 'Layer {n} of the stage, the first above the threshold.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const threshold = ctx.config.layers.threshold;
    for (const info of stageInfos(model)) {
      const count = info.layers.length;
      if (count <= threshold) continue;
      const first = Math.floor(threshold); // index of the first layer above the threshold
      const from = info.stage.from;
      const r = from.getImageRange() ?? from.getInstructionRange();
      ctx.report({
        range: model.range(r),
        message: m('message', { stage: stageLabel(info.stage.name, info.stage.index), count, threshold }),
        related: [{ range: model.range(info.layers[first].getInstructionRange()), message: m('related', { n: first + 1 }) }],
      });
    }
  },
});

/** `"build"` for a named stage, `#2` (1-based) for an unnamed one. */
export function stageLabel(name: string | undefined, index: number): string {
  return name ?? `#${index + 1}`;
}
