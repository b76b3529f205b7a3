import { isMap, isScalar, isSeq, type YNode, type YScalar } from '../model/ynode';
import { getValue, scalarString } from '../model/yaml';

/**
 * A plain strategic merge of a kustomize patch document onto the object it patches, written out as
 * YAML text with, for every key and scalar written, where it came from (the patch or the base), so
 * that findings on the merged object can be placed back on the patch. What is merged: maps key by
 * key (a `null` value in the patch deletes the key), lists of maps by their merge key (`name`;
 * `containerPort` for ports, `mountPath` for volumeMounts, `devicePath` for volumeDevices), other
 * lists and scalars replaced by the patch. Left out: the `$patch`, `$setElementOrder`,
 * `$retainKeys` and `$deleteFromPrimitiveList` directives (the keys are dropped, the merge goes on
 * as if they were absent), merge keys other than the ones above, and aliases (written as null).
 */
export interface MergeSpan {
  /** Offsets in the merged text. */
  start: number;
  end: number;
  side: 'patch' | 'base';
  /** Offsets in the origin document's text. */
  originStart: number;
  originEnd: number;
}

export interface MergedText {
  text: string;
  spans: MergeSpan[];
}

type M =
  | { t: 'scalar'; node: YScalar; side: 'patch' | 'base' }
  | { t: 'null'; side: 'patch' | 'base'; at?: YNode }
  | { t: 'map'; pairs: { key: YScalar; keySide: 'patch' | 'base'; value: M }[]; side: 'patch' | 'base'; at: YNode }
  | { t: 'seq'; items: M[]; side: 'patch' | 'base'; at: YNode };

const MAX_DEPTH = 128;
const MERGE_KEYS: Record<string, string> = { ports: 'containerPort', volumeMounts: 'mountPath', volumeDevices: 'devicePath' };

function lift(n: YNode | null | undefined, side: 'patch' | 'base', depth = 0): M {
  if (!n || depth > MAX_DEPTH) return { t: 'null', side };
  if (isScalar(n)) return n.value === null ? { t: 'null', side, at: n } : { t: 'scalar', node: n, side };
  if (isMap(n)) {
    const pairs: { key: YScalar; keySide: 'patch' | 'base'; value: M }[] = [];
    for (const p of n.items) {
      if (!isScalar(p.key) || String(p.key.value).startsWith('$')) continue;
      pairs.push({ key: p.key, keySide: side, value: lift(p.value, side, depth + 1) });
    }
    return { t: 'map', pairs, side, at: n };
  }
  if (isSeq(n)) return { t: 'seq', items: n.items.map((i) => lift(i, side, depth + 1)), side, at: n };
  return { t: 'null', side };
}

function mergeKeyOf(field: string, items: readonly (YNode | null)[]): string | undefined {
  const k = MERGE_KEYS[field] ?? 'name';
  return items.length && items.every((i) => isMap(i) && getValue(i, k) !== undefined) ? k : undefined;
}

function merge(base: YNode | null | undefined, patch: YNode | null | undefined, field: string, depth: number): M {
  if (depth > MAX_DEPTH) return lift(patch, 'patch');
  if (isMap(base) && isMap(patch)) {
    const out: { key: YScalar; keySide: 'patch' | 'base'; value: M }[] = [];
    const patchPairs = new Map<string, { key: YScalar; value: YNode | null }>();
    for (const p of patch.items) if (isScalar(p.key) && !String(p.key.value).startsWith('$')) patchPairs.set(String(p.key.value), { key: p.key, value: p.value });
    const used = new Set<string>();
    for (const p of base.items) {
      if (!isScalar(p.key)) continue;
      const k = String(p.key.value);
      const pp = patchPairs.get(k);
      if (!pp) {
        out.push({ key: p.key, keySide: 'base', value: lift(p.value, 'base', depth + 1) });
        continue;
      }
      used.add(k);
      if (isScalar(pp.value) && pp.value.value === null) continue; // `key: null` deletes it
      out.push({ key: pp.key, keySide: 'patch', value: merge(p.value, pp.value, k, depth + 1) });
    }
    for (const [k, pp] of patchPairs) if (!used.has(k)) out.push({ key: pp.key, keySide: 'patch', value: lift(pp.value, 'patch', depth + 1) });
    return { t: 'map', pairs: out, side: 'patch', at: patch };
  }
  if (isSeq(base) && isSeq(patch)) {
    const key = mergeKeyOf(field, base.items) && mergeKeyOf(field, patch.items);
    if (!key) return lift(patch, 'patch', depth);
    const byKey = new Map<string, YNode>();
    for (const i of patch.items) byKey.set(scalarString(getValue(i as never, key)) ?? '', i as YNode);
    const used = new Set<string>();
    const items: M[] = [];
    for (const b of base.items) {
      const k = scalarString(getValue(b as never, key)) ?? '';
      const p = byKey.get(k);
      if (p) {
        used.add(k);
        items.push(merge(b, p, '', depth + 1));
      } else items.push(lift(b, 'base', depth + 1));
    }
    for (const [k, p] of byKey) if (!used.has(k)) items.push(lift(p, 'patch', depth + 1));
    return { t: 'seq', items, side: 'patch', at: patch };
  }
  return patch === undefined ? lift(base, 'base', depth) : lift(patch, 'patch', depth);
}

/** The patch document's root merged onto the base document's root, as text with its spans. */
export function strategicMerge(base: YNode | null, patch: YNode | null): MergedText {
  const m = merge(base, patch, '', 0);
  const w = new Writer();
  w.value(m, 0, false);
  return { text: w.text, spans: w.spans };
}

class Writer {
  text = '';
  spans: MergeSpan[] = [];

  private mark(start: number, side: 'patch' | 'base', node: { range: readonly number[] }): void {
    this.spans.push({ start, end: this.text.length, side, originStart: node.range[0], originEnd: node.range[1] });
  }

  private scalarText(n: YScalar): string {
    if (n.type === 'PLAIN' && !n.source.includes('\n')) return n.source;
    return JSON.stringify(n.source);
  }

  /** Writes `m` after a key (`inline`: on the key's line) or as a document / list item. */
  value(m: M, indent: number, afterKey: boolean): void {
    const pad = ' '.repeat(indent);
    switch (m.t) {
      case 'null':
        this.text += afterKey ? '\n' : 'null\n';
        return;
      case 'scalar': {
        if (afterKey) this.text += ' ';
        const s = this.text.length;
        this.text += this.scalarText(m.node);
        this.mark(s, m.side, m.node);
        this.text += '\n';
        return;
      }
      case 'map': {
        if (!m.pairs.length) {
          this.text += afterKey ? ' {}\n' : '{}\n';
          return;
        }
        if (afterKey) this.text += '\n';
        m.pairs.forEach((p, i) => {
          // A list item's first key sits after "- " (already written).
          if (afterKey || i > 0) this.text += pad;
          const s = this.text.length;
          this.text += JSON.stringify(String(p.key.value)).slice(1, -1) === String(p.key.value) && /^[A-Za-z0-9_./-]+$/.test(String(p.key.value)) ? String(p.key.value) : JSON.stringify(String(p.key.value));
          this.mark(s, p.keySide, p.key);
          this.text += ':';
          this.value(p.value, indent + 2, true);
        });
        return;
      }
      case 'seq': {
        if (!m.items.length) {
          this.text += afterKey ? ' []\n' : '[]\n';
          return;
        }
        if (afterKey) this.text += '\n';
        m.items.forEach((item, i) => {
          if (afterKey || i > 0) this.text += pad;
          const s = this.text.length;
          this.text += '- ';
          if (item.t === 'map' || item.t === 'seq') {
            this.value(item, indent + 2, false);
            if (item.t === 'map' && item.at) this.spans.push({ start: s, end: s + 2, side: item.side, originStart: item.at.range[0], originEnd: item.at.range[0] });
          } else this.value(item, indent + 2, false);
        });
        return;
      }
    }
  }
}

/**
 * A range of the merged text placed back on the patch: the span (key or scalar) holding `start`;
 * undefined when that comes from the base (its own file reports it) or from nowhere.
 */
export function toPatchOffsets(merged: MergedText, start: number, end: number): { start: number; end: number } | undefined {
  const spanAt = (off: number, atEnd: boolean): MergeSpan | undefined => {
    let best: MergeSpan | undefined;
    for (const s of merged.spans) {
      if (off < s.start || off > s.end || (!atEnd && off === s.end && s.end > s.start) || (atEnd && off === s.start && s.end > s.start)) continue;
      if (!best || s.end - s.start < best.end - best.start) best = s;
    }
    return best;
  };
  const first = spanAt(start, false);
  if (!first || first.side !== 'patch') return undefined;
  const a = first.originStart + Math.min(start - first.start, first.originEnd - first.originStart);
  // The end in the span holding it when that is the patch's too (a key and its value), else the first span's end.
  const last = end <= first.end ? first : spanAt(end, true);
  const b = last && last.side === 'patch' && last.originStart >= first.originStart ? last.originStart + Math.min(end - last.start, last.originEnd - last.originStart) : first.originEnd;
  return { start: a, end: Math.max(a, b) };
}
