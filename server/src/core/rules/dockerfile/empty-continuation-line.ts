import type { Fix } from '../../types';
import { defineRule } from '../define';

/**
 * An empty line inside an instruction continued with `\` (`RUN a \`, blank line, `  && b`): BuildKit
 * still joins across it but warns that it will become an error. Comment lines inside a continuation
 * are fine and not reported; instructions with heredocs are skipped (blank lines belong to the
 * heredoc body). Fix (fix-all): delete the empty line.
 */
export const emptyContinuationLine = defineRule({
  id: 'empty-continuation-line',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['safe'],
  equivalents: ['buildkit:NoEmptyContinuation'],
  references: [{ title: 'Build checks: NoEmptyContinuation', url: 'https://docs.docker.com/reference/build-checks/no-empty-continuation/' }],
  docs: {
    summary: 'An empty line inside an instruction continued with a line continuation.',
    risk: 'Empty continuation lines are deprecated and will become an error in a future Dockerfile syntax; they also hide where an instruction ends.',
    fix: 'Delete the empty line, or put a comment there (the fix deletes it).',
  },
  messages: {
    message: 'Empty line inside a continued instruction: it will become an error in a future Dockerfile syntax.',
    fixTitle: 'Delete the empty line',
  },
  check(ctx, m) {
    const { model } = ctx;
    const lines = model.lines;
    for (const ins of model.instructions) {
      const r = ins.getRange();
      if (r.end.line === r.start.line) continue;
      const text = ins.getTextContent();
      if (text.includes('<<')) continue;
      for (let l = r.start.line + 1; l < r.end.line; l++) {
        if (lines.lineText(l).trim() !== '') continue;
        const range = { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } };
        const fix: Fix = { title: m('fixTitle'), edits: [{ range, newText: '' }], tier: 'safe' };
        ctx.report({ range: { start: range.start, end: { line: l, character: lines.lineText(l).length } }, message: m('message'), fixes: [fix] });
      }
    }
  },
});
