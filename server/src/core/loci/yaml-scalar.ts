/**
 * Exact source mapping of a YAML scalar's value: which source characters each value character came
 * from, for plain, single-quoted, double-quoted, literal (`|`) and folded (`>`) scalars. Every mapping
 * is checked against the parser's own value; when they differ (an exotic form), every character maps
 * to the whole scalar instead, which is never wrong, only coarser.
 */
import type { YNode } from '../model/ynode';
import { isScalar } from '../model/ynode';
import { coarseText, TextBuilder, type SourceText } from './value';

/** The scalar's value as a string the way docker compose sees it (booleans and numbers stringified). */
export function scalarText(node: YNode | null | undefined, source: string): SourceText | undefined {
  if (!node || !isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  const v = node.value;
  if (v === null || v === undefined) return { text: '', starts: [], ends: [], start, end: start };
  const src = source.slice(start, end);
  if (typeof v !== 'string') {
    // Numbers keep their source spelling; booleans become what compose passes ("true" / "false").
    if (typeof v === 'boolean') return coarseText(String(v), start, end);
    return mapped(src, start, src, () => plain(src, start));
  }
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return mapped(v, start, src, () => singleQuoted(src, start));
    case 'QUOTE_DOUBLE':
      return mapped(v, start, src, () => doubleQuoted(src, start));
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return mapped(v, start, src, () => block(src, start, node.type === 'BLOCK_FOLDED'));
    default:
      return mapped(v, start, src, () => plain(src, start));
  }
}

function mapped(value: string, start: number, src: string, map: () => SourceText | undefined): SourceText {
  let t: SourceText | undefined;
  try {
    t = map();
  } catch {
    t = undefined;
  }
  if (t && t.text === value) return t;
  return coarseText(value, start, start + src.length);
}

interface SrcLine {
  text: string;
  /** Offset of the line's first character. */
  start: number;
  /** Offset of its line break (= start + text.length). */
  brk: number;
  brkEnd: number;
}

function lines(src: string, base: number): SrcLine[] {
  const out: SrcLine[] = [];
  let s = 0;
  for (let i = 0; i <= src.length; i++) {
    if (i === src.length || src[i] === '\n' || src[i] === '\r') {
      let e = i + 1;
      if (src[i] === '\r' && src[i + 1] === '\n') e++;
      out.push({ text: src.slice(s, i), start: base + s, brk: base + i, brkEnd: base + Math.min(e, src.length) });
      if (i < src.length && e - 1 > i) i = e - 1;
      s = Math.min(e, src.length);
      if (i >= src.length) break;
    }
  }
  return out;
}

/** Plain scalar: lines trimmed, single breaks folded to a space, empty lines kept as breaks. */
function plain(src: string, base: number): SourceText {
  const ls = lines(src, base);
  const b = new TextBuilder();
  let pendingBreaks = 0;
  let pendingAt = base;
  let first = true;
  for (const l of ls) {
    const lead = l.text.length - l.text.trimStart().length;
    const content = l.text.trim();
    if (!content) {
      pendingBreaks++;
      continue;
    }
    if (!first) {
      if (pendingBreaks === 0) b.push(' ', pendingAt, pendingAt + 1);
      else for (let k = 0; k < pendingBreaks; k++) b.push('\n', pendingAt, pendingAt + 1);
    }
    for (let i = 0; i < content.length; i++) b.push(content[i], l.start + lead + i, l.start + lead + i + 1);
    first = false;
    pendingBreaks = 0;
    pendingAt = l.brk;
  }
  return b.build(base, base + src.length);
}

function singleQuoted(src: string, base: number): SourceText | undefined {
  if (src.includes('\n') || src.includes('\r')) return undefined;
  const b = new TextBuilder();
  for (let i = 1; i < src.length - 1; i++) {
    if (src[i] === "'" && src[i + 1] === "'") {
      b.push("'", base + i, base + i + 2);
      i++;
    } else b.push(src[i], base + i, base + i + 1);
  }
  return b.build(base + 1, base + src.length - 1);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

function doubleQuoted(src: string, base: number): SourceText | undefined {
  if (src.includes('\n') || src.includes('\r')) return undefined;
  const b = new TextBuilder();
  for (let i = 1; i < src.length - 1; i++) {
    const c = src[i];
    if (c !== '\\') {
      b.push(c, base + i, base + i + 1);
      continue;
    }
    const e = src[i + 1];
    if (e in SIMPLE_ESCAPES) {
      b.push(SIMPLE_ESCAPES[e], base + i, base + i + 2);
      i++;
      continue;
    }
    const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (!len) return undefined;
    const cp = parseInt(src.slice(i + 2, i + 2 + len), 16);
    if (Number.isNaN(cp)) return undefined;
    b.pushSpan(String.fromCodePoint(cp), base + i, base + i + 2 + len);
    i += 1 + len;
  }
  return b.build(base + 1, base + src.length - 1);
}

/** Literal and folded block scalars (indentation from the first non-empty line). */
function block(src: string, base: number, folded: boolean): SourceText | undefined {
  const ls = lines(src, base);
  const header = ls.shift();
  if (!header) return undefined;
  const chomp = /-/.test(header.text.split('#')[0]) ? 'strip' : /\+/.test(header.text.split('#')[0]) ? 'keep' : 'clip';
  while (ls.length && ls[ls.length - 1].text === '' && ls[ls.length - 1].brk === ls[ls.length - 1].brkEnd) ls.pop();
  const firstContent = ls.find((l) => l.text.trim() !== '');
  if (!firstContent) return { text: '', starts: [], ends: [], start: base, end: base };
  const indent = firstContent.text.length - firstContent.text.trimStart().length;
  const b = new TextBuilder();
  // Each line's content, then its break (the break character is recorded to be folded or kept).
  const rows = ls.map((l) => ({ l, empty: l.text.trim() === '' && l.text.length <= indent, more: /^[ \t]/.test(l.text.slice(indent)) }));
  let trailingBreaks: { at: number; end: number }[] = [];
  let prevContent: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (row.empty) {
      trailingBreaks.push({ at: row.l.brk, end: row.l.brkEnd });
      continue;
    }
    if (prevContent) {
      // The break after the previous content line, then one per empty line.
      const breaks = [{ at: prevContent.l.brk, end: prevContent.l.brkEnd }, ...trailingBreaks];
      if (folded && !row.more && !prevContent.more) {
        if (breaks.length === 1) b.push(' ', breaks[0].at, breaks[0].end);
        else for (const x of breaks.slice(1)) b.push('\n', x.at, x.end);
      } else for (const x of breaks) b.push('\n', x.at, x.end);
    } else for (const x of trailingBreaks) b.push('\n', x.at, x.end);
    trailingBreaks = [];
    const content = row.l.text.slice(indent);
    for (let i = 0; i < content.length; i++) b.push(content[i], row.l.start + indent + i, row.l.start + indent + i + 1);
    prevContent = row;
  }
  if (prevContent && chomp !== 'strip') {
    b.push('\n', prevContent.l.brk, prevContent.l.brkEnd);
    if (chomp === 'keep') for (const x of trailingBreaks) b.push('\n', x.at, x.end);
  }
  return b.build(firstContent.start + indent, base + src.length);
}
