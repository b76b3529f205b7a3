import { t } from '../messages/catalog';
import { stageInfos, type StageInfo } from '../model/dockerfile-stages';
import { comparePositions, type Range } from '../types';
import { SERVER_COMMANDS, type CodeLensResult, type FeatureContext, type FeatureProvider, type InlayHintResult } from './types';

/**
 * Layer hints (issue 5): every RUN/COPY/ADD gets an inlay hint "layer N" at the end of its first
 * line, N counting the layers of the image the stage builds (a stage `FROM builder` continues from
 * builder's count); every FROM gets a code lens with the stage's own total, and the final stage a
 * second lens with the image's total including what it inherits from earlier stages of the file.
 * Layers of the external base image are not counted (they are not in the file).
 */
export const dockerfileLayersProvider: FeatureProvider = {
  kinds: ['dockerfile'],
  inlayHints(ctx: FeatureContext, range: Range): InlayHintResult[] {
    const model = ctx.analyzer.dockerfileFor(ctx.path, ctx.text);
    const out: InlayHintResult[] = [];
    for (const info of stageInfos(model)) {
      const stage = stageName(info);
      info.layers.forEach((ins, i) => {
        const line = ins.getRange().start.line;
        const position = { line, character: model.lines.lineText(line).length };
        if (comparePositions(position, range.start) < 0 || comparePositions(position, range.end) > 0) return;
        const n = info.inherited + i + 1;
        out.push({
          position,
          label: t('dockerfile.layers.hint', { n }, ctx.lang),
          tooltip: t('dockerfile.layers.hintTooltip', { n, stage, instruction: ins.getKeyword(), own: i + 1 }, ctx.lang),
          paddingLeft: true,
        });
      });
    }
    return out;
  },
  codeLenses(ctx: FeatureContext): CodeLensResult[] {
    const model = ctx.analyzer.dockerfileFor(ctx.path, ctx.text);
    const infos = stageInfos(model);
    const out: CodeLensResult[] = [];
    infos.forEach((info, idx) => {
      const range = model.range(info.stage.from.getRange());
      const stage = stageName(info);
      const count = info.layers.length;
      const id = count === 0 ? 'dockerfile.layers.stageNone' : count === 1 ? 'dockerfile.layers.stageOne' : 'dockerfile.layers.stageMany';
      out.push({ range, title: t(id, { count, stage }, ctx.lang), command: SERVER_COMMANDS.showRuleDocs, args: ['layer-count'] });
      if (idx === infos.length - 1) {
        const total = info.inherited + count;
        let title: string;
        if (info.parent && info.inherited > 0) title = t('dockerfile.layers.imageMany', { total, inherited: info.inherited, parent: stageName(info.parent) }, ctx.lang);
        else if (total === 1) title = t('dockerfile.layers.imageOne', undefined, ctx.lang);
        else title = t('dockerfile.layers.imageOwn', { total }, ctx.lang);
        out.push({ range, title, command: SERVER_COMMANDS.showRuleDocs, args: ['layer-count'] });
      }
    });
    return out;
  },
};

function stageName(info: StageInfo): string {
  return info.stage.name ?? `#${info.stage.index + 1}`;
}
