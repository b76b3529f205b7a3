import { globalArgDefaults } from '../../model/dockerfile-stages';
import { nearest } from '../../util/strings';
import { defineRule } from '../define';

/** The platform ARGs BuildKit defines in the global scope. */
const PREDEFINED: ReadonlySet<string> = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE']);

/**
 * A variable in FROM (image or --platform) that no ARG before the first FROM declares and BuildKit
 * does not predefine: it expands to the empty string (usually a typo or an ARG declared inside a
 * stage, which FROM cannot see). `${X:-default}` / `${X-default}` are not reported (the default is
 * the intent). Quick fix: the nearest declared global ARG name, when one is close.
 */
export const undefinedArgInFrom = defineRule({
  id: 'undefined-arg-in-from',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['buildkit:UndefinedArgInFrom'],
  references: [{ title: 'Dockerfile reference: how ARG and FROM interact', url: 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact' }],
  docs: {
    summary: 'FROM uses a variable that no ARG before the first FROM declares.',
    risk: 'The variable expands to nothing: the build pulls a different image than meant, or fails with an invalid reference. ARGs declared inside a stage are not visible to FROM.',
    fix: 'Declare the ARG before the first FROM (ARG VERSION=1.2), or correct the name (the quick fix offers the nearest declared one).',
  },
  messages: {
    message: 'FROM uses ${name}, which no ARG before the first FROM declares.',
    suggest: 'FROM uses ${name}, which no ARG before the first FROM declares; did you mean {suggestion}?',
    fixTitle: 'Use {suggestion}',
  },
  check(ctx, m) {
    const { model } = ctx;
    const declared = globalArgDefaults(model);
    const names = [...declared.keys()];
    for (const stage of model.stages) {
      const from = stage.from;
      const text = from.getTextContent();
      if (!text.includes('$')) continue;
      const r = from.getRange();
      const start = model.lines.offsetAt(r.start);
      const end = model.lines.offsetAt(r.end);
      const src = model.text.slice(start, end);
      const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+=?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
      for (let mm = re.exec(src); mm; mm = re.exec(src)) {
        if (mm.index > 0 && src[mm.index - 1] === model.escapeChar) continue;
        const name = mm[1] ?? mm[3];
        if (mm[2] && /^:?-/.test(mm[2])) continue;
        if (declared.has(name) || PREDEFINED.has(name)) continue;
        const nameStart = start + mm.index + (mm[1] ? 2 : 1);
        const range = model.lines.rangeOf(nameStart, nameStart + name.length);
        const suggestion = nearest(name, names, 2);
        ctx.report({
          range,
          message: suggestion ? m('suggest', { name, suggestion }) : m('message', { name }),
          fixes: suggestion ? [{ title: m('fixTitle', { suggestion }), edits: [{ range, newText: suggestion }] }] : undefined,
        });
      }
    }
  },
});
