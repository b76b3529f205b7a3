import { LineIndex } from '../text';
import { looksLikeLargeJson, MAX_DEPTH, parseJsonFast, tooDeep } from './guards';
import {
  AliasLimitError,
  detectReaderOfKeys,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  toValue,
  type ParsedYaml,
  type Reader,
  type YamlError,
  type YAlias,
  type YMap,
  type YNode,
  type YPair,
  type YScalar,
  type YSeq,
} from './ynode';
import { parseYaml } from './yparse';
import type { Range } from '../types';

/**
 * The YAML document model. A file is split into documents at `---` lines; each document is parsed
 * on its own and cached by its text, so an edit inside one document re-parses only that one.
 * Positions inside a `YamlDocModel` are relative to the document's first line ("chunk-relative");
 * the engine shifts them by `startLine` when it assembles the file's findings.
 */

export interface YamlChunk {
  index: number;
  /** First line of the chunk in the file. */
  startLine: number;
  startOffset: number;
  text: string;
}

export const MAX_ALIAS_COUNT = 100;

/** Split at document markers (`---` at column 0), keeping `%` directives with the document they precede. */
export function splitDocuments(text: string): YamlChunk[] {
  const starts: { offset: number; line: number }[] = [{ offset: 0, line: 0 }];
  scanDocumentStarts(text, 0, text.length, 0, starts);
  return chunksOf(text, starts, 0);
}

/**
 * The line scanner behind splitDocuments: appends the document starts found in `text[from, to)`
 * (`from` a line start, counted as line `line`) to `starts`. Returns the line number reached at `to`
 * and whether a `%` directive is still waiting for its marker there.
 */
function scanDocumentStarts(text: string, from: number, to: number, line: number, starts: { offset: number; line: number }[]): { line: number; pending: boolean } {
  let pendingDirective: { offset: number; line: number } | undefined;
  // Documents split at \n only (the yaml parser does not break lines at a lone \r), but lines are
  // counted the way LSP and LineIndex count them, where a lone \r ends a line too.
  let cr = text.indexOf('\r', from);
  for (let i = from; i < to; ) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = text.length;
    let crLines = 0;
    while (cr >= 0 && cr < eol) {
      if (text.charCodeAt(cr + 1) !== 10) crLines++;
      cr = text.indexOf('\r', cr + 1);
    }
    const c0 = text.charCodeAt(i);
    if (c0 === 37 /* % */) {
      pendingDirective ??= { offset: i, line };
    } else if (
      c0 === 45 &&
      text.charCodeAt(i + 1) === 45 &&
      text.charCodeAt(i + 2) === 45 &&
      (i + 3 >= text.length || isSpaceOrBreak(text.charCodeAt(i + 3)))
    ) {
      const s = pendingDirective ?? { offset: i, line };
      const prev = starts[starts.length - 1];
      if (s.offset > prev.offset) starts.push(s);
      else if (s.offset === prev.offset) {
        /* marker at the very start of the file, or right after a directive block */
      }
      pendingDirective = undefined;
    } else if (c0 !== 35 /* # */ && !(eol === i || (eol === i + 1 && text.charCodeAt(i) === 13))) {
      pendingDirective = undefined;
    }
    i = eol + 1;
    line += 1 + crLines;
  }
  return { line, pending: pendingDirective !== undefined };
}

function chunksOf(text: string, starts: { offset: number; line: number }[], firstIndex: number, end = text.length): YamlChunk[] {
  const chunks: YamlChunk[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const e = k + 1 < starts.length ? starts[k + 1].offset : end;
    chunks.push({ index: firstIndex + k, startLine: s.line, startOffset: s.offset, text: detach(text.slice(s.offset, e)) });
  }
  return chunks;
}

/**
 * A copy of a slice that does not keep the string it was sliced from alive. V8's sliced strings pin
 * their parent: a document kept across edits would keep the whole file text of the version it was
 * split from, one full copy per version (the memory benchmark found 80 MB after 2,000 keystrokes).
 * Concatenating and slicing again makes V8 flatten the pair into a fresh string of its own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** `text` holds `sub` at `offset` (a slice compare: many times faster than startsWith(sub, offset) in V8). */
function sameAt(text: string, sub: string, offset: number): boolean {
  return offset >= 0 && offset + sub.length <= text.length && text.slice(offset, offset + sub.length) === sub;
}

/** A chunk that begins with a `---` marker line (not with a directive), at least 4 characters long. */
function startsWithMarker(t: string): boolean {
  return t.length >= 4 && t.charCodeAt(0) === 45 && t.charCodeAt(1) === 45 && t.charCodeAt(2) === 45 && isSpaceOrBreak(t.charCodeAt(3));
}

/**
 * splitDocuments(text) for a text that is an edit of `prevText` (split into `prevChunks`): the
 * documents before and after the edited region are taken over (same text; offsets and lines
 * shifted), only the region in between is scanned. Always returns exactly what splitDocuments(text)
 * returns (a property test checks it); falls back to it when the edit touches a boundary it cannot
 * prove unchanged.
 */
export function splitDocumentsIncremental(prevText: string, prevChunks: readonly YamlChunk[], text: string): YamlChunk[] {
  const n = prevChunks.length;
  if (n < 3 || prevChunks[n - 1].startOffset + prevChunks[n - 1].text.length !== prevText.length) return splitDocuments(text);
  // Leading documents whose text is unchanged at the same offset.
  let k = 0;
  while (k < n && sameAt(text, prevChunks[k].text, prevChunks[k].startOffset)) k++;
  if (k === n && text.length === prevText.length) return prevChunks.slice();
  // Restart at the last of them (or the first changed one) that starts with a marker line whose
  // 4 characters are unchanged: everything before it scans the same, so it is a start in both.
  let r = Math.min(k, n - 1);
  while (r > 0 && !(startsWithMarker(prevChunks[r].text) && sameAt(text, prevChunks[r].text.slice(0, 4), prevChunks[r].startOffset))) r--;
  const restart = prevChunks[r].startOffset;
  // Trailing documents whose text is unchanged at the same distance from the end.
  const delta = text.length - prevText.length;
  let b = n;
  while (b - 1 > r && prevChunks[b - 1].startOffset + delta > restart && sameAt(text, prevChunks[b - 1].text, prevChunks[b - 1].startOffset + delta)) b--;
  // The first of them must start with a marker at a line start; scanning up to it must leave no
  // directive pending (it would pull the directive into that document).
  while (b < n && !(startsWithMarker(prevChunks[b].text) && text.charCodeAt(prevChunks[b].startOffset + delta - 1) === 10)) b++;
  const to = b < n ? prevChunks[b].startOffset + delta : text.length;
  const starts: { offset: number; line: number }[] = [{ offset: restart, line: prevChunks[r].startLine }];
  const scanned = scanDocumentStarts(text, restart, to, prevChunks[r].startLine, starts);
  if (b < n && scanned.pending) return splitDocuments(text);
  const out = prevChunks.slice(0, r);
  out.push(...chunksOf(text, starts, r, to));
  if (b < n) {
    const lineShift = scanned.line - prevChunks[b].startLine;
    for (let j = b; j < n; j++) {
      const c = prevChunks[j];
      out.push({ index: out.length, startLine: c.startLine + lineShift, startOffset: c.startOffset + delta, text: c.text });
    }
  }
  return out;
}

function isSpaceOrBreak(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export interface K8sIdentity {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** Group of the apiVersion ('' for core). */
  group: string;
  version: string;
}

export class YamlDocModel {
  /** The document's root node (null when it holds no node, or was not parsed). */
  readonly contents: YNode | null;
  /** The parser's errors, as plain data (offsets into `text`). */
  readonly errors: readonly YamlError[];
  /** How the document's consumer reads it (kubectl's YAML 1.1 for Kubernetes objects, …). */
  readonly reader: Reader;
  readonly lines: LineIndex;
  /** Memo for derived data (pods, index entries …), so every rule reads one computation. */
  readonly memo = new Map<string, unknown>();
  private _value: unknown;
  private _valueDone = false;
  /** Why `value` is undefined although the document parsed: too many alias expansions, or another failure. */
  private _valueError: 'aliases' | 'other' | undefined;
  /** Set when the document was not parsed at all: it nests deeper than MAX_DEPTH (offset where it does). */
  readonly tooDeepAt: number | undefined;
  private _k8s: K8sIdentity | null | undefined;
  private _items: readonly YamlDocModel[] | undefined;
  /** For an object inside a List: the List document it is an item of, and its index in `items`. */
  readonly listParent: YamlDocModel | undefined;
  readonly listIndex: number | undefined;

  constructor(
    /** The text that was parsed (Helm expressions masked when `masked`). */
    readonly text: string,
    readonly masked = false,
    /** The original text, when masked. */
    readonly original = text,
    /** The reader; by default told by the document's top-level keys (see detectReader). */
    reader?: Reader,
    /** An item of a List: a view of the parent's text and node, nothing parsed again. */
    item?: { parent: YamlDocModel; node: YNode; index: number },
    /** Parses the text (parseYaml by default): the owner's YamlParseCache shares one parse between readers. */
    parser: (text: string, reader: Reader | undefined) => ParsedYaml = parseYaml,
  ) {
    if (item) {
      const p = item.parent;
      this.lines = p.lines;
      this.contents = item.node;
      this.errors = p.errors;
      this.reader = p.reader;
      this.listParent = p;
      this.listIndex = item.index;
      return;
    }
    this.lines = new LineIndex(text);
    const deep = tooDeep(text, MAX_DEPTH);
    if (deep >= 0) {
      // Not parsed: an empty document; yaml-syntax reports why.
      this.tooDeepAt = deep;
      this.contents = null;
      this.errors = [];
      this.reader = reader ?? 'yaml12';
      return;
    }
    const json = looksLikeLargeJson(text) ? parseJsonFast(text) : undefined;
    if (json) {
      this.contents = json.contents;
      this.errors = [];
      this.reader = reader ?? detectReaderOfKeys(isMap(json.contents) ? json.contents.items.map((p) => (isScalar(p.key) ? p.key.source : '')) : []);
      return;
    }
    // YAMLParseError is an Error: each one would capture a stack trace nobody reads — thousands of
    // them in a badly broken file (found by the soak test's memory curve).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const parsed = parser(text, reader);
      this.contents = parsed.contents;
      this.errors = parsed.errors;
      this.reader = parsed.reader;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  /** True when the chunk holds only comments/whitespace/markers. */
  get isEmpty(): boolean {
    const c = this.contents;
    return c === null || (isScalar(c) && c.value === null && c.range[0] === c.range[1]);
  }

  /** Plain JS value as the reader reads it (aliases resolved, bounded against alias bombs). `undefined` if it cannot be built. */
  get value(): unknown {
    if (!this._valueDone) {
      this._valueDone = true;
      try {
        this._value = this.errors.length && !this.contents ? undefined : toValue(this.contents, this.reader, MAX_ALIAS_COUNT);
      } catch (e) {
        this._value = undefined;
        this._valueError = e instanceof AliasLimitError ? 'aliases' : 'other';
      }
    }
    return this._value;
  }

  /** Why the plain value could not be built (computes it). */
  get valueError(): 'aliases' | 'other' | undefined {
    void this.value;
    return this._valueError;
  }

  /** apiVersion/kind/metadata of a Kubernetes object, or null. */
  get k8s(): K8sIdentity | null {
    if (this._k8s !== undefined) return this._k8s;
    this._k8s = identityOf(this.contents);
    return this._k8s;
  }

  /**
   * The objects of a List document (`kind: List`, `ConfigMapList`, …: a kind ending in `List` with an
   * `items` sequence of objects that have apiVersion and kind), each a model of its own that shares
   * this document's text, offsets and parse; empty for other documents.
   */
  get listItems(): readonly YamlDocModel[] {
    if (this._items === undefined) {
      const out: YamlDocModel[] = [];
      const id = this.k8s;
      const root = this.contents;
      if (id && id.kind.endsWith('List') && !this.listParent && isMap(root)) {
        const items = getSeq(root, 'items');
        items?.items.forEach((node, index) => {
          if (node && identityOf(node)) out.push(new YamlDocModel(this.text, this.masked, this.original, this.reader, { parent: this, node, index }));
        });
      }
      this._items = out;
    }
    return this._items;
  }

  memoize<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = compute();
    this.memo.set(key, v);
    return v;
  }

  rangeOfOffsets(start: number, end: number): Range {
    return this.lines.rangeOf(start, end);
  }

  /** Range of a node's value (without trailing comments). */
  rangeOf(node: YNode | YPair): Range {
    if (isPair(node)) return this.pairRange(node);
    const r = node.range;
    return this.lines.rangeOf(r[0], r[1]);
  }

  /** From the key's start to the value's end: the `privileged: true` pair. */
  pairRange(pair: YPair): Range {
    const k = pair.key;
    const v = pair.value;
    const start = k?.range?.[0] ?? v?.range?.[0] ?? 0;
    const end = v?.range?.[1] ?? k?.range?.[1] ?? start;
    return this.lines.rangeOf(start, Math.max(start, end));
  }

  keyRange(pair: YPair): Range {
    const k = pair.key;
    const r = k?.range;
    if (!r) return this.pairRange(pair);
    return this.lines.rangeOf(r[0], r[1]);
  }

  /** The value's range, or the key's when the value is empty. */
  valueRange(pair: YPair): Range {
    const v = pair.value;
    if (v?.range && v.range[1] > v.range[0]) return this.lines.rangeOf(v.range[0], v.range[1]);
    return this.keyRange(pair);
  }

  /** Walk a path of keys / indexes from the root; returns the node (or pair for the last key). */
  getIn(path: (string | number)[]): YNode | undefined {
    let cur: YNode | null | undefined = this.contents;
    for (const seg of path) {
      if (!cur) return undefined;
      cur = child(cur, seg);
    }
    return cur ?? undefined;
  }
}

/** The identity of a Kubernetes object (apiVersion, kind, metadata name/namespace) of a map node, or null. */
export function identityOf(root: YNode | null | undefined): K8sIdentity | null {
  if (!isMap(root)) return null;
  const apiVersion = scalarString(getValue(root, 'apiVersion'));
  const kind = scalarString(getValue(root, 'kind'));
  if (!apiVersion || !kind) return null;
  const meta = getValue(root, 'metadata');
  const slash = apiVersion.lastIndexOf('/');
  return {
    apiVersion,
    kind,
    name: isMap(meta) ? scalarString(getValue(meta, 'name')) : undefined,
    namespace: isMap(meta) ? scalarString(getValue(meta, 'namespace')) : undefined,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
  };
}

/** Aliases are not followed for ranges (values resolve them). */
export function deref(node: YNode | null | undefined): YNode | null {
  if (isAlias(node)) return null;
  return node ?? null;
}

export function child(node: YNode, seg: string | number): YNode | null | undefined {
  if (typeof seg === 'number') {
    if (isSeq(node)) return deref(node.items[seg]);
    return undefined;
  }
  if (isMap(node)) return deref(getValue(node, seg));
  return undefined;
}

export function getPair(map: YMap, key: string): YPair | undefined {
  for (const it of map.items) {
    const k = it.key;
    if (isScalar(k) && String(k.value) === key) return it;
  }
  return undefined;
}

export function getValue(map: YMap, key: string): YNode | null | undefined {
  return getPair(map, key)?.value;
}

export function getMap(map: YMap | undefined | null, key: string): YMap | undefined {
  if (!map) return undefined;
  const v = getValue(map, key);
  return isMap(v) ? v : undefined;
}

export function getSeq(map: YMap | undefined | null, key: string): YSeq | undefined {
  if (!map) return undefined;
  const v = getValue(map, key);
  return isSeq(v) ? v : undefined;
}

export function scalarString(n: unknown): string | undefined {
  if (!isScalar(n)) return undefined;
  const v = n.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

export function scalarValue(n: unknown): unknown {
  return isScalar(n) ? n.value : undefined;
}

export function keyString(pair: YPair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? undefined : String(k.value);
  return undefined;
}

export function isTrue(n: unknown): boolean {
  return isScalar(n) && n.value === true;
}

export type { YNode, YMap, YSeq, YScalar, YPair, YAlias, Reader, YamlError };
export { isMap, isSeq, isScalar, isPair, isAlias, isCollection };
