import type { YNode, YPair } from '../model/ynode';
import { isMap, isScalar, isSeq } from '../model/ynode';
import type { YamlDocModel } from '../model/yaml';

/**
 * Position → YAML path, for hover and completion. Two ways:
 * - `astPathAt`: from the syntax tree (keys, values, sequence items, flow collections);
 * - `indentPath`: from indentation alone, for documents being typed whose current line does not
 *   parse (block style only).
 */
export type PathSeg = string | number;

export interface AstHit {
  path: PathSeg[];
  /** On a key, on a scalar value, or inside a collection without being on a key or value. */
  on: 'key' | 'value' | 'inside';
  pair?: YPair;
  node?: YNode;
}

function within(offset: number, range: readonly number[] | null | undefined, inclusiveEnd = true): boolean {
  if (!range) return false;
  return offset >= range[0] && (inclusiveEnd ? offset <= range[1] : offset < range[1]);
}

/** The deepest key or value at `offset` (chunk-relative), iteratively. */
export function astPathAt(doc: YamlDocModel, offset: number): AstHit | undefined {
  let cur: YNode | null = doc.contents;
  const path: PathSeg[] = [];
  if (!cur || !within(offset, cur.range)) return undefined;
  for (let depth = 0; depth < 1000; depth++) {
    if (isMap(cur)) {
      let next: YNode | null = null;
      for (const it of cur.items) {
        const k = it.key as YNode | null;
        const v = it.value as YNode | null;
        if (!isScalar(k) || !k.range) continue;
        const key = String(k.value);
        if (within(offset, k.range)) return { path: [...path, key], on: 'key', pair: it as YPair, node: k };
        if (v && v.range && within(offset, v.range)) {
          if (isMap(v) || isSeq(v)) {
            path.push(key);
            next = v;
          } else return { path: [...path, key], on: 'value', pair: it as YPair, node: v };
          break;
        }
        // Between the key and an empty value (`key: |`): the key's field.
        if (!v && offset > k.range[1] && offset <= k.range[1] + 2) return { path: [...path, key], on: 'value', pair: it as YPair };
      }
      if (!next) return { path, on: 'inside', node: cur };
      cur = next;
    } else if (isSeq(cur)) {
      let next: YNode | null = null;
      for (let i = 0; i < cur.items.length; i++) {
        const item = cur.items[i] as YNode | null;
        if (item?.range && within(offset, item.range)) {
          path.push(i);
          if (isMap(item) || isSeq(item)) next = item;
          else return { path, on: 'value', node: item };
          break;
        }
      }
      if (!next) return { path, on: 'inside', node: cur };
      cur = next;
    } else return { path, on: 'value', node: cur };
  }
  return undefined;
}

/** One line as block-structure tokens. */
export interface LineShape {
  blank: boolean;
  /** Columns of the `- ` sequence indicators at the line start. */
  dashes: number[];
  /** Column of the content after indentation and dashes. */
  contentCol: number;
  /** `key:` at contentCol (undefined when the content is not a key). */
  key?: string;
  /** Text after `key:` (trimmed, comment removed). */
  value?: string;
  /** Column where the value starts (after `key: `). */
  valueCol?: number;
}

const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},:][^#:]*?|[^\s#'"{[\]},:]*?)\s*:(?:\s+|$)/;

export function lineShape(line: string): LineShape {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 >= line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (i < line.length && line[i] === ' ') i++;
  }
  const rest = line.slice(i);
  const shape: LineShape = { blank: rest.trim() === '' && dashes.length === 0, dashes, contentCol: i };
  if (rest.startsWith('#')) {
    shape.blank = dashes.length === 0;
    return shape;
  }
  const m = KEY_RE.exec(rest);
  if (m && m[1] !== '') {
    let key = m[1].trim();
    if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) key = key.slice(1, -1);
    shape.key = key;
    const after = rest.slice(m[0].length);
    shape.valueCol = i + m[0].length;
    shape.value = after.replace(/\s+#.*$/, '').trim();
  }
  return shape;
}

/** True when a value on a `key:` line opens a nested block (nothing, or an anchor/tag only). */
function opensBlock(s: LineShape): boolean {
  return s.key !== undefined && (s.value === '' || /^[&!][^\s]*$/.test(s.value ?? ''));
}

/**
 * The path of the mapping that holds a key written at column `keyCol` on line `line`, whose line
 * starts with sequence indicators at `dashes` (from indentation only). Sequence items get index 0:
 * the schema only needs "an item". Undefined when the structure above makes no sense.
 */
export function indentPath(lines: readonly string[], line: number, keyCol: number, dashes: readonly number[]): PathSeg[] | undefined {
  const rev: PathSeg[] = [];
  let state: { col: number; item: boolean };
  if (dashes.length) {
    for (let k = dashes.length - 1; k >= 0; k--) rev.push(0);
    state = { col: dashes[0], item: true };
  } else state = { col: keyCol, item: false };
  for (let l = line - 1; l >= 0 && (state.col > 0 || state.item); l--) {
    const s = lineShape(lines[l]);
    if (s.blank) continue;
    const indent = s.dashes.length ? s.dashes[0] : s.contentCol;
    if (!state.item) {
      // Looking for the owner of a key at column state.col.
      if (s.contentCol > state.col && !(s.dashes.length && s.dashes[0] < state.col)) continue; // deeper content
      if (s.contentCol === state.col) {
        if (s.dashes.length) {
          // `- first: …` starting the item that holds our key.
          for (let k = s.dashes.length - 1; k >= 0; k--) rev.push(0);
          state = { col: s.dashes[0], item: true };
        }
        continue; // a sibling key
      }
      if (s.contentCol > state.col) {
        // `- ` at a lower column, content deeper: our key belongs to that item's nested structure.
        continue;
      }
      // contentCol < state.col: the owning key.
      if (s.key === undefined) return undefined;
      rev.push(s.key);
      if (s.dashes.length) {
        for (let k = s.dashes.length - 1; k >= 0; k--) rev.push(0);
        state = { col: s.dashes[0], item: true };
      } else state = { col: s.contentCol, item: false };
    } else {
      // Looking for the owner of a sequence whose `- ` is at column state.col.
      if (indent > state.col) continue; // inside a sibling item
      if (s.dashes.length && s.dashes[0] === state.col) continue; // a sibling item
      if (s.dashes.length && s.dashes.includes(state.col)) continue;
      if (s.key === undefined || !(indent < state.col || (indent === state.col && !s.dashes.length))) return undefined;
      rev.push(s.key);
      if (s.dashes.length) {
        for (let k = s.dashes.length - 1; k >= 0; k--) rev.push(0);
        state = { col: s.dashes[0], item: true };
      } else state = { col: s.contentCol, item: false };
    }
  }
  if (state.item || state.col > 0) {
    // Reached the top still inside something: only a top-level sequence could own it.
    if (state.item && state.col === 0) return undefined;
  }
  return rev.reverse();
}

/**
 * Keys already present in the mapping whose keys sit at column `keyCol` around `line` (by
 * indentation). `startsItem`: the line itself starts a sequence item (`- |`), so nothing above
 * belongs to the same mapping.
 */
export function siblingKeys(lines: readonly string[], line: number, keyCol: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  if (!startsItem) {
    for (let l = line - 1; l >= 0; l--) {
      const s = lineShape(lines[l]);
      if (s.blank) continue;
      const indent = s.dashes.length ? s.dashes[0] : s.contentCol;
      if (s.contentCol === keyCol) {
        if (s.key !== undefined) keys.add(s.key);
        if (s.dashes.length) break; // the first line of our item (or a malformed structure)
        continue;
      }
      if (indent > keyCol) continue;
      break;
    }
  }
  for (let l = line + 1; l < lines.length; l++) {
    const s = lineShape(lines[l]);
    if (s.blank) continue;
    const indent = s.dashes.length ? s.dashes[0] : s.contentCol;
    if (s.contentCol === keyCol && !s.dashes.length) {
      if (s.key !== undefined) keys.add(s.key);
      continue;
    }
    if (indent > keyCol) continue;
    break;
  }
  return keys;
}

/** `apiVersion:` and `kind:` at the top level of a chunk, by text (documents being typed may not parse). */
export function topLevelIdentity(lines: readonly string[]): { apiVersion?: string; kind?: string } {
  const out: { apiVersion?: string; kind?: string } = {};
  for (const l of lines) {
    const m = /^(apiVersion|kind)\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s#]+))/.exec(l);
    if (m) out[m[1] as 'apiVersion' | 'kind'] = m[2] ?? m[3] ?? m[4];
  }
  return out;
}
