/**
 * Shell scripts for the loci rules: the project's shell parser (`../util/shell`) finds every simple
 * command (inside if/for/while/case, functions, `$(…)`, here-documents skipped), and this module
 * decodes each word the way the shell would pass it to `docker build`: quotes removed, `\` escapes and
 * `\`-newline continuations, with the source span of every character, so a token found in a value is
 * reported at its exact place whatever quoting was used.
 *
 * Variables: a simple assignment (`TAG=2025.2-ubuntu_noble_loci`, `export TAG=…`) made earlier in the
 * script with a static value is substituted; anything else (`${X:-default}`, `$(…)`, `$1`, unknown
 * names) becomes one UNKNOWN character spanning the expression, so callers can tell it apart.
 * Control flow is not followed (the last assignment in text order wins).
 */
import { parseShell, simpleCommands } from '../util/shell';
import { TextBuilder, UNKNOWN, type SourceText } from './value';

export interface ShellWord {
  /** The word after quote removal and expansion (UNKNOWN for what cannot be known). */
  value: SourceText;
  /** Source span of the word as written. */
  start: number;
  end: number;
}

export interface ShellCommand {
  words: ShellWord[];
  start: number;
  end: number;
}

export interface ShellAssignment {
  name: string;
  /** The static value, or null when it is not static. */
  value: string | null;
  start: number;
  end: number;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Global assignments (`A=1`, `export A=1`) in text order. */
  assignments: ShellAssignment[];
  /** Static variable values at the end of the script (for tests / hover). */
  vars: ReadonlyMap<string, string | null>;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;
const DECLARE_WORDS: ReadonlySet<string> = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);
const SPECIAL_PARAM = /^[0-9@*#?$!-]/;

interface VarValue {
  text: string;
}

export function parseShellScript(text: string): ShellScript {
  const parsed = parseShell(text);
  const d = new Decoder(text);
  const commands: ShellCommand[] = [];
  for (const cmd of simpleCommands(parsed.list)) {
    const words = [...cmd.assignments, ...cmd.words].map((w) => ({ value: d.decode(w.start, w.end), start: w.start, end: w.end }));
    if (!words.length) continue;
    const c = { words, start: cmd.start, end: cmd.end };
    commands.push(c);
    d.record(c);
  }
  const vars = new Map<string, string | null>();
  for (const [k, v] of d.vars) vars.set(k, v ? v.text : null);
  return { commands, assignments: d.assignments, vars };
}

class Decoder {
  private i = 0;
  private end = 0;
  readonly vars = new Map<string, VarValue | null>();
  readonly assignments: ShellAssignment[] = [];

  constructor(private readonly s: string) {}

  /** Record static assignments: `A=1 B=2` alone, or after export/readonly/declare/local. */
  record(cmd: ShellCommand): void {
    const ws = cmd.words;
    let k = 0;
    while (k < ws.length && ASSIGNMENT.test(this.s.slice(ws[k].start, ws[k].end))) k++;
    if (k === ws.length) {
      for (const w of ws) this.assign(w);
      return;
    }
    if (k === 0 && DECLARE_WORDS.has(ws[0].value.text)) {
      for (const w of ws.slice(1)) if (ASSIGNMENT.test(this.s.slice(w.start, w.end))) this.assign(w);
    }
  }

  private assign(w: ShellWord): void {
    const m = ASSIGNMENT.exec(w.value.text);
    if (!m) return;
    const value = w.value.text.slice(m[0].length);
    const staticValue = !value.includes(UNKNOWN);
    if (m[2] === '+') {
      const prev = this.vars.get(m[1]);
      this.vars.set(m[1], prev && staticValue ? { text: prev.text + value } : null);
    } else this.vars.set(m[1], staticValue ? { text: value } : null);
    this.assignments.push({ name: m[1], value: this.vars.get(m[1])?.text ?? null, start: w.start, end: w.end });
  }

  /** The word at [start, end) after quote removal and expansion. */
  decode(start: number, end: number): SourceText {
    const s = this.s;
    this.i = start;
    this.end = end;
    const b = new TextBuilder();
    while (this.i < end) {
      const c = s[this.i];
      if (c === '\\') {
        const n = s[this.i + 1];
        if (n === '\n') {
          this.i += 2;
          continue;
        }
        if (n === '\r' && s[this.i + 2] === '\n') {
          this.i += 3;
          continue;
        }
        if (n === undefined || this.i + 1 >= end) {
          this.i++;
          continue;
        }
        b.push(n, this.i, this.i + 2);
        this.i += 2;
        continue;
      }
      if (c === "'") {
        const close = s.indexOf("'", this.i + 1);
        const stop = close < 0 || close >= end ? end : close;
        for (let k = this.i + 1; k < stop; k++) b.push(s[k], k, k + 1);
        this.i = stop < end ? stop + 1 : end;
        continue;
      }
      if (c === '"') {
        this.doubleQuoted(b);
        continue;
      }
      if (c === '$' && s[this.i + 1] === "'") {
        // ANSI-C quoting: escapes make it unknown, plain text is kept.
        let k = this.i + 2;
        let escaped = false;
        while (k < end && s[k] !== "'") {
          if (s[k] === '\\') {
            escaped = true;
            k++;
          }
          k++;
        }
        if (escaped) b.push(UNKNOWN, this.i, Math.min(k + 1, end));
        else for (let q = this.i + 2; q < Math.min(k, end); q++) b.push(s[q], q, q + 1);
        this.i = Math.min(k + 1, end);
        continue;
      }
      if (c === '$' || c === '`') {
        this.expansion(b, false);
        continue;
      }
      b.push(c, this.i, this.i + 1);
      this.i++;
    }
    return b.build(start, end);
  }

  private doubleQuoted(b: TextBuilder): void {
    const s = this.s;
    this.i++;
    while (this.i < this.end && s[this.i] !== '"') {
      const c = s[this.i];
      if (c === '\\') {
        const n = s[this.i + 1];
        if (n === '\n') {
          this.i += 2;
          continue;
        }
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          b.push(n, this.i, this.i + 2);
          this.i += 2;
          continue;
        }
        b.push(c, this.i, this.i + 1);
        this.i++;
        continue;
      }
      if (c === '$' || c === '`') {
        this.expansion(b, true);
        continue;
      }
      b.push(c, this.i, this.i + 1);
      this.i++;
    }
    if (this.i < this.end) this.i++;
  }

  /** `$NAME`, `${…}`, `$(…)`, `$((…))`, `` `…` ``, `$1`: resolved or UNKNOWN. */
  private expansion(b: TextBuilder, quoted: boolean): void {
    const s = this.s;
    const start = this.i;
    if (s[this.i] === '`') {
      let k = this.i + 1;
      while (k < this.end && s[k] !== '`') k += s[k] === '\\' ? 2 : 1;
      this.i = Math.min(k + 1, this.end);
      b.push(UNKNOWN, start, this.i);
      return;
    }
    const n = s[this.i + 1];
    if (n === '(') {
      this.i = Math.min(matchClose(s, this.i + 1, '(', ')'), this.end);
      b.push(UNKNOWN, start, this.i);
      return;
    }
    if (n === '{') {
      const end = Math.min(matchClose(s, this.i + 1, '{', '}'), this.end);
      const inner = s.slice(this.i + 2, end - 1);
      this.i = end;
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner) ? inner : undefined;
      this.substitute(b, name, start, quoted);
      return;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.i + 1, Math.min(this.end, this.i + 256)));
    if (m) {
      this.i += 1 + m[0].length;
      this.substitute(b, m[0], start, quoted);
      return;
    }
    if (n !== undefined && SPECIAL_PARAM.test(n)) {
      this.i += 2;
      b.push(UNKNOWN, start, this.i);
      return;
    }
    b.push('$', this.i, this.i + 1);
    this.i++;
  }

  private substitute(b: TextBuilder, name: string | undefined, start: number, quoted: boolean): void {
    const v = name ? this.vars.get(name) : undefined;
    // An unquoted expansion with blanks would be split into several words: not modelled, so unknown.
    if (v && (quoted || !/[ \t\n]/.test(v.text))) b.pushSpan(v.text, start, this.i);
    else b.push(UNKNOWN, start, this.i);
  }
}

/** Offset just after the bracket that closes the one at `open` (quotes skipped, nesting counted). */
function matchClose(s: string, open: number, o: string, c: string): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const ch = s[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (ch === "'") {
      const e = s.indexOf("'", k + 1);
      k = e < 0 ? s.length : e;
      continue;
    }
    if (ch === '"') {
      let e = k + 1;
      while (e < s.length && s[e] !== '"') e += s[e] === '\\' ? 2 : 1;
      k = e;
      continue;
    }
    if (ch === o) depth++;
    else if (ch === c && --depth === 0) return k + 1;
  }
  return s.length;
}
