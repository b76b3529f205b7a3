import type { Env, Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../model/dockerfile';
import type { Fix } from '../../types';
import { defineRule } from '../define';
import { instructionsWithKeyword } from './util';

const KEYWORDS: ReadonlySet<string> = new Set(['ENV']);

/**
 * `ENV key value` (the legacy form without `=`): the whole rest of the line is one value, which
 * surprises (`ENV A 1 B 2` sets A to "1 B 2"), and the form is deprecated. Quick fix (fix-all):
 * `key=value` when the value is one word (the blanks become `=`), `key="value"` when it has
 * several words and no quotes, backslashes or line continuations.
 */
export const envLegacyFormat = defineRule({
  id: 'env-legacy-format',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['safe'],
  equivalents: ['buildkit:LegacyKeyValueFormat'],
  references: [{ title: 'Build checks: LegacyKeyValueFormat', url: 'https://docs.docker.com/reference/build-checks/legacy-key-value-format/' }],
  docs: {
    summary: 'ENV in the legacy "ENV key value" form instead of "ENV key=value".',
    risk: 'In the legacy form everything after the key is one value (ENV A 1 B 2 sets A to "1 B 2"), and the form is deprecated.',
    fix: 'Write ENV key=value (quote values with blanks: ENV KEY="a b"); the fix rewrites it.',
  },
  messages: {
    message: 'ENV {name} {value}: use the key=value form (ENV {name}={value}).',
    fixTitle: 'Rewrite as {name}=…',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of instructionsWithKeyword(model, KEYWORDS)) {
      const props = (ins as Env).getProperties?.() ?? [];
      if (props.length !== 1) continue;
      const p = props[0];
      if (p.getAssignmentOperator() !== null || p.getValue() === null) continue;
      const vr = p.getValueRange();
      if (!vr) continue;
      const value = p.getValue()!;
      ctx.report({
        range: model.range(p.getRange()),
        message: m('message', { name: p.getName(), value }),
        fixes: () => legacyFix(model, ins, p.getNameRange(), vr, m('fixTitle', { name: p.getName() })),
      });
    }
  },
});

function legacyFix(model: DockerfileModel, _ins: Instruction, nameRange: import('../../types').Range, valueRange: import('../../types').Range, title: Fix['title']): Fix[] {
  const lines = model.lines;
  const nameEnd = lines.offsetAt(nameRange.end);
  const vStart = lines.offsetAt(valueRange.start);
  const vEnd = lines.offsetAt(valueRange.end);
  const gap = model.text.slice(nameEnd, vStart);
  const raw = model.text.slice(vStart, vEnd);
  if (!/^[ \t]+$/.test(gap) || /[\r\n"'\\`]/.test(raw)) return [];
  if (!/\s/.test(raw)) return [{ title, edits: [{ range: lines.rangeOf(nameEnd, vStart), newText: '=' }], tier: 'safe' }];
  return [{ title, edits: [{ range: lines.rangeOf(nameEnd, vEnd), newText: `="${raw}"` }], tier: 'safe' }];
}
