import { unquote } from './util';
import { argumentsOf } from '../../model/dockerfile';
import { defineRule } from '../define';
import { copySources, instructionsWithKeyword } from './util';

const KEYWORDS: ReadonlySet<string> = new Set(['COPY', 'ADD']);

/**
 * COPY or ADD with several sources whose destination does not end in `/`: Docker refuses the build
 * ("the destination must be a directory and end with a /"). Quick fix (fix-all): append `/`.
 */
export const copyDestinationNotDirectory = defineRule({
  id: 'copy-destination-not-directory',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'error',
  fixTiers: ['safe'],
  equivalents: ['hadolint:DL3021'],
  references: [{ title: 'Dockerfile reference: COPY', url: 'https://docs.docker.com/reference/dockerfile/#copy' }],
  docs: {
    summary: 'COPY or ADD with more than one source and a destination that does not end in /.',
    risk: 'Docker stops the build: with several sources the destination must be a directory written with a trailing /.',
    fix: 'End the destination with / (the fix appends it).',
  },
  messages: {
    message: '{instruction} with {count} sources needs a destination ending in "/" ({dest}/).',
    fixTitle: 'Append / to the destination',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of instructionsWithKeyword(model, KEYWORDS)) {
      const sources = copySources(model, ins);
      if (sources.length < 2) continue;
      const args = argumentsOf(ins);
      const last = args[args.length - 1];
      const json = (ins as unknown as { getJSONStrings?: () => { getJSONValue(): string; getRange(): import('../../types').Range }[]; getClosingBracket?: () => unknown });
      const jstrings = json.getClosingBracket?.() ? json.getJSONStrings?.() ?? [] : [];
      const raw = jstrings.length >= 2 ? jstrings[jstrings.length - 1].getJSONValue() : last.getValue();
      const quoted = jstrings.length < 2 && unquote(raw) !== raw;
      const destValue = unquote(raw);
      if (destValue.endsWith('/') || destValue.endsWith('\\') || destValue.includes('$')) continue;
      const destRange = jstrings.length >= 2 ? model.range(jstrings[jstrings.length - 1].getRange()) : model.range(last.getRange());
      // JSON strings end with their closing quote: insert before it.
      const at = jstrings.length >= 2 || quoted ? { line: destRange.end.line, character: destRange.end.character - 1 } : destRange.end;
      ctx.report({
        range: destRange,
        message: m('message', { instruction: ins.getKeyword(), count: sources.length, dest: destValue }),
        fixes: [{ title: m('fixTitle'), edits: [{ range: { start: at, end: at }, newText: '/' }], tier: 'safe' }],
      });
    }
  },
});
