import { argumentsOf } from '../../model/dockerfile';
import { defineRule } from '../define';
import { instructionsWithKeyword } from './util';

const KEYWORDS: ReadonlySet<string> = new Set(['MAINTAINER']);

/**
 * MAINTAINER is deprecated: the author belongs in a label, which tools read
 * (`org.opencontainers.image.authors`, `maintainer`). Quick fix: `LABEL maintainer="…"` with the same
 * text (the image's Author field is no longer set, hence not fix-all).
 */
export const maintainerDeprecated = defineRule({
  id: 'maintainer-deprecated',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['hadolint:DL4000', 'buildkit:MaintainerDeprecated'],
  references: [{ title: 'Dockerfile reference: MAINTAINER (deprecated)', url: 'https://docs.docker.com/reference/dockerfile/#maintainer-deprecated' }],
  docs: {
    summary: 'The deprecated MAINTAINER instruction.',
    risk: 'MAINTAINER sets an image field tools no longer read and may go away; a label carries the same information where tools look for it.',
    fix: 'Use LABEL maintainer="name <mail>" or LABEL org.opencontainers.image.authors="…" (the quick fix writes the first).',
  },
  messages: {
    message: 'MAINTAINER is deprecated; use LABEL maintainer="…".',
    fixTitle: 'Replace with LABEL maintainer=…',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of instructionsWithKeyword(model, KEYWORDS)) {
      const args = argumentsOf(ins);
      const kwRange = model.range(ins.getInstructionRange());
      if (!args.length) continue;
      const start = model.lines.offsetAt(args[0].getRange().start);
      const end = model.lines.offsetAt(args[args.length - 1].getRange().end);
      const value = model.text.slice(start, end);
      const fixable = !value.includes('\n') && !value.includes('\r') && !value.includes(model.escapeChar + '\n');
      const label = ins.getInstruction() === ins.getInstruction().toLowerCase() ? 'label' : 'LABEL';
      const quoted = '"' + value.replace(/(["\\$])/g, '\\$1') + '"';
      ctx.report({
        range: kwRange,
        message: m('message'),
        fixes: fixable
          ? [{ title: m('fixTitle'), edits: [{ range: { start: kwRange.start, end: model.range(args[args.length - 1].getRange()).end }, newText: `${label} maintainer=${quoted}` }] }]
          : undefined,
      });
    }
  },
});
