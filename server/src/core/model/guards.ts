import { isMap, isSeq, YMap, YPair, YScalar, YSeq, type YNode } from './ynode';

/**
 * Defences for the YAML model against hostile or pathological input:
 * - `tooDeep`: the `yaml` parser recurses per nesting level; thousands of levels exhaust the stack
 *   (and in V8 a regular expression compiled at that depth can abort the whole process), so a
 *   document nesting deeper than MAX_DEPTH is not handed to the parser at all;
 * - `parseJsonFast`: `yaml` needs seconds for megabytes of flow-style JSON (a 5 MB one-line
 *   manifest: ~2.5 s), while a JSON scanner building the same node tree needs a fraction of that.
 */
export const MAX_DEPTH = 256;

/**
 * The offset where nesting first exceeds `limit`, or -1. An estimate that errs on the deep side:
 * block levels (a stack of increasing indentations, plus `- ` indicators on a line) plus flow
 * levels (`[` / `{` outside quoted scalars and comments). Real manifests stay far below the limit.
 */
export function tooDeep(text: string, limit = MAX_DEPTH): number {
  return depthBound(text) <= limit ? -1 : tooDeepScan(text, limit);
}

/** tooDeep without the quick bound: the scan itself (exported for the test of the bound). */
export function tooDeepScan(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = true;
  let col = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      col = 0;
      dashes = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 13 || c === 9) {
        col++;
        continue;
      }
      if (c === 35 /* # */) {
        i = skipLine(text, i);
        continue;
      }
      lineStart = false;
      if (flow === 0) {
        while (indents.length && indents[indents.length - 1] >= col) indents.pop();
        indents.push(col);
      }
    }
    if (c === 45 /* - */ && flow === 0 && isBlankOrEnd(text.charCodeAt(i + 1)) && onlyDashesBefore(text, i)) {
      dashes++;
    } else if (c === 91 || c === 123) {
      flow++;
    } else if (c === 93 || c === 125) {
      if (flow > 0) flow--;
    } else if ((c === 34 || c === 39) && quoteStarts(text, i)) {
      i = skipQuoted(text, i, c);
      continue;
    } else if (c === 35 && (i === 0 || isBlankOrEnd(text.charCodeAt(i - 1)))) {
      i = skipLine(text, i);
      continue;
    }
    if (indents.length + dashes + flow > limit) return i;
  }
  return -1;
}

/**
 * An upper bound of what tooDeep counts, read from the start of each line and the number of
 * brackets only. On a line indented by `col` with `d` counted `- ` indicators, the indentation stack
 * holds at most col + 1 levels (increasing columns), and the line's leading run of blanks and
 * dashes is at least col + 2d - 1 long, so levels + d ≤ run + 1; each flow level needs a `[` or `{`.
 * Real files are far below the limit, so the exact scan runs only for suspicious ones.
 */
export function depthBound(text: string): number {
  let flow = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) flow++;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) flow++;
  let lead = 0;
  for (let start = 0; start < text.length; ) {
    // Leading run of blanks and dashes: its length bounds the line's indentation plus its dashes.
    let i = start;
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 13 || c === 45; c = text.charCodeAt(++i));
    if (i - start > lead) lead = i - start;
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    start = nl + 1;
  }
  return lead + 1 + flow;
}

function isBlankOrEnd(c: number): boolean {
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13;
}

function onlyDashesBefore(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (c !== 32 && c !== 45 && c !== 9) return false;
  }
  return true;
}

/** A quote opens a quoted scalar when it follows a line start, `: `, `- `, `[`, `{` or `,`. */
function quoteStarts(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9) continue;
    return c === 10 || c === 58 || c === 45 || c === 91 || c === 123 || c === 44 || c === 63;
  }
  return true;
}

function skipQuoted(text: string, i: number, q: number): number {
  const j = closingQuote(text, i, text.length);
  return j < 0 ? text.length : j;
}

/**
 * The offset of the quote that closes the YAML quoted scalar opening at `open` (`"` with backslash
 * escapes, `'` with `''`), searching before `end`; -1 when there is none.
 */
export function closingQuote(text: string, open: number, end: number): number {
  const q = text.charCodeAt(open);
  for (let j = open + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (q === 34 && c === 92) j++;
    else if (c === q) {
      if (q === 39 && text.charCodeAt(j + 1) === 39) j++;
      else return j;
    }
  }
  return -1;
}

function skipLine(text: string, i: number): number {
  const e = text.indexOf('\n', i);
  return (e < 0 ? text.length : e) - 1;
}

/** Build the owned node tree of a JSON text directly; undefined when the text is not plain JSON. */
export function parseJsonFast(text: string): { contents: YNode } | undefined {
  return build(text);
}

function build(text: string): { contents: YNode } | undefined {
  // Sticky: positioned with lastIndex, so one per call (never a shared module-level pattern).
  const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  type Frame = { node: YMap | YSeq; key?: YScalar; start: number };
  const stack: Frame[] = [];
  let root: YNode | undefined;
  const attach = (node: YNode): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (root) return false;
      root = node;
      return true;
    }
    if (isSeq(top.node)) top.node.items.push(node);
    else {
      if (!top.key) return false;
      top.node.items.push(new YPair(top.key, node));
      top.key = undefined;
    }
    return true;
  };
  const scalar = (value: unknown, start: number, end: number, quoted: boolean, source: string): YScalar =>
    new YScalar(value, source, quoted ? 'QUOTE_DOUBLE' : 'PLAIN', [start, end, end]);
  const readString = (): YScalar | undefined => {
    const start = i;
    let j = i + 1;
    let escaped = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) {
        escaped = true;
        j += 2;
        continue;
      }
      if (c === 34) break;
      if (c === 10) return undefined;
      j++;
    }
    if (j >= n) return undefined;
    let value: string;
    try {
      value = escaped ? (JSON.parse(text.slice(start, j + 1)) as string) : text.slice(start + 1, j);
    } catch {
      return undefined;
    }
    i = j + 1;
    return scalar(value, start, i, true, value);
  };
  /** `"key":` after optional whitespace (the offset ends after the colon). */
  const readKey = (): YScalar | undefined => {
    ws();
    if (text.charCodeAt(i) !== 34) return undefined;
    const k = readString();
    if (!k) return undefined;
    ws();
    if (text.charCodeAt(i) !== 58) return undefined;
    i++;
    return k;
  };
  // expect: what may come next
  let expectValue = true;
  for (;;) {
    ws();
    if (i >= n) break;
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    const inMap = !!top && isMap(top.node);
    if (inMap && !top.key && !expectValue) {
      // after a value in a map: `,` or `}`
      if (c === 44) {
        i++;
        const k = readKey();
        if (!k) return undefined;
        top.key = k;
        expectValue = true;
        continue;
      }
      if (c === 125) {
        i++;
        close();
        continue;
      }
      return undefined;
    }
    if (!inMap && top && !expectValue) {
      if (c === 44) {
        i++;
        expectValue = true;
        continue;
      }
      if (c === 93) {
        i++;
        close();
        continue;
      }
      return undefined;
    }
    if (!expectValue) return undefined;
    if (c === 123) {
      const m = new YMap([i, i, i], true);
      if (!attach(m)) return undefined;
      stack.push({ node: m, start: i });
      i++;
      ws();
      if (text.charCodeAt(i) === 125) {
        i++;
        close();
        continue;
      }
      const k = readKey();
      if (!k) return undefined;
      stack[stack.length - 1].key = k;
      expectValue = true;
      continue;
    }
    if (c === 91) {
      const s = new YSeq([i, i, i], true);
      if (!attach(s)) return undefined;
      stack.push({ node: s, start: i });
      i++;
      ws();
      if (text.charCodeAt(i) === 93) {
        i++;
        close();
        continue;
      }
      expectValue = true;
      continue;
    }
    let node: YScalar | undefined;
    if (c === 34) node = readString();
    else {
      LITERAL.lastIndex = i;
      const word = LITERAL.exec(text);
      if (!word) return undefined;
      const w = word[0];
      const value = w === 'true' ? true : w === 'false' ? false : w === 'null' ? null : Number(w);
      node = scalar(value, i, i + w.length, false, w);
      i += w.length;
    }
    if (!node || !attach(node)) return undefined;
    expectValue = false;
    if (!stack.length) {
      ws();
      if (i < n) return undefined;
    }
  }
  if (stack.length || !root) return undefined;
  return { contents: root };

  function close(): void {
    const f = stack.pop()!;
    f.node.range = [f.start, i, i];
    expectValue = false;
  }
}


/** Worth the fast path: a large text that starts like a JSON object or array. */
export function looksLikeLargeJson(text: string, minLength = 64 * 1024): boolean {
  if (text.length < minLength) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    return c === 123 || c === 91;
  }
  return false;
}
