import { DockerfileParser, type Argument, type Dockerfile, type Instruction, type From } from 'dockerfile-ast';
import { LineIndex } from '../text';
import type { Range } from '../types';

/** The patched library's memoized tokens (patches/dockerfile-ast+0.7.1.patch). */
interface Tokenized {
  readTokens?(): Argument[];
  flagCount?(tokens: Argument[]): number;
}

/**
 * What `ins.getArguments()` returns, for read-only use (Dockyard's rules and model read values and
 * ranges; they change neither the array nor an argument nor its range). dockerfile-ast is patched
 * at install time (patches/dockerfile-ast+0.7.1.patch) to tokenise an instruction once; where the
 * patch is present this hands out those tokens (flags left out) instead of a copy: `getArguments()`
 * makes new Argument and Range objects per call, for a RUN of a million words ~200 MB each time.
 */
export function argumentsOf(ins: Instruction): readonly Argument[] {
  const t = ins as unknown as Tokenized;
  if (typeof t.readTokens !== 'function' || typeof t.flagCount !== 'function') return ins.getArguments();
  const tokens = t.readTokens();
  const from = t.flagCount(tokens);
  return from === 0 ? tokens : tokens.slice(from);
}

/**
 * Dockerfile model: the dockerfile-ast parse, stages, and line helpers. One per document version;
 * every Dockerfile rule reads it.
 */
export interface Stage {
  index: number;
  from: From;
  name?: string;
  instructions: Instruction[];
}

export class DockerfileModel {
  readonly dockerfile: Dockerfile;
  readonly lines: LineIndex;
  readonly memo = new Map<string, unknown>();
  private _stages?: Stage[];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.dockerfile = DockerfileParser.parse(text);
  }

  private _instructions?: Instruction[];
  private _escapeChar?: string;

  /** The escape character (`# escape=` directive; dockerfile-ast looks the directives up on every call). */
  get escapeChar(): string {
    return (this._escapeChar ??= this.dockerfile.getEscapeCharacter());
  }

  /** The instructions in order (dockerfile-ast builds a new array per call: cached here). */
  get instructions(): Instruction[] {
    return (this._instructions ??= this.dockerfile.getInstructions());
  }

  /** Instructions before the first FROM (global ARGs, parser directives excluded). */
  get preamble(): Instruction[] {
    const out: Instruction[] = [];
    for (const i of this.instructions) {
      if (i.getKeyword() === 'FROM') break;
      out.push(i);
    }
    return out;
  }

  get stages(): Stage[] {
    if (this._stages) return this._stages;
    const stages: Stage[] = [];
    let cur: Stage | undefined;
    for (const ins of this.instructions) {
      if (ins.getKeyword() === 'FROM') {
        const from = ins as From;
        cur = { index: stages.length, from, name: from.getBuildStage() ?? undefined, instructions: [] };
        stages.push(cur);
      } else if (cur) {
        cur.instructions.push(ins);
      }
    }
    this._stages = stages;
    return stages;
  }

  memoize<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = compute();
    this.memo.set(key, v);
    return v;
  }

  /** dockerfile-ast ranges are LSP-shaped already. */
  range(r: { start: { line: number; character: number }; end: { line: number; character: number } }): Range {
    return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
  }
}
