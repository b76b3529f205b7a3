import type { DockyardConfig } from '../config/config';
import type { Providers } from '../providers';
import { msg } from '../messages/catalog';
import { MASK, showMasked } from '../model/helm';
import { valuesRange, type HelmChart } from '../model/helm-chart';
import {
  branchPaths,
  branchStatus,
  describeBranch,
  usesCapabilities,
  type Branch,
  type Capabilities,
  type HelmDocInfo,
  type IncludeRef,
} from '../model/helm-template';
import type { YamlDocModel } from '../model/yaml';
import type { Finding, Message, Range, RelatedInformation } from '../types';
import { lifecycleOf } from './lifecycle';
import { locatePath } from './locate';
import { kindIndex, schemaStore, schemaVersion, selectedVersion } from './schema';
import { DEPRECATION_ROWS } from './deprecations-data';

/**
 * What a finding in a Helm template depends on: the branch conditions around it (decided with the
 * chart's default values, the override files and the selected Kubernetes version), the default
 * values written in for plain `{{ .Values.x }}` scalars, and the `include`s Dockyard cannot render.
 */

/** `.Capabilities` of a cluster at the selected Kubernetes version (the bundled schema and API lifecycle table). */
export function capabilitiesFor(config: DockyardConfig, providers: Providers): Capabilities {
  const store = schemaStore(providers);
  const sv = schemaVersion(config, store);
  const sel = selectedVersion(config, store);
  return {
    kubeVersion: `${sel}.0`,
    has(api: string): boolean | undefined {
      const parts = api.split('/');
      let apiVersion: string;
      let kind: string | undefined;
      if (parts.length === 3) [apiVersion, kind] = [`${parts[0]}/${parts[1]}`, parts[2]];
      else if (parts.length === 2 && /^[A-Z]/.test(parts[1])) [apiVersion, kind] = [parts[0], parts[1]];
      else apiVersion = api;
      if (kind) {
        const lc = lifecycleOf(apiVersion, kind, sel);
        if (lc) return !lc.removed;
        const known = store.knows(sv, apiVersion, kind);
        if (known === 'known') return true;
        return known === 'unknown-kind' ? false : undefined;
      }
      if (kindIndex(providers, sv).byApiVersion.has(apiVersion)) return true;
      const rows = DEPRECATION_ROWS.filter((r) => r.groupVersion === apiVersion);
      if (rows.length) return rows.some((r) => !lifecycleOf(r.groupVersion, r.kind, sel)?.removed);
      return undefined;
    },
  };
}

/** Rules whose verdict reads a container's securityContext (an include there may set it). */
const CONTAINER_CONTEXT_RULES: ReadonlySet<string> = new Set([
  'privileged-container',
  'privilege-escalation',
  'capabilities-not-dropped',
  'dangerous-capability',
  'writable-root-filesystem',
  'proc-mount-unmasked',
]);
/** Rules whose verdict also reads the pod's securityContext (runAsNonRoot, seccomp, AppArmor, SELinux, sysctls, Windows options). */
const POD_CONTEXT_RULES: ReadonlySet<string> = new Set(['run-as-root', 'seccomp-unconfined', 'apparmor-unconfined', 'selinux-options', 'unsafe-sysctl', 'host-process']);

/** An include that renders a securityContext: named so (`…security_context…`), or the value of a `securityContext:` key. */
function securityInclude(doc: YamlDocModel, inc: IncludeRef): boolean {
  if (/security[_-]?context/i.test(inc.name)) return true;
  const line = doc.lines.positionAt(inc.start).line;
  for (let l = line - 1; l >= 0 && l >= line - 3; l--) {
    const t = doc.text.slice(doc.lines.lineStarts[l], doc.lines.lineEnd(l)).trim();
    if (t === '') continue;
    return /^(?:-\s+)?securityContext:\s*$/.test(t);
  }
  return false;
}

/** The indentation an include renders at (`indent N`, `nindent N`), else its column. */
function renderedIndent(doc: YamlDocModel, inc: { start: number; end: number }): number {
  const m = /[\s|(]n?indent\s+(\d+)/.exec(doc.original.slice(inc.start, inc.end));
  return m ? Number(m[1]) : doc.lines.positionAt(inc.start).character;
}

function lineText(doc: YamlDocModel, l: number): string {
  return doc.text.slice(doc.lines.lineStarts[l], doc.lines.lineEnd(l));
}

/** The field indentation of a line (`- name:` counts the item's fields), or -1 when blank. */
function fieldIndent(doc: YamlDocModel, l: number): number {
  const t = lineText(doc, l);
  const m = /^(\s*)(-\s+)?(\S)?/.exec(t)!;
  if (m[3] === undefined && !m[2]) return -1;
  return m[1].length + (m[2]?.length ?? 0);
}

const MAX_SCAN = 4000;

/**
 * Whether the lines strictly between `a` and `b` stay in one object whose fields sit at `min`: none
 * is indented less, and none starts another item of a list whose items' fields sit at `min`.
 */
function contiguous(doc: YamlDocModel, a: number, b: number, min: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  if (hi - lo > MAX_SCAN) return false;
  for (let l = lo + 1; l < hi; l++) {
    const i = fieldIndent(doc, l);
    if (i < 0 || lineText(doc, l).trimStart().startsWith('#')) continue;
    if (i < min || (i === min && /^\s*-\s/.test(lineText(doc, l)))) return false;
  }
  return true;
}

/**
 * Whether what sits at line `at` (rendered at indentation `d`) belongs to the object the finding at
 * line `line` is reported on (`own`: a container's own fields), or to an ancestor of it (`ancestor`:
 * the pod spec around a container), or neither.
 */
function dependsOn(doc: YamlDocModel, line: number, at: number, d: number): 'own' | 'ancestor' | undefined {
  const k = fieldIndent(doc, line);
  if (k < 0) return undefined;
  const t = lineText(doc, line).trimEnd();
  const objectLine = /:$/.test(t) || /^\s*-\s/.test(t);
  if (at > line && d >= k && objectLine && contiguous(doc, line, at, k)) return 'own';
  if (d < k && contiguous(doc, line, at, d)) return 'ancestor';
  return undefined;
}

interface LineBranches {
  innermost: (Branch | undefined)[];
}

/** The innermost branch of each line of the document (memoized per document). */
function lineBranches(doc: YamlDocModel, info: HelmDocInfo): LineBranches {
  return doc.memoize('helm.lineBranches', () => {
    const n = doc.lines.lineCount;
    const innermost: (Branch | undefined)[] = new Array(n).fill(undefined);
    const len = doc.original.length;
    // Chains come in the order they open, so an outer branch is written before the ones inside it.
    for (const b of info.branches) {
      if (b.chain.kind === 'range' || b.chain.kind === 'define' || b.chain.inline) continue;
      const s = Math.max(0, b.start - info.offset);
      const e = Math.min(len, b.end - info.offset);
      if (s >= e) continue;
      let first = doc.lines.positionAt(s).line;
      const firstEnd = doc.lines.lineEnd(first);
      if (doc.original.slice(s, firstEnd).trim() === '') first++;
      const endPos = doc.lines.positionAt(e);
      let last = endPos.line;
      if (doc.original.slice(doc.lines.lineStarts[last], e).trim() === '') last--;
      for (let l = Math.max(0, first); l <= Math.min(n - 1, last); l++) innermost[l] = b;
    }
    return { innermost };
  });
}

function enclosing(doc: YamlDocModel, info: HelmDocInfo, line: number): Branch[] {
  const out: Branch[] = [];
  let b = lineBranches(doc, info).innermost[line];
  let guard = 0;
  while (b && guard++ < 128) {
    // A `with` over something other than values (`with $envAll`) only rebinds `.`: no condition.
    if (b.chain.kind === 'if' || (b.chain.kind === 'with' && !(b.cond?.t === 'unknown' && b.index === 0))) out.unshift(b);
    b = b.chain.parent;
  }
  return out;
}

const MAX_NOTES = 4;

/** Whether an edit (document-relative range) touches a default value written in for a `{{ .Values.x }}` action. */
export function editsSubstitution(doc: YamlDocModel, info: HelmDocInfo, range: Range): boolean {
  if (!info.substitutions.length) return false;
  const a = doc.lines.offsetAt(range.start);
  const b = doc.lines.offsetAt(range.end);
  return info.substitutions.some((s) => a < s.end && b > s.start);
}

/** A message whose arguments hold template expressions shows them as `{{…}}` (unknowable, never an empty or invisible text). */
function unmasked(m: Message): Message {
  if (!m.args || !Object.values(m.args).some((v) => typeof v === 'string' && v.includes(MASK))) return m;
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.args)) args[k] = typeof v === 'string' ? showMasked(v) : v;
  return { ...m, args };
}

export interface HelmFindingContext {
  doc: YamlDocModel;
  info: HelmDocInfo;
  chart: HelmChart | undefined;
  caps: Capabilities;
  selectedVersion: string;
}

/**
 * A finding of a Helm template (document-relative) with its conditions named: information level
 * when a condition it renders under is off with the default values (or the selected version),
 * the condition named at its own level when undecidable; default values it used and includes it
 * depends on said in notes and related information. `deviations`: the branches of the variant the
 * finding came from that the default variant does not keep.
 */
export function annotateHelmFinding(f: Finding, h: HelmFindingContext, deviations: readonly Branch[]): Finding {
  const { doc, info, chart, caps } = h;
  const line = f.range.start.line;
  const conds = enclosing(doc, info, line);
  for (const d of deviations) if (!conds.includes(d)) conds.push(d);
  const notes: Message[] = [];
  const related: RelatedInformation[] = [];
  let off = false;
  const defaults = chart?.defaults;
  // A subchart the parent chart's Chart.yaml switches off with the parent's default values.
  const dep = chart?.dependency;
  if (dep && !dep.enabled && dep.by) {
    off = true;
    notes.push(msg('helm.when.dependency.off', { chart: dep.name, parent: dep.file, condition: dep.by, file: dep.valuesFile }));
    if (dep.range) related.push({ path: dep.path, range: dep.range, message: msg('helm.related.condition', { condition: dep.by }) });
  }
  for (const b of conds) {
    const st = branchStatus(b, defaults?.value, caps);
    if (st === true) continue;
    if (notes.length >= MAX_NOTES) break;
    const desc = describeBranch(b, defaults?.value);
    const form = desc.plain ?? 'expr';
    if (st === false) {
      off = true;
      const byValues = branchStatus(b, defaults?.value, undefined) === false;
      const capsInvolved = b.chain.branches.slice(0, b.index + 1).some((x) => x.cond && usesCapabilities(x.cond));
      if (!byValues && capsInvolved) notes.push(msg('helm.when.cluster', { condition: desc.text, version: h.selectedVersion }));
      else {
        const override = chart?.overrides.find((o) => branchStatus(b, o.value, caps) === true, branchPaths(b));
        const file = defaults?.file ?? 'values.yaml';
        notes.push(override ? msg(`helm.when.override.${form}`, { condition: desc.text, file, override: override.file }) : msg(`helm.when.off.${form}`, { condition: desc.text, file }));
      }
    } else notes.push(msg(`helm.when.unknown.${form}`, { condition: desc.text }));
    const marker = b.marker - info.offset;
    if (marker >= 0 && marker < doc.original.length) {
      const end = doc.original.indexOf('}}', marker);
      related.push({ range: doc.rangeOfOffsets(marker, end < 0 ? marker : end + 2), message: msg('helm.related.condition', { condition: desc.text }) });
    }
  }
  // Default values written in for plain `{{ .Values.x }}` scalars the finding rests on.
  const endLine = f.range.end.line;
  const deep = CONTAINER_CONTEXT_RULES.has(f.rule) || POD_CONTEXT_RULES.has(f.rule);
  for (const s of info.substitutions) {
    const l = doc.lines.positionAt(s.start).line;
    const onLine = l >= line && l <= endLine;
    if (!onLine && !(deep && l > line && dependsOn(doc, line, l, fieldIndent(doc, l)) === 'own')) continue;
    if (notes.length >= MAX_NOTES + 2) break;
    const field = /([A-Za-z0-9_.\/-]+):\s*$/.exec(doc.original.slice(doc.lines.lineStarts[l], s.start))?.[1] ?? s.path[s.path.length - 1];
    const file = defaults?.file ?? 'values.yaml';
    const path = s.path.join('.');
    notes.push(msg(s.fromDefault ? 'helm.value.templateDefault' : 'helm.value.default', { field, value: s.value, path, file }));
    if (defaults) {
      const loc = locatePath(defaults.doc, s.path);
      const last = loc.complete ? loc.steps[loc.steps.length - 1] : undefined;
      const node = last?.pair ?? last?.node;
      if (node) related.push({ path: defaults.path, range: valuesRange(defaults, node), message: msg('helm.related.value', { path, value: s.value }) });
    }
  }
  if (deep) {
    for (const inc of info.includes) {
      if (!securityInclude(doc, inc)) continue;
      const l = doc.lines.positionAt(inc.start).line;
      const rel = dependsOn(doc, line, l, renderedIndent(doc, inc));
      if (!rel || (rel === 'ancestor' && !POD_CONTEXT_RULES.has(f.rule))) continue;
      related.push({ range: doc.rangeOfOffsets(inc.start, inc.end), message: msg('helm.related.include', { field: 'securityContext', name: inc.name }) });
      if (related.length > 12) break;
    }
  }
  const message = unmasked(f.message);
  if (!notes.length && !related.length && message === f.message) return f;
  return {
    ...f,
    ...(off ? { severity: 'information' as const } : {}),
    message: notes.length ? { ...message, notes: [...(message.notes ?? []), ...notes] } : message,
    ...(related.length ? { related: [...(f.related ?? []), ...related] } : {}),
  };
}
