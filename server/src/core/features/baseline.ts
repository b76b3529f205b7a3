import type { DockerfileModel } from '../model/dockerfile';
import { stageOfLine } from '../model/dockerfile-stages';
import { isMap, isScalar, isSeq, type YNode } from '../model/ynode';
import type { YamlDocModel, YamlChunk } from '../model/yaml';
import { getValue, scalarString } from '../model/yaml';
import type { LineIndex } from '../text';
import type { Finding, Position } from '../types';

/**
 * Baselines (`dockyard lint --baseline FILE`, the editor's `baseline` setting): a recorded list of
 * known findings, so that a repository adopting Dockyard sees only what is new. A finding is matched
 * by a fingerprint that survives unrelated edits — never its line:
 *
 * - rule id and the file's path (relative to the baseline file's folder);
 * - `object`: for a Kubernetes object `Kind/namespace/name` (an object in a List the same); for a
 *   Dockerfile the stage (`stage <name>` or `stage #<index>`); else empty;
 * - `at`: where in it — the YAML path of the finding's start with sequence items that have a `name`
 *   written as `[name]` (containers, volumes, env …) and others by index; in a Dockerfile the
 *   instruction keyword (`RUN`, `FROM` …); `container` is the container's name when inside one;
 * - `value`: the offending text (the first line of the finding's range, blanks collapsed).
 *
 * Equal fingerprints are counted: a baseline entry with `count: 2` absorbs two such findings, a third
 * is new. Pure: the caller gives the parsed models (the service re-parses files that are not open).
 */
export interface BaselineEntry {
  rule: string;
  path: string;
  object: string;
  at: string;
  container?: string;
  value: string;
  count: number;
}

export interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

export type Fingerprint = Omit<BaselineEntry, 'count'>;

/** The parsed shapes a fingerprint reads (whatever the file is). */
export interface FingerprintSource {
  lines: LineIndex;
  text: string;
  yaml?: { chunks: readonly YamlChunk[]; docs: readonly YamlDocModel[] };
  dockerfile?: DockerfileModel;
}

const MAX_VALUE = 200;

export function fingerprintKey(f: Fingerprint): string {
  return JSON.stringify([f.rule, f.path, f.object, f.at, f.container ?? '', f.value]);
}

/** The fingerprint of one finding of a file (`relPath`: the path as the baseline writes it). */
export function fingerprint(finding: Finding, relPath: string, src: FingerprintSource): Fingerprint {
  const value = offendingValue(src, finding);
  const out: Fingerprint = { rule: finding.rule, path: relPath, object: '', at: '', value };
  if (src.yaml) yamlPlace(src.yaml, finding.range.start, out);
  else if (src.dockerfile) dockerfilePlace(src.dockerfile, finding.range.start.line, out);
  return out;
}

function offendingValue(src: FingerprintSource, f: Finding): string {
  const a = src.lines.offsetAt(f.range.start);
  let b = src.lines.offsetAt(f.range.end);
  const nl = src.text.indexOf('\n', a);
  if (nl >= 0 && nl < b) b = nl;
  return src.text.slice(a, Math.min(b, a + MAX_VALUE * 4)).replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);
}

function yamlPlace(y: NonNullable<FingerprintSource['yaml']>, pos: Position, out: Fingerprint): void {
  // The document containing the position (binary search over the chunks' first lines).
  let lo = 0;
  let hi = y.chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (y.chunks[mid].startLine <= pos.line) lo = mid;
    else hi = mid - 1;
  }
  const chunk = y.chunks[lo];
  let doc = y.docs[lo];
  if (!chunk || !doc) return;
  const rel = doc.lines.offsetAt({ line: pos.line - chunk.startLine, character: pos.character });
  // An object of a List: the item holding the position.
  for (const item of doc.listItems) {
    const r = item.contents?.range;
    if (r && rel >= r[0] && rel <= r[1]) {
      doc = item;
      break;
    }
  }
  const id = doc.k8s;
  if (id) out.object = `${id.kind}/${id.namespace ?? ''}/${id.name ?? ''}`;
  const { path, container } = namedPath(doc.contents, rel);
  out.at = path;
  if (container !== undefined) out.container = container;
}

const CONTAINER_LISTS: ReadonlySet<string> = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** The path of the deepest node holding `offset`: keys, `[name]` for named items, else `[index]`. */
function namedPath(root: YNode | null, offset: number): { path: string; container?: string } {
  let cur: YNode | null = root;
  let path = '';
  let container: string | undefined;
  let lastKey = '';
  for (let depth = 0; cur && depth < 256; depth++) {
    let next: YNode | null = null;
    if (isMap(cur)) {
      for (const it of cur.items) {
        const k = it.key as YNode | null;
        const v = it.value as YNode | null;
        const start = k?.range?.[0] ?? v?.range?.[0];
        const end = v?.range?.[1] ?? k?.range?.[1];
        // Start inclusive, end exclusive: a node's range may reach the next key's first character.
        if (start === undefined || end === undefined || offset < start || offset >= end) continue;
        const key = isScalar(k) ? String(k.value) : '?';
        path += path ? `.${key}` : key;
        lastKey = key;
        if (v && v.range && offset >= v.range[0] && (isMap(v) || isSeq(v))) next = v;
        break;
      }
    } else if (isSeq(cur)) {
      for (let i = 0; i < cur.items.length; i++) {
        const item = cur.items[i] as YNode | null;
        if (!item?.range || offset < item.range[0] || offset >= item.range[1]) continue;
        const name = isMap(item) ? scalarString(getValue(item, 'name')) : undefined;
        path += name !== undefined ? `[${name}]` : `[${i}]`;
        if (CONTAINER_LISTS.has(lastKey) && name !== undefined) container = name;
        if (isMap(item) || isSeq(item)) next = item;
        break;
      }
    }
    cur = next;
  }
  return { path, container };
}

function dockerfilePlace(model: DockerfileModel, line: number, out: Fingerprint): void {
  const stage = stageOfLine(model, line);
  if (stage) out.object = stage.name ? `stage ${stage.name}` : `stage #${stage.index}`;
  // The instruction holding the line (binary search over the instructions' ranges).
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid].getRange();
    if (line < r.start.line) hi = mid - 1;
    else if (line > r.end.line) lo = mid + 1;
    else {
      out.at = list[mid].getKeyword().toUpperCase();
      return;
    }
  }
}

/** A baseline of these fingerprints (equal ones counted), in a stable order. */
export function buildBaseline(prints: readonly Fingerprint[]): BaselineFile {
  const byKey = new Map<string, BaselineEntry>();
  for (const p of prints) {
    const k = fingerprintKey(p);
    const e = byKey.get(k);
    if (e) e.count++;
    else byKey.set(k, { ...p, count: 1 });
  }
  const findings = [...byKey.values()].sort((a, b) => cmpStr(fingerprintKey(a), fingerprintKey(b)));
  return { version: 1, findings };
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function serializeBaseline(b: BaselineFile): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Parse a baseline file's text; `error` says why it cannot be used (never silently empty). */
export function parseBaseline(text: string): { baseline: BaselineFile } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  }
  const o = raw as { version?: unknown; findings?: unknown };
  if (!o || typeof o !== 'object' || o.version !== 1 || !Array.isArray(o.findings)) return { error: 'expected {"version": 1, "findings": [...]}' };
  const findings: BaselineEntry[] = [];
  for (const f of o.findings as Record<string, unknown>[]) {
    if (!f || typeof f !== 'object' || typeof f.rule !== 'string' || typeof f.path !== 'string') return { error: 'an entry without "rule" and "path"' };
    const e: BaselineEntry = {
      rule: f.rule,
      path: f.path,
      object: typeof f.object === 'string' ? f.object : '',
      at: typeof f.at === 'string' ? f.at : '',
      value: typeof f.value === 'string' ? f.value : '',
      count: typeof f.count === 'number' && f.count >= 1 ? Math.floor(f.count) : 1,
    };
    if (typeof f.container === 'string') e.container = f.container;
    findings.push(e);
  }
  return { baseline: { version: 1, findings } };
}

/**
 * Matches the fingerprints of current findings against a baseline: `baselined[i]` says whether the
 * i-th print is absorbed by an entry (each entry absorbs at most `count`, first come first served);
 * `stale` are the entries (with the count left over) that matched fewer findings than recorded.
 */
export class BaselineMatcher {
  private readonly left = new Map<string, number>();
  private readonly totals = new Map<string, number>();
  private readonly entries = new Map<string, BaselineEntry>();

  constructor(baseline: BaselineFile) {
    for (const e of baseline.findings) {
      const k = fingerprintKey(e);
      this.left.set(k, (this.left.get(k) ?? 0) + e.count);
      this.totals.set(k, (this.totals.get(k) ?? 0) + e.count);
      if (!this.entries.has(k)) this.entries.set(k, e);
    }
  }

  /** Whether the baseline absorbs this finding (consumes one of its entry's count). */
  take(p: Fingerprint): boolean {
    const k = fingerprintKey(p);
    const n = this.left.get(k) ?? 0;
    if (n <= 0) return false;
    this.left.set(k, n - 1);
    return true;
  }

  /** Entries not (fully) matched by the findings taken so far, with the unmatched count. */
  stale(): BaselineEntry[] {
    const out: BaselineEntry[] = [];
    for (const [k, n] of this.left) if (n > 0) out.push({ ...this.entries.get(k)!, count: n });
    return out;
  }

  /** The baseline without its stale part (what `--prune-baseline --write-baseline` writes). */
  pruned(): BaselineFile {
    const findings: BaselineEntry[] = [];
    for (const [k, e] of this.entries) {
      const used = (this.totals.get(k) ?? 0) - (this.left.get(k) ?? 0);
      if (used > 0) findings.push({ ...e, count: used });
    }
    return { version: 1, findings: findings.sort((a, b) => cmpStr(fingerprintKey(a), fingerprintKey(b))) };
  }
}
