/**
 * Source-mapped text: a value as the build sees it (quotes removed, escapes and variables resolved),
 * with, for every character, the source span it came from. Rules find a token in the value and report
 * the exact source range of that token, whatever quoting or escaping was used to write it.
 *
 * Parts that cannot be known statically (an unresolved `$VAR`, `$(…)`, a Helm `{{ }}` or GitHub
 * `${{ }}` expression) are one UNKNOWN character each, spanning the whole expression; rules treat a
 * token that contains UNKNOWN as "cannot be judged" and never flag it.
 *
 * Pure: no fs, no vscode/LSP.
 */
import { MASK } from '../model/helm';
import type { LineIndex } from '../text';
import type { Range } from '../types';

/** Marks a character that stands for text nobody can know without running the build. */
export const UNKNOWN = MASK;

export interface SourceText {
  /** The value as the build sees it. */
  text: string;
  /** Source offset where character i starts (length = text.length). */
  starts: number[];
  /** Source offset where character i ends. */
  ends: number[];
  /** Source offsets of the value as a whole (inner text: without surrounding quotes). */
  start: number;
  end: number;
}

export function isStatic(t: SourceText | string): boolean {
  return !(typeof t === 'string' ? t : t.text).includes(UNKNOWN);
}

/** The text read straight from `source[start, end)`, one source character per character. */
export function identityText(source: string, start: number, end: number): SourceText {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = start; i < end; i++) {
    starts.push(i);
    ends.push(i + 1);
  }
  return { text: source.slice(start, end), starts, ends, start, end };
}

/** `text` where every character maps to the whole span [start, end) (when no exact mapping exists). */
export function coarseText(text: string, start: number, end: number): SourceText {
  return { text, starts: new Array<number>(text.length).fill(start), ends: new Array<number>(text.length).fill(end), start, end };
}

/** Characters [a, b) of a text, keeping their source spans. */
export function sliceText(t: SourceText, a: number, b = t.text.length): SourceText {
  const lo = Math.max(0, Math.min(a, t.text.length));
  const hi = Math.max(lo, Math.min(b, t.text.length));
  const start = lo < t.text.length ? t.starts[lo] : t.end;
  const end = hi > lo ? t.ends[hi - 1] : start;
  return { text: t.text.slice(lo, hi), starts: t.starts.slice(lo, hi), ends: t.ends.slice(lo, hi), start, end };
}

/** Source offsets of characters [a, b) (zero-width at the position of `a` when empty). */
export function offsetsOf(t: SourceText, a: number, b: number): [number, number] {
  if (b <= a) {
    const o = a < t.text.length ? t.starts[a] : t.end;
    return [o, o];
  }
  let s = t.starts[a];
  let e = t.ends[b - 1];
  if (e < s) [s, e] = [e, s];
  return [s, e];
}

export function rangeIn(t: SourceText, a: number, b: number, lines: LineIndex): Range {
  const [s, e] = offsetsOf(t, a, b);
  return lines.rangeOf(s, e);
}

/** The whole value's range. */
export function wholeRange(t: SourceText, lines: LineIndex): Range {
  return lines.rangeOf(t.start, t.end);
}

/**
 * Re-express `inner` (whose offsets point into `outer.text`) in `outer`'s source: used for a shell
 * script embedded in a YAML block scalar (a workflow `run:`).
 */
export function remap(inner: SourceText, outer: SourceText): SourceText {
  const at = (o: number, end: boolean): number => {
    if (outer.text.length === 0) return outer.start;
    if (end) return o <= 0 ? outer.start : o - 1 < outer.text.length ? outer.ends[o - 1] : outer.end;
    return o < outer.text.length ? outer.starts[o] : outer.end;
  };
  return {
    text: inner.text,
    starts: inner.starts.map((o) => at(o, false)),
    ends: inner.ends.map((o) => at(o, true)),
    start: at(inner.start, false),
    end: inner.end > inner.start ? at(inner.end, true) : at(inner.start, false),
  };
}

/** A builder that appends characters with their source spans. */
export class TextBuilder {
  private chars: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  push(ch: string, start: number, end: number): void {
    this.chars.push(ch);
    this.starts.push(start);
    this.ends.push(end);
  }

  pushText(t: SourceText): void {
    for (let i = 0; i < t.text.length; i++) this.push(t.text[i], t.starts[i], t.ends[i]);
  }

  /** Every character of `text` spans [start, end) (a resolved variable). */
  pushSpan(text: string, start: number, end: number): void {
    for (const ch of text) for (let k = 0; k < ch.length; k++) this.push(ch[k], start, end);
  }

  get length(): number {
    return this.chars.length;
  }

  build(start: number, end: number): SourceText {
    return { text: this.chars.join(''), starts: this.starts, ends: this.ends, start, end };
  }
}

export interface TextWord {
  token: string;
  /** Character offsets into the value. */
  start: number;
  end: number;
}

/** Split like an unquoted shell expansion with the default IFS (space, tab, newline). */
export function valueWords(t: SourceText | string): TextWord[] {
  const s = typeof t === 'string' ? t : t.text;
  const out: TextWord[] = [];
  const re = /[^ \t\n]+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ token: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Compose-file interpolation: `$$` is a literal `$`; `${…}` and `$NAME` come from the environment or
 * `.env` (unknown here).
 */
export function composeInterpolate(t: SourceText): SourceText {
  if (!t.text.includes('$')) return t;
  const b = new TextBuilder();
  const s = t.text;
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$') {
      b.push(s[i], t.starts[i], t.ends[i]);
      continue;
    }
    if (s[i + 1] === '$') {
      b.push('$', t.starts[i], t.ends[i + 1]);
      i++;
      continue;
    }
    if (s[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}' && --depth === 0) break;
      }
      const last = Math.min(j, s.length - 1);
      b.push(UNKNOWN, t.starts[i], t.ends[last]);
      i = last;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
    if (m) {
      b.push(UNKNOWN, t.starts[i], t.ends[i + m[0].length]);
      i += m[0].length;
      continue;
    }
    b.push('$', t.starts[i], t.ends[i]);
  }
  return b.build(t.start, t.end);
}

/** GitHub Actions `${{ … }}` expressions (when the engine did not already mask them). */
export function actionsInterpolate(t: SourceText): SourceText {
  if (!t.text.includes('${{')) return t;
  const b = new TextBuilder();
  const s = t.text;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('${{', i)) {
      const close = s.indexOf('}}', i + 3);
      const last = close < 0 ? s.length - 1 : close + 1;
      b.push(UNKNOWN, t.starts[i], t.ends[last]);
      i = last;
      continue;
    }
    b.push(s[i], t.starts[i], t.ends[i]);
  }
  return b.build(t.start, t.end);
}

/** Collapse runs of UNKNOWN (a masked `${{ x }}` is many MASK characters) into one per run, keeping `$` before `{{`. */
export function collapseUnknown(t: SourceText): SourceText {
  if (!t.text.includes(UNKNOWN)) return t;
  const b = new TextBuilder();
  const s = t.text;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === UNKNOWN) {
      let j = i;
      while (j + 1 < s.length && s[j + 1] === UNKNOWN) j++;
      b.push(UNKNOWN, t.starts[i], t.ends[j]);
      i = j;
      continue;
    }
    // `$` directly before a masked `{{ }}` belongs to the expression.
    if (s[i] === '$' && s[i + 1] === UNKNOWN) {
      let j = i + 1;
      while (j + 1 < s.length && s[j + 1] === UNKNOWN) j++;
      b.push(UNKNOWN, t.starts[i], t.ends[j]);
      i = j;
      continue;
    }
    b.push(s[i], t.starts[i], t.ends[i]);
  }
  return b.build(t.start, t.end);
}
