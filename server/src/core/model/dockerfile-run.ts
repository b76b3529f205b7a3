import type { Flag, Instruction, JSONInstruction } from 'dockerfile-ast';
import { argumentsOf, type DockerfileModel } from './dockerfile';
import type { Range } from '../types';
import type { LineIndex } from '../text';
import { joinContinuations, OffsetMap, parseShell, type ShellScript, type Span } from '../util/shell';

/**
 * The shell side of a RUN instruction: the exact text BuildKit hands to `/bin/sh -c` (line
 * continuations joined, comment and empty lines inside them dropped), parsed once per document
 * version and shared by every rule (`model.memoize('shell:<line>')`), with a map from script
 * offsets back to document positions.
 */
export type RunForm =
  /** `RUN cmd …` (heredocs after the command included: `RUN cat <<EOF > f`). */
  | 'shell'
  /** `RUN <<EOF` … `EOF`: the body is the script. */
  | 'heredoc'
  /** `RUN ["exe", "arg"]`: no shell. */
  | 'exec'
  /** A SHELL that is not a POSIX shell (powershell, cmd), or a heredoc with a non-shell `#!`. */
  | 'other';

export interface RunShell {
  ins: Instruction;
  form: RunForm;
  /** The parsed script ('shell' and 'heredoc' forms). */
  script?: ShellScript;
  /** Script offsets → document offsets. */
  map: OffsetMap;
  /** Document offset where the command text starts (after the flags). */
  start: number;
  /** Document offset of the end of the instruction. */
  end: number;
  flags: Flag[];
  /** Document offset of a script offset (`end`: an exclusive end offset). */
  offset(o: number, end?: boolean): number;
  /** Document range of a script span. */
  range(span: Span): Range;
}

/** The RUN's shell (one shape for every RUN). */
class RunShellOf implements RunShell {
  constructor(
    readonly ins: Instruction,
    readonly form: RunForm,
    readonly script: ShellScript | undefined,
    readonly map: OffsetMap,
    readonly start: number,
    readonly end: number,
    readonly flags: Flag[],
    private readonly lines: LineIndex,
  ) {}

  // Own properties, not methods: rules pass them around detached (`removeSudo(c, run.offset, …)`).
  readonly offset = (o: number, isEnd = false): number => this.map.toSource(o, isEnd);

  readonly range = (span: Span): Range => {
    const s = this.map.spanToSource(span);
    return this.lines.rangeOf(s.start, s.end);
  };
}

/** Shared by the RUNs without flags (nothing changes a RunShell's flags). */
const NO_FLAGS = Object.freeze([]) as unknown as Flag[];

const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox', 'yash', 'posh']);

/** The RUN's shell, parsed once per document version. `ins` may be an ONBUILD's trigger instruction. */
export function runShell(model: DockerfileModel, ins: Instruction): RunShell {
  // By instruction object first (rules ask about the same objects); by position otherwise (an
  // ONBUILD's trigger instruction is a new object on every getTriggerInstruction() call). One map
  // keyed by the start offset (a number), not a memo entry with a string key per RUN.
  const byIns = model.memoize('shell:byInstruction', () => new WeakMap<Instruction, RunShell>());
  let run = byIns.get(ins);
  if (run) return run;
  const byOffset = model.memoize('shell:byOffset', () => new Map<number, RunShell>());
  const at = model.lines.offsetAt(ins.getRange().start);
  run = byOffset.get(at);
  if (!run) {
    run = computeRunShell(model, ins);
    byOffset.set(at, run);
  }
  byIns.set(ins, run);
  return run;
}

function computeRunShell(model: DockerfileModel, ins: Instruction): RunShell {
  const lines = model.lines;
  const flags = ((ins as unknown as { getFlags?: () => Flag[] }).getFlags?.() ?? []) as Flag[];
  const args = argumentsOf(ins);
  const end = lines.offsetAt(ins.getRange().end);
  const start = args.length ? lines.offsetAt(args[0].getRange().start) : end;
  const make = (form: RunForm, map: OffsetMap, script?: ShellScript): RunShell => new RunShellOf(ins, form, script, map, start, end, flags.length ? flags : NO_FLAGS, lines);
  if (isExecForm(ins)) return make('exec', new OffsetMap());
  if (!posixShellAt(model, ins)) return make('other', new OffsetMap());
  const joined = joinContinuations(model.text, start, end, model.escapeChar);
  const map = joined.map;
  let text = joined.text;
  if (joined.next < end) {
    // Heredoc bodies follow the command line: the shell reads them as written.
    map.push(joined.next, end - joined.next);
    text += model.text.slice(joined.next, end);
  }
  map.compact();
  const script = parseShell(text);
  const bare = bareHeredoc(script);
  if (bare) {
    const body = bare.body;
    const bodyText = text.slice(body.start, body.end);
    const sub = new OffsetMap();
    sub.push(map.toSource(body.start), body.end - body.start);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(bodyText);
    if (shebang) {
      const interp = basename(shebang[1]) === 'env' ? basename(shebang[2] ?? '') : basename(shebang[1]);
      if (!POSIX_SHELLS.has(interp)) return make('other', sub);
    }
    return make('heredoc', sub, parseShell(bodyText));
  }
  return make('shell', map, script);
}

/** `RUN <<EOF` with nothing else on the command line: the heredoc body is the script. */
function bareHeredoc(script: ShellScript): { body: Span } | undefined {
  const items = script.list.items;
  if (items.length !== 1) return undefined;
  const p = items[0].andOr;
  if (p.pipelines.length !== 1 || p.pipelines[0].commands.length !== 1) return undefined;
  const c = p.pipelines[0].commands[0];
  if (c.type !== 'simple' || c.words.length || c.assignments.length || c.redirects.length !== 1) return undefined;
  const h = c.redirects[0].heredoc;
  return h ? { body: h.body } : undefined;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** `RUN ["exe", "arg"]`: valid JSON array form (anything after the closing bracket makes it shell form). */
export function isExecForm(ins: Instruction): boolean {
  const j = ins as unknown as JSONInstruction;
  if (typeof j.getOpeningBracket !== 'function') return false;
  const open = j.getOpeningBracket();
  const close = j.getClosingBracket();
  if (!open || !close || !j.getJSONStrings().length) return false;
  const args = argumentsOf(ins);
  const last = args[args.length - 1]?.getRange().end;
  const ce = close.getRange().end;
  return !!last && last.line === ce.line && last.character === ce.character;
}

/** Whether RUNs at this instruction go through a POSIX shell (SHELL not switched to powershell/cmd). */
function posixShellAt(model: DockerfileModel, ins: Instruction): boolean {
  const table = model.memoize('shell:posix', () => {
    // Per stage, the SHELL in force after each SHELL instruction; a stage FROM an earlier stage inherits it.
    const changes: { line: number; posix: boolean }[] = [];
    const endOfStage = new Map<string, boolean>();
    for (const stage of model.stages) {
      const parentName = stage.from.getImage()?.toLowerCase();
      let posix = parentName !== undefined && endOfStage.has(parentName) ? endOfStage.get(parentName)! : true;
      changes.push({ line: stage.from.getRange().start.line, posix });
      for (const i of stage.instructions) {
        if (i.getKeyword() !== 'SHELL') continue;
        const first = (i as unknown as JSONInstruction).getJSONStrings?.()[0]?.getJSONValue();
        posix = first !== undefined && POSIX_SHELLS.has(basename(first.toLowerCase()).replace(/\.exe$/, ''));
        changes.push({ line: i.getRange().start.line, posix });
      }
      if (stage.name) endOfStage.set(stage.name.toLowerCase(), posix);
    }
    return changes;
  });
  // The last change before the line (binary search: a linear scan per RUN was quadratic in stages).
  const line = ins.getRange().start.line;
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? table[lo - 1].posix : true;
}
