import { isScalar, isSeq, parseDocument } from 'yaml';
import { LineIndex } from './text';
import type { Finding, Range, TextEdit } from './types';
import { msg } from './messages/catalog';
import { getMap, isMap, scalarString, type YamlDocModel } from './model/yaml';

/**
 * Suppressions (shared/spec/RULES.md, "Suppression"):
 * - `# dockyard-ignore rule-id[,rule-id]: reason` on the line(s) right above the finding's line
 *   (YAML node or Dockerfile instruction);
 * - `# dockyard-ignore-file rule-id: reason` anywhere in a YAML document (applies to that document);
 * - the `dockyard.io/ignore: "rule-id[,rule-id]"` annotation on the object's metadata (caller passes it).
 * A suppression without a reason is reported as `suppression-without-reason`.
 *
 * Migration (issue #14): the suppressions of other tools are honoured, mapped through the rules'
 * `equivalents` (`hadolint:DL3008` → `unpinned-os-package`):
 * - hadolint: `# hadolint ignore=DL3008,DL3015` (the instruction on the next line only, as hadolint),
 *   `# hadolint global ignore=…` (the whole file), `# hadolint stage ignore=…` (the stage whose FROM
 *   follows), and the `ignored:` list of the repository's `.hadolint.yaml` (the whole file);
 * - kube-linter: `ignore-check.kube-linter.io/<check>` and `kube-linter.io/ignore-all` annotations on
 *   the object's metadata (kube-linter reads the object's own annotations, not the pod template's);
 * - Polaris: `polaris.fairwinds.com/<check>-exempt: "true"` and `polaris.fairwinds.com/exempt: "true"`
 *   on the controller's metadata (Polaris' documented annotations are the controller's).
 * A migrated suppression's reason is "migrated from <tool>" (no `suppression-without-reason`) unless
 * `suppressions.requireReason` asks for written reasons everywhere; then a hadolint pragma's reason
 * is its trailing `# comment`, a `.hadolint.yaml` entry's its line comment, a kube-linter annotation's
 * its value (Polaris' value is `true`: it has none). A code no Dockyard rule lists among its
 * equivalents is reported as `unknown-code-in-suppression` (hint).
 */
export type SuppressionTool = 'dockyard' | 'hadolint' | 'kube-linter' | 'polaris';
export type SuppressionForm = 'comment' | 'file-comment' | 'global-comment' | 'stage-comment' | 'annotation' | 'config';

export interface Suppression {
  line: number;
  rules: string[];
  /** The written reason ('' when none). */
  reason: string;
  fileWide: boolean;
  range: Range;
  /** Whose syntax it is (absent: Dockyard's own). */
  tool?: SuppressionTool;
  form?: SuppressionForm;
  /** A migrated suppression: each code it names and the Dockyard rules that list it as an equivalent. */
  codes?: { code: string; rules: string[] }[];
  /** It lives in another file (`.hadolint.yaml`): that file's path; `line`/`range` are in it. */
  file?: string;
  /** hadolint's inline pragma: only the instruction on the very next line. */
  nextLineOnly?: boolean;
  /** hadolint's stage pragma: the last line of the stage it covers (from `line + 1`). */
  until?: number;
}

/** The Dockyard rules that list `tool:code` among their equivalents, and every rule that lists the tool. */
export interface EquivalentLookup {
  rules(tool: string, code: string): readonly string[];
  allOf(tool: string): readonly string[];
}

const IGNORE = /^(\s*)#\s*dockyard-ignore(-file)?(?=[\s:]|$)\s*([^:]*?)\s*(?::\s*(.*?))?\s*$/;

export function parseSuppressions(lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  const text = lines.text;
  if (!text.includes('dockyard-ignore')) return out;
  for (let l = 0; l < lines.lineCount; l++) {
    const s = lines.lineText(l);
    if (!s.includes('dockyard-ignore')) continue;
    const m = IGNORE.exec(s);
    if (!m) continue;
    const rules = m[3]
      .split(/[\s,]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    out.push({
      line: l,
      rules,
      reason: (m[4] ?? '').trim(),
      fileWide: !!m[2],
      range: { start: { line: l, character: m[1].length }, end: { line: l, character: s.length } },
    });
  }
  return out;
}

/**
 * hadolint's pragmas (its `Hadolint.Pragma` grammar: `hadolint`, optional `global`/`stage`, `ignore`,
 * `=`, a comma list of codes made of `DLSC0-9`, an optional trailing `# comment`).
 */
const HADOLINT = /^([ \t]*)#[ \t]*hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=[ \t]*([DLSC0-9]+(?:[ \t]*,[ \t]*[DLSC0-9]+)*)[ \t]*(?:#(.*))?$/;

/**
 * The hadolint pragmas of a Dockerfile. `stageEnd(line)` gives the last line of the stage whose FROM
 * is on `line` (undefined when no FROM is there: hadolint then ignores the pragma).
 */
export function parseHadolintPragmas(lines: LineIndex, lookup: EquivalentLookup, stageEnd: (fromLine: number) => number | undefined): Suppression[] {
  const out: Suppression[] = [];
  if (!lines.text.includes('hadolint')) return out;
  for (let l = 0; l < lines.lineCount; l++) {
    const s = lines.lineText(l);
    if (!s.includes('hadolint')) continue;
    const m = HADOLINT.exec(s);
    if (!m) continue;
    const codes = m[3].split(',').map((c) => c.trim());
    const mapped = mapCodes('hadolint', codes, lookup);
    const form: SuppressionForm = m[2] === 'global' ? 'global-comment' : m[2] === 'stage' ? 'stage-comment' : 'comment';
    const sup: Suppression = {
      line: l,
      rules: mapped.rules,
      reason: (m[4] ?? '').trim(),
      fileWide: form === 'global-comment',
      range: { start: { line: l, character: m[1].length }, end: { line: l, character: s.length } },
      tool: 'hadolint',
      form,
      codes: mapped.codes,
    };
    if (form === 'comment') sup.nextLineOnly = true;
    if (form === 'stage-comment') {
      const end = stageEnd(l + 1);
      if (end === undefined) continue;
      sup.until = end;
    }
    out.push(sup);
  }
  return out;
}

/**
 * The `ignored:` list of a `.hadolint.yaml` (hadolint's configuration file), as file-wide
 * suppressions located in that file. Entries that are not strings are skipped; a broken file gives
 * none (hadolint refuses it too).
 */
export function parseHadolintConfig(file: string, text: string, lookup: EquivalentLookup): Suppression[] {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) return [];
  const seq = doc.get('ignored', true);
  if (!isSeq(seq)) return [];
  const lines = new LineIndex(text);
  const out: Suppression[] = [];
  for (const item of seq.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
    const code = item.value.trim();
    const mapped = mapCodes('hadolint', [code], lookup);
    const range = lines.rangeOf(item.range[0], item.range[1]);
    out.push({
      line: range.start.line,
      rules: mapped.rules,
      reason: (item.comment ?? '').trim(),
      fileWide: true,
      range,
      tool: 'hadolint',
      form: 'config',
      codes: mapped.codes,
      file,
    });
  }
  return out;
}

const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';
const KUBE_LINTER_ALL = 'kube-linter.io/ignore-all';
const POLARIS_PREFIX = 'polaris.fairwinds.com/';
const POLARIS_ALL = 'polaris.fairwinds.com/exempt';

/**
 * The suppressions an object's `metadata.annotations` hold: `dockyard.io/ignore` (Dockyard's own)
 * and the kube-linter / Polaris annotations, each located at its key (ranges in the document).
 */
export function annotationSuppressions(model: YamlDocModel, lookup?: EquivalentLookup): Suppression[] {
  const root = model.contents;
  if (!isMap(root)) return [];
  const ann = getMap(getMap(root, 'metadata'), 'annotations');
  if (!ann) return [];
  const out: Suppression[] = [];
  for (const pair of ann.items) {
    const key = scalarString(pair.key);
    if (!key) continue;
    const value = scalarString(pair.value) ?? '';
    const at = (): { line: number; range: Range } => {
      const range = model.keyRange(pair);
      return { line: range.start.line, range };
    };
    if (key === 'dockyard.io/ignore') {
      const rules = value.split(/[\s,]+/).filter(Boolean);
      if (rules.length) out.push({ ...at(), rules, reason: '', fileWide: true, form: 'annotation' });
      continue;
    }
    if (!lookup) continue;
    let tool: SuppressionTool | undefined;
    let code: string | undefined;
    let all = false;
    if (key.startsWith(KUBE_LINTER_CHECK)) {
      tool = 'kube-linter';
      code = key.slice(KUBE_LINTER_CHECK.length);
    } else if (key === KUBE_LINTER_ALL) {
      tool = 'kube-linter';
      all = true;
    } else if (key === POLARIS_ALL || (key.startsWith(POLARIS_PREFIX) && key.endsWith('-exempt'))) {
      // Polaris exempts only when the value is true.
      if (value.trim().toLowerCase() !== 'true') continue;
      tool = 'polaris';
      if (key === POLARIS_ALL) all = true;
      else code = key.slice(POLARIS_PREFIX.length, key.length - '-exempt'.length);
    }
    if (!tool) continue;
    const reason = tool === 'kube-linter' ? value.trim() : '';
    if (all) {
      const rules = [...lookup.allOf(tool)];
      out.push({ ...at(), rules, reason, fileWide: true, tool, form: 'annotation', codes: [{ code: '*', rules }] });
    } else if (code) {
      const mapped = mapCodes(tool, [code], lookup);
      out.push({ ...at(), rules: mapped.rules, reason, fileWide: true, tool, form: 'annotation', codes: mapped.codes });
    }
  }
  return out;
}

function mapCodes(tool: string, codes: string[], lookup: EquivalentLookup): { rules: string[]; codes: { code: string; rules: string[] }[] } {
  const rules = new Set<string>();
  const out = codes.map((code) => {
    const r = [...lookup.rules(tool, code)];
    r.forEach((x) => rules.add(x));
    return { code, rules: r };
  });
  return { rules: [...rules], codes: out };
}

export interface SuppressionProblemOptions {
  /** `suppressions.requireReason`: migrated suppressions need a written reason too. */
  requireReason?: boolean;
}

export class SuppressionSet {
  private readonly byLine = new Map<number, Suppression[]>();
  private readonly fileWide = new Map<string, Suppression>();
  private readonly staged: Suppression[] = [];

  constructor(
    readonly list: Suppression[],
    private readonly lines: LineIndex,
    /** Object-wide suppressions from annotations and repository configuration (not comments of this text). */
    readonly annotations: Suppression[] = [],
  ) {
    for (const s of list) {
      if (s.fileWide) this.addFileWide(s);
      else if (s.until !== undefined) this.staged.push(s);
      else {
        const arr = this.byLine.get(s.line) ?? [];
        arr.push(s);
        this.byLine.set(s.line, arr);
      }
    }
    annotations.forEach((s) => this.addFileWide(s));
  }

  private addFileWide(s: Suppression): void {
    for (const r of s.rules) if (!this.fileWide.has(r)) this.fileWide.set(r, s);
  }

  /** The same comments with more object-wide suppressions (a `.hadolint.yaml`, a List item's annotations). */
  with(extra: Suppression[]): SuppressionSet {
    return extra.length ? new SuppressionSet(this.list, this.lines, [...this.annotations, ...extra]) : this;
  }

  /** Is `rule` suppressed for a finding anchored at `line` (the node's or instruction's first line)? */
  suppresses(rule: string, line: number): boolean {
    return this.suppressedBy(rule, line) !== undefined;
  }

  /** The suppression that silences `rule` at `line`, if any. */
  suppressedBy(rule: string, line: number): Suppression | undefined {
    const wide = this.fileWide.get(rule) ?? this.fileWide.get('all');
    if (wide) return wide;
    for (const s of this.staged) if (line > s.line && line <= s.until! && s.rules.includes(rule)) return s;
    // Walk up over the contiguous comment lines right above the anchor line.
    for (let l = line - 1; l >= 0; l--) {
      const t = this.lines.lineText(l).trim();
      if (!t.startsWith('#')) break;
      const here = this.byLine.get(l);
      if (!here) continue;
      for (const s of here) {
        if (s.nextLineOnly && l !== line - 1) continue;
        if (s.rules.includes(rule) || (!s.tool && s.rules.includes('all'))) return s;
      }
    }
    return undefined;
  }

  /** Findings about the suppressions themselves (missing reason, unknown rule id or code). */
  problems(knownRules: (id: string) => boolean, opts: SuppressionProblemOptions = {}): Finding[] {
    const out: Finding[] = [];
    const migrated = [...this.list, ...this.annotations].filter((s) => s.tool && s.tool !== 'dockyard' && !s.file);
    if (opts.requireReason) {
      // Entries of a repository configuration file (`.hadolint.yaml`) are reported at the top of the file they silence.
      for (const s of this.annotations) {
        if (!s.file || s.reason) continue;
        out.push({
          rule: 'suppression-without-reason',
          severity: 'information',
          message: msg('rule.suppression-without-reason.config', { file: s.file, line: s.line + 1, codes: (s.codes ?? []).map((c) => c.code).join(',') }),
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        });
      }
    }
    for (const s of this.list) {
      if (s.tool) continue;
      if (!s.reason) {
        out.push({
          rule: 'suppression-without-reason',
          severity: 'information',
          message: msg('rule.suppression-without-reason.message', { rules: s.rules.join(',') || '…' }),
          range: s.range,
        });
      }
      for (const r of s.rules) {
        if (r !== 'all' && !knownRules(r)) {
          out.push({
            rule: 'unknown-rule-in-suppression',
            severity: 'warning',
            message: msg('rule.unknown-rule-in-suppression.message', { rule: r }),
            range: s.range,
          });
        }
      }
    }
    for (const s of migrated) {
      const tool = s.tool!;
      if (opts.requireReason && !s.reason) {
        out.push({
          rule: 'suppression-without-reason',
          severity: 'information',
          message: msg('rule.suppression-without-reason.migrated', { tool, codes: (s.codes ?? []).map((c) => c.code).join(',') }),
          range: s.range,
        });
      }
      for (const c of s.codes ?? []) {
        if (c.rules.length || c.code === '*') continue;
        out.push({
          rule: 'unknown-code-in-suppression',
          severity: 'hint',
          message: msg('rule.unknown-code-in-suppression.message', { tool, code: c.code }),
          range: s.range,
        });
      }
    }
    return out;
  }
}

/** The "Ignore rule here" edit: a comment line above `anchorLine`, indented like it. */
export function suppressionEdit(lines: LineIndex, anchorLine: number, rule: string, reasonPlaceholder: string): TextEdit {
  const lineText = lines.lineText(anchorLine);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  // A finding on a sequence item `- name: x`: the comment goes at the dash's column.
  return {
    range: { start: { line: anchorLine, character: 0 }, end: { line: anchorLine, character: 0 } },
    newText: `${indent}# dockyard-ignore ${rule}: ${reasonPlaceholder}${lines.eol}`,
  };
}
