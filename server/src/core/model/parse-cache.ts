import { BoundedCache } from '../util/bounded-cache';
import { detectOwnedReader, readScalar, YAlias, YMap, YPair, YScalar, YSeq, type ParsedYaml, type Reader, type YamlError, type YNode } from './ynode';
import { parseYaml } from './yparse';

/**
 * One parse per YAML text, shared by its readers: a chart's values files are read by the host (as
 * kubectl reads YAML: helm-chart.ts) and linted as files of their own (read as YAML 1.2), and
 * without this each text was parsed twice. Owned by the Analyzer (never module state), keyed by the
 * text parsed, bounded by an estimate of the bytes its trees keep alive.
 *
 * The owned tree (ynode.ts) is the same for every reader except the scalars' values, which the
 * reader resolves from each scalar's source, style and tag when the tree is built; another reader
 * gets a copy with the values resolved for it (`forReader`: no lexing, no parsing). Nodes are never
 * written after they are built, so a tree is shared by every model of its text and reader.
 */
export class YamlParseCache {
  private readonly entries: BoundedCache<string, Entry>;
  /** Test hook: every text actually parsed (a hit calls nothing). */
  onParse?: (text: string, reader: Reader | undefined) => void;

  constructor(maxBytes = 48 * 1024 * 1024) {
    this.entries = new BoundedCache({ maxBytes, maxEntries: 4096 });
  }

  /** The summed cost of the entries kept (test hook). */
  get bytes(): number {
    return this.entries.bytes;
  }

  has(text: string): boolean {
    return this.entries.has(text);
  }

  /**
   * What `parseYaml(text, reader)` returns, from the entry of `text` when there is one. `keep`: keep
   * the parse for the next reader of the text (the chart's values files, linted later); a lint of a
   * file only looks (its parse lives with the file's state).
   */
  parse(text: string, reader: Reader | undefined, keep: boolean): ParsedYaml {
    const e = this.entries.get(text);
    if (e) {
      const r = reader ?? e.detected;
      let contents = e.trees.get(r);
      if (contents === undefined) {
        contents = forReader(e.trees.values().next().value ?? null, r);
        if (keep) {
          e.trees.set(r, contents);
          this.entries.set(text, e, costOf(text, e));
        }
      }
      return { contents, errors: e.errors.slice(), warnings: e.warnings.slice(), reader: r };
    }
    this.onParse?.(text, reader);
    const parsed = parseYaml(text, reader);
    if (keep) {
      // The reader the text's top-level keys tell (what a lint without a given reader reads it as).
      const detected = reader === undefined ? parsed.reader : detectOwnedReader(parsed.contents);
      const entry: Entry = { detected, errors: parsed.errors.slice(), warnings: parsed.warnings.slice(), trees: new Map([[parsed.reader, parsed.contents]]) };
      this.entries.set(text, entry, costOf(text, entry));
    }
    return parsed;
  }

  clear(): void {
    this.entries.clear();
  }
}

interface Entry {
  detected: Reader;
  errors: readonly YamlError[];
  warnings: readonly YamlError[];
  /** The tree for each reader asked for (the first one parsed, the others copied from it). */
  trees: Map<Reader, YNode | null>;
}

/** Bytes kept: the text, and ~16 bytes of nodes per character for each tree (measured on openstack-helm's values files: 14). */
function costOf(text: string, e: Entry): number {
  return 64 + text.length * (2 + 16 * e.trees.size);
}

/**
 * A copy of a tree with its scalars' values resolved for `reader` (keys as keys are read), exactly
 * as the builders resolve them (ycst.ts `resolveTree`, ynode.ts `Converter`). Ranges are shared (never
 * written); an alias points at the copy of its anchored node.
 */
export function forReader(root: YNode | null, reader: Reader): YNode | null {
  const copies = new Map<YNode, YNode>();
  const copy = (n: YNode | null, isKey: boolean): YNode | null => {
    if (n === null) return null;
    let out: YNode;
    if (n instanceof YScalar) {
      out = new YScalar(readScalar(n.source, n.type, n.tag, reader, isKey), n.source, n.type, n.range, n.tag, n.anchor);
    } else if (n instanceof YMap) {
      const m = new YMap(n.range, n.flow, n.tag, n.anchor);
      // Registered before the items: an alias inside may point at its own ancestor.
      if (n.anchor !== undefined) copies.set(n, m);
      for (const p of n.items) m.items.push(new YPair(copy(p.key, true), copy(p.value, false)));
      return m;
    } else if (n instanceof YSeq) {
      const s = new YSeq(n.range, n.flow, n.tag, n.anchor);
      if (n.anchor !== undefined) copies.set(n, s);
      for (const it of n.items) s.items.push(copy(it, false));
      return s;
    } else {
      const a = new YAlias(n.source, n.range);
      a.target = n.target && copies.get(n.target);
      return a;
    }
    if (n.anchor !== undefined) copies.set(n, out);
    return out;
  };
  return copy(root, false);
}
