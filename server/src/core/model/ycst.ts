import { CST, Parser } from 'yaml';
import { isMap, isScalar, isSeq, YMap, YPair, YScalar, YSeq, type Reader, type ScalarStyle, type YNode, type YRange } from './ynode';

/**
 * The owned model straight from `yaml`'s public CST (`Parser` tokens, `CST.resolveAsScalar`), for
 * the block YAML manifests are written in: it skips the library's Composer and its node classes.
 * It builds exactly the tree `fromDocument` builds from the Composer's (same offsets, styles,
 * sources and values; `test/core/model/ycst.test.ts` compares them on every fixture, generated
 * manifests and a mutation fuzz), and gives up (returns undefined: the model then composes) on
 * anything it does not mirror: anchors, aliases, tags, explicit keys, directives, tabs, CR, flow
 * collections with comments, and every token or condition the library reports as an error.
 */
export function buildFromCst(text: string): YNode | null | undefined {
  return buildFromCstTokens(text).root;
}

/**
 * buildFromCst, and when it gives up after parsing, the CST tokens it read (the Composer can take
 * them instead of parsing the text a second time: `yparse.ts`).
 */
export function buildFromCstTokens(text: string): { root?: YNode | null; tokens?: CST.Token[] } {
  if (text.includes('\t') || text.includes('\r')) return {};
  const tokens = Array.from(new Parser().parse(text));
  const root = buildFromTokens(tokens);
  return root === undefined ? { tokens } : { root };
}

function buildFromTokens(tokens: readonly CST.Token[]): YNode | null | undefined {
  let doc: CST.Document | undefined;
  let docEnd = false;
  for (const t of tokens) {
    if (t.type === 'document' && !doc) doc = t;
    else if (t.type === 'comment' || t.type === 'newline' || t.type === 'space') continue;
    // One `...` after the document (as openstack-helm ends its files), followed on its line by
    // nothing but spaces and a comment: the Composer reads the document before it, and the
    // marker's line only adds a document comment (not part of the owned model).
    else if (t.type === 'doc-end' && doc && !docEnd && cleanEnd(t.end)) docEnd = true;
    else return undefined;
  }
  if (!doc || !doc.value) return undefined;
  try {
    const b = new Builder();
    // The document's props: `---`, comments and blank lines only.
    let marker = false;
    let newline = false;
    for (const st of doc.start) {
      if (st.type === 'doc-start') marker = true;
      else if (st.type === 'newline') newline = true;
      else if (st.type !== 'space' && st.type !== 'comment') return undefined;
    }
    if (marker && (doc.value.type === 'block-map' || doc.value.type === 'block-seq') && !newline) return undefined;
    if (doc.end) for (const st of doc.end) if (st.type !== 'space' && st.type !== 'comment' && st.type !== 'newline') return undefined;
    return b.node(doc.value);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** End tokens that hold no error (the library's resolveEnd, strict: spaces, line breaks, and comments after a space). */
function cleanEnd(end: readonly Src[] | undefined): boolean {
  let space = false;
  for (const st of end ?? []) {
    if (st.type === 'space' || st.type === 'newline') space = true;
    else if (st.type !== 'comment' || !space) return false;
  }
  return true;
}

const GIVE_UP = new Error('not on the CST fast path');
const giveUp = (): never => {
  throw GIVE_UP;
};

type Tok = CST.Token;
type Src = CST.SourceToken;

function endOf(tokens: readonly Src[], offset: number): number {
  const last = tokens[tokens.length - 1];
  return last ? last.offset + last.source.length : offset;
}

/** The library's emptyScalarPosition. */
function emptyPosition(offset: number, before: readonly Src[] | undefined): number {
  if (before) {
    for (let i = before.length - 1; i >= 0; --i) {
      let st = before[i];
      if (st.type === 'space' || st.type === 'comment' || st.type === 'newline') {
        offset -= st.source.length;
        continue;
      }
      st = before[++i];
      while (st?.type === 'space') {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}

function emptyScalar(offset: number, before: readonly Src[] | undefined, comment: boolean, end: number): YScalar {
  const p = emptyPosition(offset, before);
  return new YScalar(null, '', 'PLAIN', [p, p, comment ? end : p]);
}

function hasComment(tokens: readonly Src[]): boolean {
  for (const t of tokens) if (t.type === 'comment') return true;
  return false;
}

/**
 * A plain scalar on one line, as `CST.resolveAsScalar(t, true, giveUp)` resolves it, without its
 * result and error-callback objects (most scalars of a manifest): the value is the source (no line
 * to fold); a first character the library reports (`,` `%` `|` `>` `@` `` ` ``) or end tokens it
 * reports (cleanEnd: the library's resolveEnd) give up, as its onError would.
 */
function plainLine(t: CST.FlowScalar): YScalar {
  const { offset, source, end } = t;
  const c = source.charCodeAt(0);
  // , % | > @ ` (a tab cannot start a plain scalar: the text has none).
  if (c === 44 || c === 37 || c === 124 || c === 62 || c === 64 || c === 96 || !cleanEnd(end)) giveUp();
  const valueEnd = offset + source.length;
  return new YScalar(null, source, 'PLAIN', [offset, valueEnd, end ? endOf(end, valueEnd) : valueEnd]);
}

function isScalarToken(t: Tok | null | undefined): t is CST.FlowScalar {
  return !!t && (t.type === 'scalar' || t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar');
}

function multiline(key: CST.FlowScalar): boolean {
  if (key.source.includes('\n')) return true;
  if (key.end) for (const st of key.end) if (st.type === 'newline') return true;
  return false;
}

class Builder {
  node(t: Tok): YNode {
    switch (t.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(t);
      case 'block-map':
        return this.blockMap(t);
      case 'block-seq':
        return this.blockSeq(t);
      case 'flow-collection':
        return this.flow(t);
      default:
        return giveUp();
    }
  }

  scalar(t: CST.FlowScalar | CST.BlockScalar): YScalar {
    if (t.type === 'block-scalar') {
      for (const p of t.props) if (p.type !== 'block-scalar-header' && p.type !== 'space' && p.type !== 'comment' && p.type !== 'newline') giveUp();
    } else if (t.type === 'scalar' && !t.source.includes('\n')) return plainLine(t);
    const r = CST.resolveAsScalar(t, true, giveUp);
    if (!r) return giveUp();
    // The value is set by the reader once the tree is built (resolveTree).
    return new YScalar(null, r.value, r.type as ScalarStyle, r.range);
  }

  blockMap(bm: CST.BlockMap): YMap {
    let offset = bm.offset;
    let commentEnd: number | null = null;
    const map = new YMap([0, 0, 0]);
    for (const { start, key, sep, value } of bm.items) {
      // Props before the key: comments and blank lines only.
      for (const st of start) if (st.type !== 'newline' && st.type !== 'space' && st.type !== 'comment') giveUp();
      const keyEnd = endOf(start, offset);
      if (!key && !sep) {
        commentEnd = keyEnd;
        continue;
      }
      if (!isScalarToken(key) || key.indent !== bm.indent || multiline(key) || !sep) return giveUp();
      const keyNode = this.scalar(key);
      // `:` then spaces, comments and line breaks.
      let found: Src | undefined;
      let newline = false;
      for (const st of sep) {
        if (st.type === 'map-value-ind') {
          if (found) giveUp();
          found = st;
        } else if (st.type === 'newline') newline = true;
        else if (st.type !== 'space' && st.type !== 'comment') giveUp();
      }
      if (!found) return giveUp();
      if (value?.type === 'block-map' && !newline) giveUp();
      if (keyNode.range[0] < found.offset - 1024) giveUp();
      const end = endOf(sep, keyNode.range[2]);
      const valueNode = value ? this.node(value) : emptyScalar(end, sep, hasComment(sep), end);
      offset = valueNode.range[2];
      map.items.push(new YPair(keyNode, valueNode));
    }
    if (commentEnd !== null && commentEnd < offset) giveUp();
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
  }

  blockSeq(bs: CST.BlockSequence): YSeq {
    let offset = bs.offset;
    let commentEnd: number | null = null;
    const seq = new YSeq([0, 0, 0]);
    for (const { start, value } of bs.items) {
      let found = false;
      for (const st of start) {
        if (st.type === 'seq-item-ind') {
          if (found) giveUp();
          found = true;
        } else if (st.type !== 'space' && st.type !== 'comment' && st.type !== 'newline') giveUp();
      }
      const end = endOf(start, offset);
      if (!found) {
        if (value) giveUp();
        commentEnd = end;
        continue;
      }
      const node = value ? this.node(value) : emptyScalar(end, start, hasComment(start), end);
      offset = node.range[2];
      seq.items.push(node);
    }
    if (commentEnd !== null && commentEnd < offset) giveUp();
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
  }

  flow(fc: CST.FlowCollection): YMap | YSeq {
    const isMapping = fc.start.source === '{';
    const coll = isMapping ? new YMap([0, 0, 0], true) : new YSeq([0, 0, 0], true);
    let offset = fc.offset + fc.start.source.length;
    fc.items.forEach(({ start, key, sep, value }, i) => {
      let comma = false;
      for (const st of start) {
        if (st.type === 'comma') {
          if (comma) giveUp();
          comma = true;
        } else if (st.type !== 'space' && st.type !== 'newline') giveUp();
      }
      if (comma !== i > 0) giveUp();
      if (!key && !sep && !value) giveUp();
      const isBlock = (t: Tok | null | undefined) => t?.type === 'block-map' || t?.type === 'block-seq';
      if (isBlock(key) || isBlock(value)) giveUp();
      if (!isMapping && !sep) {
        if (!value) giveUp();
        const v = this.node(value!);
        (coll as YSeq).items.push(v);
        offset = v.range[2];
        return;
      }
      if (!isMapping || !key || !isScalarToken(key) || !sep) return giveUp();
      const keyNode = this.scalar(key);
      let found: Src | undefined;
      for (const st of sep) {
        if (st.type === 'map-value-ind') {
          if (found) giveUp();
          found = st;
        } else if (st.type !== 'space' && st.type !== 'newline') giveUp();
      }
      if (!found) return giveUp();
      const end = endOf(sep, keyNode.range[2]);
      const valueNode = value ? this.node(value) : emptyScalar(end, sep, false, end);
      (coll as YMap).items.push(new YPair(keyNode, valueNode));
      offset = valueNode.range[2];
    });
    const [ce, ...ee] = fc.end;
    if (ce?.source !== (isMapping ? '}' : ']')) return giveUp();
    const cePos = ce.offset + ce.source.length;
    let endOffset = cePos;
    let hasSpace = false;
    for (const st of ee) {
      if (st.type === 'space' || st.type === 'newline') hasSpace = true;
      else if (st.type === 'comment') {
        if (!hasSpace) giveUp();
      } else giveUp();
      endOffset += st.source.length;
    }
    coll.range = [fc.offset, cePos, ee.length ? endOffset : cePos];
    return coll;
  }
}

/** Set every scalar's value for the reader (keys as keys are read). */
export function resolveTree(root: YNode | null, resolve: (s: YScalar, isKey: boolean) => unknown): void {
  if (!root) return;
  const stack: YNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isScalar(n)) n.value = resolve(n, false);
    else if (isMap(n)) {
      for (const p of n.items) {
        if (isScalar(p.key)) p.key.value = resolve(p.key, true);
        else if (p.key) stack.push(p.key);
        if (p.value) stack.push(p.value);
      }
    } else if (isSeq(n)) for (const it of n.items) if (it) stack.push(it);
  }
}

export type { Reader, YRange };
