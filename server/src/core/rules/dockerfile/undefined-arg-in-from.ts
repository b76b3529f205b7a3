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
      for (const mm of argReferences(src)) {
        if (mm.index > 0 && src[mm.index - 1] === model.escapeChar) continue;
        const name = mm.name;
        if (mm.defaulted) continue;
        if (declared.has(name) || PREDEFINED.has(name)) continue;
        const nameStart = start + mm.index + (mm.braced ? 2 : 1);
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

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;

/**
 * The `$NAME` and `${NAME}` / `${NAME<op>word}` references of a FROM line, as
 * `/\$(?:\{(NAME)(:?[-+=?][^}]*)?\}|(NAME))/g` finds them, in one pass: the regex retried the
 * search for a closing `}` from every `${NAME:-` (a FROM of 100,000 unclosed `${A:-` took minutes).
 * `defaulted`: the reference has a `-` / `:-` default (it cannot be undefined).
 */
export function argReferences(src: string): { index: number; name: string; braced: boolean; defaulted: boolean }[] {
  const out: { index: number; name: string; braced: boolean; defaulted: boolean }[] = [];
  // The first `}` at or after `from`, found again only once the scan has passed the last one.
  let close = -2;
  const closeAfter = (from: number): number => {
    if (close === -1 || (close >= from && close !== -2)) return close;
    close = src.indexOf('}', from);
    return close;
  };
  const identEnd = (i: number): number => {
    if (i >= src.length || !IDENT_START.test(src[i])) return i;
    let j = i + 1;
    while (j < src.length && IDENT.test(src[j])) j++;
    return j;
  };
  let i = src.indexOf('$');
  while (i >= 0) {
    let next = i + 1;
    if (src[i + 1] === '{') {
      const end = identEnd(i + 2);
      if (end > i + 2) {
        const name = src.slice(i + 2, end);
        if (src[end] === '}') {
          out.push({ index: i, name, braced: true, defaulted: false });
          next = end + 1;
        } else {
          const op = src[end] === ':' ? end + 1 : end;
          if ('-+=?'.includes(src[op] ?? 'x') && src[op] !== undefined) {
            const c = closeAfter(op + 1);
            if (c >= 0) {
              out.push({ index: i, name, braced: true, defaulted: src[op] === '-' });
              next = c + 1;
            }
          }
        }
      }
    } else {
      const end = identEnd(i + 1);
      if (end > i + 1) {
        out.push({ index: i, name: src.slice(i + 1, end), braced: false, defaulted: false });
        next = end;
      }
    }
    i = src.indexOf('$', next);
  }
  return out;
}
