import { compareVersions } from '../schema';
import { DEPRECATION_ROWS, type DeprecationRow } from './deprecations-data';

export type { DeprecationRow };

/**
 * API lifecycle: which apiVersion/kind pairs are deprecated or removed, relative to the Kubernetes
 * version the user targets. Data: data/kubernetes/deprecations.tsv, embedded by
 * scripts/gen-k8s-deprecations.mjs as `DEPRECATION_ROWS`.
 */
export interface LifecycleStatus {
  row: DeprecationRow;
  /** True when the selected version no longer serves the API. */
  removed: boolean;
  /** The replacement apiVersion, when there is one. */
  replacementApiVersion?: string;
  /** The replacement kind when it differs from the document's kind. */
  replacementKind?: string;
  /** Field changes and other user-relevant notes (provenance remarks dropped). */
  notes: string;
}

/** Parse deprecations.tsv (header + 6 tab-separated columns). Throws on malformed rows. */
export function parseDeprecationsTsv(text: string): DeprecationRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  const expected = ['group_version', 'kind', 'removed_in', 'replacement', 'mechanical', 'notes'];
  if (header.join('\t') !== expected.join('\t')) throw new Error(`unexpected header ${header.join(',')}`);
  return lines.map((l, i) => {
    const c = l.split('\t');
    if (c.length !== 6) throw new Error(`line ${i + 2}: ${c.length} columns`);
    if (c[4] !== 'yes' && c[4] !== 'no') throw new Error(`line ${i + 2}: mechanical must be yes or no`);
    return { groupVersion: c[0], kind: c[1], removedIn: c[2], replacement: c[3], mechanical: c[4] === 'yes', notes: c[5] };
  });
}

/** The embedded rows by `groupVersion\nkind` (a constant: built once from the embedded table). */
const BY_KEY: ReadonlyMap<string, DeprecationRow> = new Map(DEPRECATION_ROWS.map((r) => [`${r.groupVersion}\n${r.kind}`, r]));

export function deprecationRow(apiVersion: string, kind: string): DeprecationRow | undefined {
  return BY_KEY.get(`${apiVersion}\n${kind}`);
}

/** "1.35" from "v1.35.2" / "1.35"; undefined when the text names no version. */
export function minorVersion(v: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(v.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

/** The lifecycle status of an apiVersion/kind for the selected version, or undefined when it is current. */
export function lifecycleOf(apiVersion: string, kind: string, selectedVersion: string): LifecycleStatus | undefined {
  const row = deprecationRow(apiVersion, kind);
  if (!row) return undefined;
  const removed = row.removedIn !== '-' && compareVersions(selectedVersion, row.removedIn) >= 0;
  const status: LifecycleStatus = { row, removed, notes: userNotes(row.notes) };
  if (row.replacement !== 'none') {
    const [apiV, otherKind] = row.replacement.split(/\s+/);
    status.replacementApiVersion = apiV;
    if (otherKind && otherKind !== kind) status.replacementKind = otherKind;
  }
  return status;
}

/** Notes segments that record where a row comes from rather than what changes. */
const PROVENANCE = [/^src=/, /^not in guide revision read/, /^schema identical/, /^no notable changes/, /^no changes listed/, /^guide\b/, /own inference/];

/** The notes column without provenance remarks: what a user has to change. */
export function userNotes(notes: string): string {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < notes.length; i++) {
    const c = notes[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (c === ';' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  parts.push(cur.trim());
  return parts.filter((p) => p && !PROVENANCE.some((re) => re.test(p))).join('; ');
}
