import type { Arg, Env } from 'dockerfile-ast';
import { globalArgDefaults, variableNames } from '../../model/dockerfile-stages';
import { defineRule } from '../define';

/**
 * `ENV A=1 B=$A`: every variable in one ENV instruction expands to its value from before the
 * instruction, so B does not get A's new value (it gets the old one, or nothing). Reported when the
 * name was not defined before the ENV (by ENV or ARG in the stage, or a global ARG), where the
 * result is surely not what was meant.
 */
export const envSelfReference = defineRule({
  id: 'env-self-reference',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL3044'],
  references: [{ title: 'Dockerfile reference: ENV', url: 'https://docs.docker.com/reference/dockerfile/#env' }],
  docs: {
    summary: 'An ENV that uses a variable it defines itself (ENV A=1 B=$A).',
    risk: 'Within one ENV, variables expand to their values from before the instruction: B gets an empty (or old) value, not the A set next to it.',
    fix: 'Split it into two ENV instructions (ENV A=1, then ENV B=$A).',
  },
  messages: {
    message: '${name} is set in this same ENV, so here it still has its earlier (empty) value; use a separate ENV.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const known = new Set<string>(globalArgDefaults(model).keys());
      for (const ins of stage.instructions) {
        const k = ins.getKeyword();
        if (k === 'ARG') {
          const n = (ins as Arg).getProperty?.()?.getName();
          if (n) known.add(n);
          continue;
        }
        if (k !== 'ENV') continue;
        const props = (ins as Env).getProperties?.() ?? [];
        const here = new Set<string>();
        for (const p of props) {
          const vr = p.getValueRange();
          const value = vr ? model.text.slice(model.lines.offsetAt(vr.start), model.lines.offsetAt(vr.end)) : '';
          if (value.includes('$')) {
            for (const name of new Set(variableNames(value))) {
              if (!here.has(name) || known.has(name)) continue;
              ctx.report({ range: model.range(vr!), message: m('message', { name }) });
            }
          }
          here.add(p.getName());
        }
        for (const n of here) known.add(n);
      }
    }
  },
});
