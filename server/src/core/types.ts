/**
 * The few types every part of the analysis core shares. Pure data: no `vscode`, no LSP imports.
 * Positions are 0-based lines and UTF-16 columns, exactly what LSP and the `yaml` library use.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A user-visible string: a catalog id and named placeholder values. Rendered by messages/catalog.ts. */
export interface Message {
  id: string;
  args?: Record<string, string | number>;
  /** Sentences appended after this one (a Helm finding's conditions, a default value it used). */
  notes?: Message[];
}

/**
 * `safe`: never changes what a workload can do (fix-all on save, plain `dockyard fix`); `review`:
 * removes access or may stop a workload working (a quick fix; `dockyard fix --unsafe`).
 */
export type FixTier = 'safe' | 'review';

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /**
   * The fix's tier. A rule that offers one tier may leave it out: the engine fills in the rule's
   * (`RuleMeta.fixTiers`); every finding the engine hands out carries it (ignore actions excepted).
   */
  tier?: FixTier;
  /** `ignore` fixes insert a suppression comment; `dockyard fix` never applies them. */
  kind?: 'fix' | 'ignore';
}

export interface RelatedInformation {
  range: Range;
  message: Message;
  /** Absolute path of another file; absent for the same file. */
  path?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: Message;
  range: Range;
  related?: RelatedInformation[];
  fixes?: Fix[];
}

export type FileKind =
  | 'kubernetes' // YAML with at least one document carrying apiVersion + kind (or a Helm template)
  | 'yaml' // any other YAML (compose, workflow, values.yaml …)
  | 'dockerfile'
  | 'shell'
  | 'bindep'
  | 'unknown';

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function shiftRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}
