import type { LineIndex } from './text';
import type { Finding, Range, TextEdit } from './types';
import { msg } from './messages/catalog';

/**
 * Inline suppressions (shared/spec/RULES.md, "Suppression"):
 * - `# dockyard-ignore rule-id[,rule-id]: reason` on the line(s) right above the finding's line
 *   (YAML node or Dockerfile instruction);
 * - `# dockyard-ignore-file rule-id: reason` anywhere in a YAML document (applies to that document);
 * - the `dockyard.io/ignore: "rule-id[,rule-id]"` annotation on the object's metadata (caller passes it).
 * A suppression without a reason is reported as `suppression-without-reason`.
 */
export interface Suppression {
  line: number;
  rules: string[];
  reason: string;
  fileWide: boolean;
  range: Range;
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

export class SuppressionSet {
  private readonly byLine = new Map<number, Suppression[]>();
  private readonly fileWide = new Set<string>();

  constructor(
    readonly list: Suppression[],
    private readonly lines: LineIndex,
    readonly annotationRules: string[] = [],
  ) {
    for (const s of list) {
      if (s.fileWide) s.rules.forEach((r) => this.fileWide.add(r));
      else {
        const arr = this.byLine.get(s.line) ?? [];
        arr.push(s);
        this.byLine.set(s.line, arr);
      }
    }
    annotationRules.forEach((r) => this.fileWide.add(r));
  }

  /** Is `rule` suppressed for a finding anchored at `line` (the node's or instruction's first line)? */
  suppresses(rule: string, line: number): boolean {
    if (this.fileWide.has(rule) || this.fileWide.has('all')) return true;
    // Walk up over the contiguous comment lines right above the anchor line.
    for (let l = line - 1; l >= 0; l--) {
      const t = this.lines.lineText(l).trim();
      if (!t.startsWith('#')) break;
      const here = this.byLine.get(l);
      if (here?.some((s) => s.rules.includes(rule) || s.rules.includes('all'))) return true;
    }
    return false;
  }

  /** Findings about the suppressions themselves (missing reason, unknown rule id). */
  problems(knownRules: (id: string) => boolean): Finding[] {
    const out: Finding[] = [];
    for (const s of this.list) {
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
