import type { YMap, YNode, YPair, YScalar, YSeq } from '../model/ynode';
import { isMap, isScalar, isSeq } from '../model/ynode';
import type { YamlDocModel } from '../model/yaml';
import { getPair } from '../model/yaml';
import type { TextEdit } from '../types';

/**
 * Semantic YAML edits → minimal TextEdits. A fix says "set privileged to false" or "ensure
 * securityContext.capabilities.drop contains ALL"; this module turns it into the smallest text change
 * in the document's own style: same indentation unit, block or flow as the surrounding node, every
 * comment and untouched byte kept. Offsets come from the `yaml` CST node ranges of the cached parse.
 * All edits are relative to the document (chunk); the engine shifts them into the file.
 */

/** Where `addPairs` inserts into a block map: after or before one of its pairs (default: at the end). */
export interface InsertAt {
  after?: YPair;
  before?: YPair;
}

/** A value to write: scalars are rendered as YAML plain/quoted text; objects as nested mappings. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [k: string]: YamlValue };

export class YamlEditor {
  private _unit?: number;

  constructor(readonly doc: YamlDocModel) {}

  private get text(): string {
    return this.doc.text;
  }

  private get eol(): string {
    return this.doc.lines.eol;
  }

  private _json?: boolean;

  /**
   * The document is JSON (`kubectl get -o json`, a generated manifest): everything this editor
   * writes is JSON too (quoted keys and strings), so the file stays JSON.
   */
  get json(): boolean {
    if (this._json === undefined) {
      const c = this.doc.contents as YNode | null;
      const first = c?.range ? this.text.charCodeAt(c.range[0]) : -1;
      this._json = isMap(c) && c.flow === true && first === 123 /* { */ && c.items.every((p) => isScalar(p.key) && (p.key as YScalar).type === 'QUOTE_DOUBLE');
    }
    return this._json;
  }

  /** `value` in flow style: YAML flow, or JSON in a JSON document. */
  flow(value: YamlValue): string {
    return this.json ? renderJson(value) : renderFlow(value);
  }

  /** `key: value` inside a flow mapping. */
  flowPair(key: string, value: YamlValue): string {
    return this.json ? `${JSON.stringify(key)}: ${renderJson(value)}` : `${renderKey(key)}: ${renderFlow(value)}`;
  }

  edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.doc.lines.rangeOf(start, end), newText };
  }

  /** The document's indentation step (2 unless the file nests with another width). */
  indentUnit(): number {
    if (this._unit === undefined) this._unit = this.doc.memoize('yaml-edit.indentUnit', () => this.computeIndentUnit());
    return this._unit;
  }

  private computeIndentUnit(): number {
    let unit = 0;
    const visit = (n: unknown, parentCol: number): void => {
      if (unit) return;
      if (isMap(n) && !n.flow) {
        const first = n.items[0]?.key as YNode | undefined;
        if (first?.range && parentCol >= 0) {
          const col = this.col(first.range[0]);
          if (col > parentCol && this.lineStartsWithKey(first.range[0])) unit = col - parentCol;
        }
        for (const it of n.items) {
          const k = it.key as YNode | undefined;
          if (k?.range && this.lineStartsWithKey(k.range[0])) visit(it.value, this.col(k.range[0]));
        }
      }
    };
    visit(this.doc.contents, -1);
    return unit > 0 && unit <= 8 ? unit : 2;
  }

  private col(offset: number): number {
    return this.doc.lines.positionAt(offset).character;
  }

  private lineStart(offset: number): number {
    const p = this.doc.lines.positionAt(offset);
    return this.doc.lines.lineStarts[p.line];
  }

  /** Only whitespace between the line start and `offset`. */
  private lineStartsWithKey(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** Replace a scalar's text, keeping its quoting style when the new value is a string. */
  setScalar(node: YScalar, value: YamlValue): TextEdit {
    const r = node.range!;
    let text = this.json ? renderJson(value) : renderScalar(value);
    if (typeof value === 'string' && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      text = node.type === 'QUOTE_DOUBLE' ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
    }
    return this.edit(r[0], r[1], text);
  }

  /** Set `key` in `map` to `value`: replace the existing value or add the pair in the map's style. */
  setKey(map: YMap, key: string, value: YamlValue): TextEdit {
    const pair = getPair(map, key);
    if (pair) return this.replaceValue(map, pair, value);
    return this.addPair(map, key, value);
  }

  /** Replace a pair's value (scalar or collection) with `value`. */
  replaceValue(map: YMap, pair: YPair, value: YamlValue): TextEdit {
    const v = pair.value as YNode | null;
    const key = pair.key as YNode;
    if (isScalar(v) && v.range && v.range[1] > v.range[0] && !isCollection(value)) return this.setScalar(v, value);
    const keyEnd = key.range![1];
    // Find the ':' after the key; rewrite from there to the end of the old value.
    const colon = this.text.indexOf(':', keyEnd);
    const oldEnd = v?.range ? trimEnd(this.text, v.range[1], colon + 1) : colon + 1;
    // Sequences are written in flow style (`drop: [ALL]`), like renderPair does.
    if (map.flow || !isCollection(value) || isEmptyCollection(value) || Array.isArray(value)) {
      return this.edit(colon + 1, oldEnd, ' ' + this.flow(value));
    }
    const indent = this.col(key.range![0]) + this.indentUnit();
    return this.edit(colon + 1, oldEnd, this.eol + renderBlock(value, indent, this.indentUnit(), this.eol).replace(/\r?\n$/, ''));
  }

  /** Add `key: value` to a map that lacks it. */
  addPair(map: YMap, key: string, value: YamlValue, where?: InsertAt): TextEdit {
    return this.addPairs(map, [[key, value]], where);
  }

  /**
   * Add several pairs (in this order) to a map that lacks them, as one edit. Block maps get them at
   * the end, or right after / before a given pair of the map (`where`): fixes that must not insert at
   * the very offset where a nested collection also ends use it.
   */
  addPairs(map: YMap, entries: [string, YamlValue][], where?: InsertAt): TextEdit {
    if (map.flow || map.items.length === 0) {
      const r = map.range!;
      const pairs = entries.map(([k, v]) => this.flowPair(k, v)).join(', ');
      // `{a: 1}`: right after the last value (before a line break or comment that may follow it).
      const last = map.items[map.items.length - 1];
      const lastEnd = last ? ((last.value as YNode | null)?.range?.[1] ?? (last.key as YNode | null)?.range?.[1]) : undefined;
      if (lastEnd !== undefined && lastEnd > r[0] && lastEnd < r[1]) return this.edit(lastEnd, lastEnd, ', ' + pairs);
      // `{}`: before the closing brace. The range ends after that brace, so the search starts one
      // before it: at r[1] itself may be an enclosing map's brace
      // (`spec: {…, securityContext: {}}`), and the pair would land in that map.
      const close = this.text.lastIndexOf('}', r[1] - 1);
      if (close >= r[0]) return this.edit(close, close, (map.items.length ? ', ' : '') + pairs);
    }
    const firstKey = map.items[0].key as YNode;
    const indent = this.col(firstKey.range![0]);
    const pairText = entries.map(([k, v]) => renderPair(k, v, indent, this.indentUnit(), this.eol)).join('');
    const anchor = where?.after ?? where?.before;
    if (anchor && map.items.includes(anchor as never)) {
      const key = anchor.key as YNode;
      if (where?.before && key.range && this.lineStartsWithKey(key.range[0])) {
        const ls = this.lineStart(key.range[0]);
        return this.edit(ls, ls, pairText);
      }
      if (where?.after && key.range && this.lineStartsWithKey(key.range[0])) {
        const v = anchor.value as YNode | null;
        const last = v?.range ? (isCollection2(v) ? v.range[1] : v.range[2]) : key.range[2];
        let at = last;
        if (this.text[at - 1] !== '\n') {
          const nl = this.text.indexOf('\n', at);
          at = nl < 0 ? this.text.length : nl + 1;
        }
        if (at < this.text.length || this.text[at - 1] === '\n') return this.edit(at, at, pairText);
      }
    }
    const end = map.range![1];
    if (end > 0 && this.text[end - 1] === '\n') return this.edit(end, end, pairText);
    // The map runs to the end of the text without a final line break.
    return this.edit(end, end, this.eol + pairText.replace(/\r?\n$/, ''));
  }

  /**
   * Ensure `path` (a chain of mapping keys under `map`) exists and set its last key to `value`:
   * creates the missing mappings at the right level with the document's indentation.
   */
  setPath(map: YMap, path: string[], value: YamlValue, where?: InsertAt): TextEdit {
    let cur = map;
    for (let i = 0; i < path.length - 1; i++) {
      const pair = getPair(cur, path[i]);
      const v = pair?.value;
      if (isMap(v) && (v.items.length > 0 || v.flow)) {
        cur = v;
        continue;
      }
      // Build the rest as one nested value.
      let nested: YamlValue = value;
      for (let j = path.length - 1; j > i; j--) nested = { [path[j]]: nested };
      if (pair) return this.replaceValue(cur, pair, nested);
      return this.addPair(cur, path[i], nested, cur === map ? where : undefined);
    }
    if (cur === map && !getPair(cur, path[path.length - 1])) return this.addPair(cur, path[path.length - 1], value, where);
    return this.setKey(cur, path[path.length - 1], value);
  }

  /** Remove a pair from a mapping (its whole line(s) in block style). */
  removePair(map: YMap, pair: YPair): TextEdit {
    const key = pair.key as YNode;
    const v = pair.value as YNode | null;
    const start = key.range![0];
    let end = v?.range ? (isCollection2(v) ? v.range[1] : v.range[2]) : key.range![2];
    if (map.flow) {
      const idx = map.items.indexOf(pair as never);
      const after = this.text.slice(end).match(/^\s*,\s*/);
      if (idx < map.items.length - 1 && after) return this.edit(start, end + after[0].length, '');
      const before = this.text.slice(0, start).match(/,\s*$/);
      if (before) return this.edit(start - before[0].length, end, '');
      return this.edit(start, end, '');
    }
    // Block: swallow the rest of the line (trailing comment and line break).
    if (this.text[end - 1] !== '\n') {
      const nl = this.text.indexOf('\n', end);
      end = nl < 0 ? this.text.length : nl + 1;
    }
    if (this.lineStartsWithKey(start)) {
      const ls = this.lineStart(start);
      if (end === this.text.length && this.text[end - 1] !== '\n' && ls > 0) {
        // Last line without a line break: remove the preceding break instead.
        const prevBreak = this.text[ls - 2] === '\r' ? ls - 2 : ls - 1;
        return this.edit(prevBreak, end, '');
      }
      return this.edit(ls, end, '');
    }
    // The pair shares its line with a sequence dash (`- hostPort: 80`): pull the next key up.
    const idx = map.items.indexOf(pair as never);
    const next = map.items[idx + 1]?.key as YNode | undefined;
    if (next?.range) return this.edit(start, next.range[0], '');
    return this.edit(start, end, '{}' + this.eol);
  }

  /** Remove item `index` from a sequence. */
  removeItem(seq: YSeq, index: number): TextEdit {
    const item = seq.items[index] as YNode;
    const r = item.range!;
    if (seq.flow) {
      const after = this.text.slice(r[1]).match(/^\s*,\s*/);
      if (index < seq.items.length - 1 && after) return this.edit(r[0], r[1] + after[0].length, '');
      const before = this.text.slice(0, r[0]).match(/,\s*$/);
      if (before) return this.edit(r[0] - before[0].length, r[1], '');
      return this.edit(r[0], r[1], '');
    }
    const ls = this.lineStart(r[0]);
    let end = isCollection2(item) ? r[1] : r[2];
    if (this.text[end - 1] !== '\n') {
      const nl = this.text.indexOf('\n', end);
      end = nl < 0 ? this.text.length : nl + 1;
    }
    if (seq.items.length === 1) {
      // The only item: leave an empty flow sequence in place of the block.
      const dash = this.text.lastIndexOf('-', r[0]);
      const keyColon = this.text.lastIndexOf(':', dash);
      if (keyColon >= 0 && /^\s*$/.test(this.text.slice(keyColon + 1, dash))) {
        const tail = this.text[end - 1] === '\n' ? this.eol : '';
        return this.edit(keyColon + 1, end, ' []' + tail);
      }
    }
    return this.edit(ls, end, '');
  }

  /** Append an item to a sequence in its style. */
  appendItem(seq: YSeq, value: YamlValue): TextEdit {
    const r = seq.range!;
    if (seq.flow || seq.items.length === 0) {
      const lastEnd = (seq.items[seq.items.length - 1] as YNode | undefined)?.range?.[1];
      if (lastEnd !== undefined && lastEnd > r[0] && lastEnd < r[1]) return this.edit(lastEnd, lastEnd, ', ' + this.flow(value));
      const close = this.text.lastIndexOf(']', r[1] - 1);
      if (close >= r[0]) return this.edit(close, close, `${seq.items.length ? ', ' : ''}${this.flow(value)}`);
    }
    const first = seq.items[0] as YNode;
    const dash = this.text.lastIndexOf('-', first.range![0]);
    const indent = this.col(dash);
    const itemText = ' '.repeat(indent) + '- ' + renderFlow(value) + this.eol;
    const end = r[1];
    if (this.text[end - 1] === '\n') return this.edit(end, end, itemText);
    return this.edit(end, end, this.eol + itemText.replace(/\r?\n$/, ''));
  }
}

function isCollection(v: YamlValue): boolean {
  return v !== null && typeof v === 'object';
}

function isEmptyCollection(v: YamlValue): boolean {
  return Array.isArray(v) ? v.length === 0 : v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}

function isCollection2(n: unknown): boolean {
  return (isMap(n) || isSeq(n)) && !(n as YMap).flow;
}

function trimEnd(text: string, end: number, min: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1])) e--;
  return e;
}

const PLAIN_SAFE = /^[A-Za-z_/.][A-Za-z0-9_./@+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

export function renderKey(k: string): string {
  return PLAIN_SAFE.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k);
}

export function renderScalar(v: YamlValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return PLAIN_SAFE.test(v) && !RESERVED.test(v) && !/^[0-9.+-]/.test(v) ? v : JSON.stringify(v);
  return renderFlow(v);
}

/** JSON text of a value, with a space after `:` and `,` as flow YAML is written here. */
export function renderJson(v: YamlValue): string {
  if (Array.isArray(v)) return `[${v.map(renderJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${renderJson(x)}`).join(', ')}}` : '{}';
  }
  return JSON.stringify(v);
}

export function renderFlow(v: YamlValue): string {
  if (Array.isArray(v)) return `[${v.map(renderFlow).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? `{${entries.map(([k, x]) => `${renderKey(k)}: ${renderFlow(x)}`).join(', ')}}` : '{}';
  }
  return renderScalar(v);
}

/** `key: value` as block lines at `indent`, nested maps expanded, ending with a line break. */
export function renderPair(key: string, value: YamlValue, indent: number, unit: number, eol: string): string {
  const pad = ' '.repeat(indent);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
    return `${pad}${renderKey(key)}:${eol}${renderBlock(value, indent + unit, unit, eol)}`;
  }
  return `${pad}${renderKey(key)}: ${renderFlow(value)}${eol}`;
}

export function renderBlock(value: YamlValue, indent: number, unit: number, eol: string): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => renderPair(k, v, indent, unit, eol))
      .join('');
  }
  return ' '.repeat(indent) + renderFlow(value) + eol;
}
