import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../model/dockerfile';
import type { Fix } from '../../types';
import { defineRule } from '../define';

const ONCE: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/**
 * More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: only the last one takes effect; the
 * earlier ones are dead code that readers take for real. Each earlier one is reported, with the one
 * that wins as related information. Quick fix: delete the earlier instruction's lines.
 */
export const repeatedStageInstruction = defineRule({
  id: 'repeated-stage-instruction',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['hadolint:DL4003', 'hadolint:DL4004', 'hadolint:DL3012', 'buildkit:MultipleInstructionsDisallowed'],
  references: [{ title: 'Dockerfile reference: CMD', url: 'https://docs.docker.com/reference/dockerfile/#cmd' }],
  docs: {
    summary: 'A stage with more than one CMD, ENTRYPOINT or HEALTHCHECK: only the last one counts.',
    risk: 'The earlier instruction does nothing, but reads as if it did: a reviewer may trust a command or health check the image does not have.',
    fix: 'Keep one (the quick fix deletes the earlier instruction); to run several processes, start them from one script.',
  },
  messages: {
    message: 'Only the last {instruction} of a stage takes effect; a later one overrides this one.',
    related: 'This {instruction} takes effect.',
    fixTitle: 'Delete this {instruction}',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const last = new Map<string, Instruction>();
      for (const ins of stage.instructions) if (ONCE.has(ins.getKeyword())) last.set(ins.getKeyword(), ins);
      for (const ins of stage.instructions) {
        const k = ins.getKeyword();
        const winner = last.get(k);
        if (!winner || winner === ins) continue;
        const wr = model.range(winner.getRange());
        ctx.report({
          range: model.range(ins.getInstructionRange()),
          message: m('message', { instruction: k }),
          related: [{ range: wr, message: m('related', { instruction: k }) }],
          fixes: () => deleteLines(model, ins, m('fixTitle', { instruction: k })),
        });
      }
    }
  },
});

/** Deletes the instruction's whole lines, when nothing else shares them. */
function deleteLines(model: DockerfileModel, ins: Instruction, title: Fix['title']): Fix[] {
  const r = ins.getRange();
  const lines = model.lines;
  if (lines.lineText(r.start.line).slice(0, r.start.character).trim() !== '') return [];
  if (lines.lineText(r.end.line).slice(r.end.character).trim() !== '') return [];
  const start = { line: r.start.line, character: 0 };
  const end = r.end.line + 1 < lines.lineCount ? { line: r.end.line + 1, character: 0 } : lines.positionAt(model.text.length);
  return [{ title, edits: [{ range: { start, end }, newText: '' }] }];
}
