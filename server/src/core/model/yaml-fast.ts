import { Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { isScalar, isSeq } from './yaml-api';
import { closingQuote } from './guards';
import { newDocument, newMap, newPair, newScalar, newSeq } from './yaml-nodes';

/**
 * A fast path for the block YAML that Kubernetes manifests are made of: block mappings and
 * sequences, plain and quoted one-line scalars, literal and folded block scalars, one-line flow
 * collections, comments. It builds the very node tree `yaml`'s parseDocument builds (same classes,
 * values, scalar types and node ranges) several times faster, and gives up — returns undefined, so
 * the caller parses with `yaml` — on anything it does not handle exactly: anchors, aliases, tags,
 * directives, multi-line plain or quoted scalars, complex keys, tabs, CR line ends, comments whose
 * place `yaml` would fold into a node's range, and every syntax error. A differential test checks
 * node for node against `yaml` on every fixture, generated manifests and random block YAML.
 *
 * What the fast tree does not carry: comments (`comment`, `commentBefore`, `spaceBefore`) and CST
 * tokens, which only stringifying a document needs; the model never stringifies a parsed document
 * (fixes are minimal text edits at node ranges), and collections' `range[2]` equals `range[1]`.
 */
export function parseYamlFast(text: string): Document.Parsed | undefined {
  if (!yamlFastPath.enabled || UNSAFE.test(text)) return undefined;
  try {
    const doc = new FastParser(text).document();
    FAST_DOCS.add(doc);
    return doc;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

const FAST_DOCS = new WeakSet<object>();

/**
 * The plain value of a document this path built, as `doc.toJS()` would give it (a fast tree has no
 * aliases, merge keys or collection keys, which is what makes toJS's bookkeeping unnecessary);
 * undefined for any other document.
 */
export function fastPlainValue(doc: Document.Parsed): { value: unknown } | undefined {
  return FAST_DOCS.has(doc) ? { value: plain(doc.contents) } : undefined;
}

function plain(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  const items = (node as { items: unknown[] }).items;
  if (isSeq(node)) {
    const out = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = plain(items[i]);
    return out;
  }
  const obj: Record<string, unknown> = {};
  for (const it of items as Pair[]) {
    const k = (it.key as Scalar).value;
    const key = k === null ? '' : String(k);
    const v = plain(it.value);
    // As yaml's addPairToJSMap (which defines keys already `in` the object): assignment gives the same
    // own, writable, enumerable property for duplicates and inherited data properties (toString);
    // only the inherited accessor __proto__ needs defining.
    if (key === '__proto__') Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
    else obj[key] = v;
  }
  return obj;
}

/** A switch for tests that compare whole analyses with and without the fast path. */
export const yamlFastPath = { enabled: true };

/** CR (line ends `yaml` counts its own way), BOM, C0/C1 controls other than tab and LF, LS/PS. */
const UNSAFE = /[\0-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;

/**
 * Deeper documents go to `yaml` behind the model's depth guard (MAX_DEPTH, which runs only when this
 * path gives up): a document taken here nests far below that guard's limit.
 */
const MAX_FAST_DEPTH = 100;

const BAIL = { bail: true };
function bail(): never {
  throw BAIL;
}

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

/** Plain scalars that a core-schema tag other than `str` may resolve start with one of these. */
function mayResolve(c: number): boolean {
  // 0-9 + - . ~ n N t T f F
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
}

interface Tag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (value: string, onError: (msg: string) => void, options: unknown) => unknown;
}
let schemaTags: { tags: Tag[]; options: unknown } | undefined;
function tags(): { tags: Tag[]; options: unknown } {
  if (!schemaTags) {
    const d = new Document(null, { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' });
    const all = (d.schema as unknown as { tags: Tag[] }).tags;
    schemaTags = { tags: all.filter((t) => t.default === true && t.test), options: d.options };
  }
  return schemaTags;
}

/** `yaml`'s plain-scalar resolution (findScalarTagByTest + resolve), for the core schema. */
function plainScalar(src: string): Scalar {
  if (src.length === 0 || mayResolve(src.charCodeAt(0))) {
    const t = tags();
    for (const tag of t.tags) {
      if (!tag.test!.test(src)) continue;
      const res = tag.resolve(src, bail, t.options);
      const s = isScalar(res) ? (res as Scalar) : newScalar(res);
      if (tag.format) s.format = tag.format;
      s.source = src;
      s.type = 'PLAIN';
      return s;
    }
  }
  const s = newScalar(src);
  s.source = src;
  s.type = 'PLAIN';
  return s;
}

function stringScalar(value: string, type: Scalar.Type): Scalar {
  const s = newScalar(value);
  s.source = value;
  s.type = type;
  return s;
}

/** Characters that cannot start a plain scalar (or start one only in forms this path leaves to `yaml`). */
function isIndicator(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return (
    c === 45 || c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96
  );
}

class FastParser {
  private readonly n: number;
  /** Per line: start offset, end offset (the LF or the text's end), indentation, kind, has a tab. */
  private readonly ls: Int32Array;
  private readonly le: Int32Array;
  private readonly ind: Int32Array;
  private readonly kind: Uint8Array;
  private readonly tab: Uint8Array;
  /** The line where parsing continues after the node just parsed. */
  private next = 0;
  /** The node parsed last is an empty scalar (`key:` with nothing after it). */
  private emptyLast = false;
  /** Collections open around the current position. */
  private depth = 0;

  constructor(private readonly text: string) {
    const len = text.length;
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    this.ls = new Int32Array(count);
    this.le = new Int32Array(count);
    this.ind = new Int32Array(count);
    this.kind = new Uint8Array(count);
    this.tab = new Uint8Array(count);
    let tabAt = text.indexOf('\t');
    let k = 0;
    for (let i = 0; k < count; k++) {
      let e = text.indexOf('\n', i);
      if (e < 0) e = len;
      let j = i;
      while (j < e && text.charCodeAt(j) === 32) j++;
      this.ls[k] = i;
      this.le[k] = e;
      this.ind[k] = j - i;
      this.kind[k] = j === e ? BLANK : text.charCodeAt(j) === 35 ? COMMENT : CONTENT;
      while (tabAt >= 0 && tabAt < i) tabAt = text.indexOf('\t', i);
      this.tab[k] = tabAt >= 0 && tabAt < e ? 1 : 0;
      i = e + 1;
    }
    this.n = count;
  }

  document(): Document.Parsed {
    const t = this.text;
    let li = 0;
    let marker = false;
    if (t.startsWith('---') && (t.length === 3 || t.charCodeAt(3) === 32 || t.charCodeAt(3) === 10)) {
      marker = true;
      if (this.tab[0]) bail();
      const rest = this.skipSpaces(3, this.le[0]);
      if (rest < this.le[0] && t.charCodeAt(rest) !== 35) bail();
      li = 1;
    }
    // Leading comments belong to the document, wherever they are indented.
    while (li < this.n && this.kind[li] !== CONTENT) li++;
    if (li >= this.n) bail(); // empty document: cheap for `yaml` too
    const root = this.blockNode(li, -1);
    const end = this.nextContent(this.next);
    if (end < this.n) bail();
    // An empty value at the very end: `yaml` ends the document before its line break.
    if (this.emptyLast) bail();
    return newDocument(root, [marker ? 0 : this.ls[li], root.range![2], t.length], marker);
  }

  // ---- lines

  private skipSpaces(i: number, end: number): number {
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  /** Offset after line `li` (after its LF, or the text's end). */
  private afterLine(li: number): number {
    return this.le[li] < this.text.length ? this.le[li] + 1 : this.text.length;
  }

  /**
   * The first content line at or after `li` (or n). Comment lines on the way must be indented like
   * that line (or at column 0 before the end): elsewhere `yaml` folds them into a node's range.
   */
  private nextContent(li: number): number {
    let j = li;
    while (j < this.n && this.kind[j] !== CONTENT) j++;
    const target = j < this.n ? this.ind[j] : 0;
    for (let k = li; k < j; k++) if (this.kind[k] === COMMENT && this.ind[k] !== target) bail();
    return j;
  }

  /** The first non-blank line (content or comment) at or after `li`, or n. */
  private nextNonBlank(li: number): number {
    let j = li;
    while (j < this.n && this.kind[j] === BLANK) j++;
    return j;
  }

  private isSeqLine(li: number): boolean {
    if (this.kind[li] !== CONTENT) return false;
    const p = this.ls[li] + this.ind[li];
    if (this.text.charCodeAt(p) !== 45) return false;
    const c = this.text.charCodeAt(p + 1);
    return p + 1 >= this.le[li] || c === 32;
  }

  /** A block collection starting on content line `li` (its indentation > parentIndent). */
  private blockNode(li: number, parentIndent: number): Node {
    if (this.tab[li]) bail();
    const indent = this.ind[li];
    if (indent <= parentIndent) bail();
    if (this.isSeqLine(li)) return this.seq(li, indent);
    const p = this.ls[li] + indent;
    if (indent === 0 && (this.text.startsWith('...', p) || this.text.startsWith('---', p))) bail();
    if (this.keyEnd(li, p) < 0) bail(); // a scalar on its own line
    return this.map(li, p, indent);
  }

  // ---- block collections

  private map(li: number, keyPos: number, indent: number): YAMLMap {
    if (++this.depth > MAX_FAST_DEPTH) bail();
    const map = newMap();
    const t = this.text;
    let last: Node | null = null;
    for (;;) {
      if (this.tab[li]) bail();
      const colon = this.keyEnd(li, keyPos);
      if (colon < 0) bail();
      const key = this.keyScalar(keyPos, colon);
      const le = this.le[li];
      const pos = this.skipSpaces(colon + 1, le);
      let value: Node;
      if (pos >= le || t.charCodeAt(pos) === 35) {
        const j = this.nextContent(li + 1);
        if (j < this.n && (this.ind[j] > indent || (this.ind[j] === indent && this.isSeqLine(j)))) {
          if (this.tab[j]) bail();
          value = this.ind[j] === indent ? this.seq(j, indent) : this.blockNode(j, indent);
        } else {
          const s = plainScalar('');
          s.range = [pos, pos, pos < le ? this.afterLine(li) : pos];
          value = s;
          this.emptyLast = true;
          this.next = li + 1;
        }
      } else {
        value = this.inlineValue(li, pos, indent);
      }
      map.items.push(newPair(key, value));
      last = value;
      const j = this.nextContent(this.next);
      if (j >= this.n || this.ind[j] < indent) break;
      if (this.ind[j] > indent || this.isSeqLine(j)) bail();
      li = j;
      keyPos = this.ls[j] + indent;
    }
    const first = map.items[0].key as Node;
    const end = last!.range![2];
    map.range = [first.range![0], end, end];
    this.depth--;
    return map;
  }

  private seq(li: number, indent: number): YAMLSeq {
    if (++this.depth > MAX_FAST_DEPTH) bail();
    const seq = newSeq();
    const t = this.text;
    let last: Node | null = null;
    const start = this.ls[li] + indent;
    for (;;) {
      if (this.tab[li]) bail();
      const dash = this.ls[li] + indent;
      const le = this.le[li];
      const pos = this.skipSpaces(dash + 1, le);
      let item: Node;
      if (pos >= le) {
        const j = this.nextContent(li + 1);
        if (j < this.n && this.ind[j] > indent) {
          item = this.blockNode(j, indent);
        } else {
          const s = plainScalar('');
          s.range = [pos, pos, pos];
          item = s;
          this.emptyLast = true;
          this.next = li + 1;
        }
      } else {
        const c = t.charCodeAt(pos);
        if (c === 35) bail(); // `- # comment`
        if (c === 45 && (pos + 1 >= le || t.charCodeAt(pos + 1) === 32)) bail(); // `- - x`
        if (this.keyEnd(li, pos) >= 0) item = this.map(li, pos, pos - this.ls[li]);
        else item = this.inlineValue(li, pos, indent);
      }
      seq.items.push(item);
      last = item;
      const j = this.nextContent(this.next);
      if (j >= this.n || this.ind[j] < indent) break;
      if (this.ind[j] > indent) bail();
      if (!this.isSeqLine(j)) break;
      li = j;
    }
    const end = last!.range![2];
    seq.range = [start, end, end];
    this.depth--;
    return seq;
  }

  // ---- keys

  /**
   * Where the implicit key starting at `p` on line `li` ends: the offset of its `:` (followed by a
   * space or the line's end), or -1 when the line holds no such key here.
   */
  private keyEnd(li: number, p: number): number {
    const t = this.text;
    const le = this.le[li];
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const q = this.quotedEnd(p, le);
      if (q < 0) return -1;
      if (t.charCodeAt(q) !== 58) return -1;
      return q + 1 >= le || t.charCodeAt(q + 1) === 32 ? q : -1;
    }
    if (isIndicator(c)) return -1;
    for (let i = p + 1; i < le; i++) {
      const d = t.charCodeAt(i);
      if (d === 58) {
        if (i + 1 >= le || t.charCodeAt(i + 1) === 32) {
          if (t.charCodeAt(i - 1) === 32 || i - p > 1000) bail();
          return i;
        }
      } else if (d === 35 && t.charCodeAt(i - 1) === 32) return -1;
    }
    return -1;
  }

  private keyScalar(p: number, colon: number): Scalar {
    const c = this.text.charCodeAt(p);
    const s = c === 34 || c === 39 ? this.quoted(p, colon) : plainScalar(this.text.slice(p, colon));
    s.range = [p, colon, colon];
    return s;
  }

  // ---- scalars and flow collections on one line

  /** A value that starts at `pos` on line `li`; sets `next`. `indent`: the enclosing collection's. */
  private inlineValue(li: number, pos: number, indent: number): Node {
    const t = this.text;
    const le = this.le[li];
    const c = t.charCodeAt(pos);
    if (c === 124 || c === 62) return this.blockScalar(li, pos, indent);
    let node: Node;
    let end: number;
    if (c === 34 || c === 39) {
      end = this.quotedEnd(pos, le);
      if (end < 0) bail();
      node = this.quoted(pos, end);
    } else if (c === 91 || c === 123) {
      this.fi = pos;
      this.fe = le;
      node = this.flowCollection();
      end = this.fi;
    } else {
      if (!this.plainStart(pos, le)) bail();
      // A plain scalar: up to ` #` or the line's end; `: ` inside would be a nested mapping.
      end = le;
      for (let i = pos + 1; i < le; i++) {
        const d = t.charCodeAt(i);
        if (d === 35 && t.charCodeAt(i - 1) === 32) {
          end = i;
          break;
        }
        if (d === 58 && (i + 1 >= le || t.charCodeAt(i + 1) === 32)) bail();
      }
      while (t.charCodeAt(end - 1) === 32) end--;
      node = plainScalar(t.slice(pos, end));
    }
    // Nothing but a comment may follow on the line, and the next line must not continue the value.
    const rest = this.skipSpaces(end, le);
    if (rest < le && (t.charCodeAt(rest) !== 35 || rest === end)) bail();
    const j = this.nextNonBlank(li + 1);
    if (j < this.n && this.ind[j] > indent) bail();
    node.range = [pos, end, this.afterLine(li)];
    this.next = li + 1;
    this.emptyLast = false;
    return node;
  }

  /** A plain scalar may start at `p`: no indicator, or a `-` followed by a character that is not a space or flow indicator (`-1`). */
  private plainStart(p: number, end: number): boolean {
    const c = this.text.charCodeAt(p);
    if (!isIndicator(c)) return true;
    if (c !== 45 || p + 1 >= end) return false;
    const d = this.text.charCodeAt(p + 1);
    return d !== 32 && d !== 44 && d !== 91 && d !== 93 && d !== 123 && d !== 125;
  }

  /** Offset after the closing quote of the one-line quoted scalar at `p`, or -1. */
  private quotedEnd(p: number, le: number): number {
    const close = closingQuote(this.text, p, le);
    return close < 0 ? -1 : close + 1;
  }

  /** The quoted scalar in text[p, end) (quotes included). */
  private quoted(p: number, end: number): Scalar {
    const t = this.text;
    const body = t.slice(p + 1, end - 1);
    if (t.charCodeAt(p) === 39) return stringScalar(body.includes("''") ? body.replace(/''/g, "'") : body, 'QUOTE_SINGLE');
    return stringScalar(body.includes('\\') ? unescape(body) : body, 'QUOTE_DOUBLE');
  }

  private fi = 0;
  private fe = 0;

  /** A one-line flow collection at `fi` (up to `fe`); leaves `fi` after its closing bracket. */
  private flowCollection(): YAMLMap | YAMLSeq {
    const t = this.text;
    const start = this.fi;
    if (++this.depth > MAX_FAST_DEPTH) bail();
    const isMap = t.charCodeAt(start) === 123;
    const close = isMap ? 125 : 93;
    const coll = isMap ? newMap() : newSeq();
    coll.flow = true;
    this.fi = this.skipSpaces(start + 1, this.fe);
    if (t.charCodeAt(this.fi) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowScalar(true);
          if (t.charCodeAt(this.fi) !== 58) bail();
          this.fi = this.skipSpaces(this.fi + 1, this.fe);
          (coll as YAMLMap).items.push(newPair(key, this.flowItem()));
        } else {
          (coll as YAMLSeq).items.push(this.flowItem());
        }
        const c = t.charCodeAt(this.fi);
        if (c === 44) {
          this.fi = this.skipSpaces(this.fi + 1, this.fe);
          if (t.charCodeAt(this.fi) === close) bail(); // trailing comma
          continue;
        }
        if (c === close) break;
        bail();
      }
    }
    this.fi++;
    coll.range = [start, this.fi, this.fi];
    this.depth--;
    return coll;
  }

  private flowItem(): Node {
    const c = this.text.charCodeAt(this.fi);
    if (c === 91 || c === 123) {
      const node = this.flowCollection();
      this.fi = this.skipSpaces(this.fi, this.fe);
      node.range![2] = this.fi;
      return node;
    }
    return this.flowScalar(false);
  }

  /** A quoted or plain scalar inside a flow collection; leaves `fi` at the next non-space. */
  private flowScalar(key: boolean): Scalar {
    const t = this.text;
    const p = this.fi;
    if (p >= this.fe) bail();
    const c = t.charCodeAt(p);
    let end: number;
    let s: Scalar;
    if (c === 34 || c === 39) {
      end = this.quotedEnd(p, this.fe);
      if (end < 0) bail();
      s = this.quoted(p, end);
    } else {
      if (!this.plainStart(p, this.fe)) bail();
      end = p;
      for (;;) {
        if (end >= this.fe) bail();
        const d = t.charCodeAt(end);
        if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125 || d === 35) break;
        if (d === 58) {
          if (!key) bail();
          break;
        }
        end++;
      }
      while (t.charCodeAt(end - 1) === 32) end--;
      if (end === p) bail();
      s = plainScalar(t.slice(p, end));
    }
    this.fi = this.skipSpaces(end, this.fe);
    s.range = [p, end, this.fi];
    if (this.fi > end && key) bail(); // `a : b`
    if (key && (t.charCodeAt(this.fi) !== 58 || t.charCodeAt(this.fi + 1) !== 32)) bail();
    return s;
  }

  // ---- block scalars

  private blockScalar(li: number, pos: number, indent: number): Scalar {
    const t = this.text;
    const le = this.le[li];
    const folded = t.charCodeAt(pos) === 62;
    let h = pos + 1;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    const ch = t.charCodeAt(h);
    if (ch === 45) (chomp = -1), h++;
    else if (ch === 43) (chomp = 1), h++;
    const rest = this.skipSpaces(h, le);
    if (rest < le && (t.charCodeAt(rest) !== 35 || rest === h)) bail();
    // Content: lines indented deeper than the collection, the first non-empty one sets the indent.
    let bi = -1;
    let lastContent = -1;
    let k = li + 1;
    const lines: number[] = [];
    for (; k < this.n; k++) {
      const ls = this.ls[k];
      if (this.le[k] === ls) {
        lines.push(k);
        continue;
      }
      const ind = this.ind[k];
      if (ls + ind === this.le[k]) bail(); // spaces only: which side of the indent they fall matters
      if (bi < 0) {
        if (ind <= indent) break;
        bi = ind;
      } else if (ind < bi) break;
      if (t.charCodeAt(ls + bi) === 9 || (folded && ind > bi)) bail(); // more-indented folded lines, tabs
      lines.push(k);
      lastContent = k;
    }
    let value = '';
    if (lastContent >= 0) {
      if (this.le[lastContent] >= t.length) bail(); // last line without its line break
      let blanks = 0;
      let first = true;
      for (const line of lines) {
        if (line > lastContent) break;
        if (this.le[line] === this.ls[line]) {
          if (!first) blanks++;
          else value += '\n';
          continue;
        }
        const s = t.slice(this.ls[line] + bi, this.le[line]);
        if (first) value += s;
        else if (folded) value += (blanks ? '\n'.repeat(blanks) : ' ') + s;
        else value += '\n'.repeat(blanks + 1) + s;
        blanks = 0;
        first = false;
      }
    } else if (lines.length) bail(); // only empty lines
    let endLine = lastContent >= 0 ? lastContent : li;
    if (chomp >= 0 && lastContent >= 0) value += '\n';
    if (chomp > 0) {
      for (const line of lines) {
        if (line <= lastContent) continue;
        if (line >= k) break;
        value += '\n';
        endLine = line;
      }
      if (endLine >= this.n - 1 && this.le[endLine] >= t.length) bail();
    }
    const s = stringScalar(value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL');
    const end = this.afterLine(endLine);
    s.range = [pos, end, end];
    this.next = endLine + 1;
    this.emptyLast = false;
    return s;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

/** Double-quoted escapes; anything beyond the common ones is left to `yaml`. */
function unescape(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = ESCAPES[body[++i]];
    if (e === undefined) bail();
    out += e;
  }
  return out;
}
