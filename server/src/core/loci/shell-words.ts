/**
 * A small, tolerant shell reader: enough of POSIX sh / bash to find `docker build` command lines and
 * their words with exact source spans. It splits simple commands at newlines, `;`, `&&`, `||`, `|`,
 * `&`, parentheses; understands `'…'`, `"…"`, `\` escapes, `\`-newline continuations, comments,
 * here-documents (skipped), `$VAR`, `${VAR}`, `$(…)`, `` `…` `` and `$((…))`.
 *
 * Variables: a simple assignment (`TAG=2025.2-ubuntu_noble_loci`, `export TAG=…`) made earlier in the
 * script with a static value is substituted; anything else (`${X:-default}`, `$(…)`, `$1`, unknown
 * names) becomes one UNKNOWN character spanning the expression, so callers can tell it apart.
 *
 * Not a full shell: no aliases, functions are not followed, control flow is ignored (the last
 * assignment in text order wins).
 */
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
const DECLARE_WORDS = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);
const SPECIAL_PARAM = /^[0-9@*#?$!-]/;

interface VarValue {
  text: string;
}

export function parseShellScript(text: string): ShellScript {
  return new Reader(text).read();
}

class Reader {
  private i = 0;
  private readonly vars = new Map<string, VarValue | null>();
  private readonly commands: ShellCommand[] = [];
  private readonly assignments: ShellAssignment[] = [];
  private pendingHeredocs: { delim: string; strip: boolean }[] = [];

  constructor(private readonly s: string) {}

  read(): ShellScript {
    let words: ShellWord[] = [];
    let cmdStart = -1;
    const finish = (end: number) => {
      if (words.length) this.finishCommand({ words, start: cmdStart, end });
      words = [];
      cmdStart = -1;
    };
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') {
        this.i++;
        continue;
      }
      if (c === '\\' && (s[this.i + 1] === '\n' || (s[this.i + 1] === '\r' && s[this.i + 2] === '\n'))) {
        this.i += s[this.i + 1] === '\r' ? 3 : 2;
        continue;
      }
      if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        finish(this.i);
        this.i++;
        if (this.pendingHeredocs.length) this.skipHeredocs();
        continue;
      }
      if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
        finish(this.i);
        this.i++;
        if ((c === '&' || c === '|' || c === ';') && s[this.i] === c) this.i++;
        continue;
      }
      if (c === '<' || c === '>') {
        this.redirection();
        continue;
      }
      const w = this.word();
      if (!w) {
        this.i++;
        continue;
      }
      // `2>&1`: a number glued to a redirection is a file descriptor, not a word.
      if ((s[this.i] === '<' || s[this.i] === '>') && /^\d+$/.test(w.value.text)) continue;
      if (cmdStart < 0) cmdStart = w.start;
      words.push(w);
    }
    finish(this.i);
    const vars = new Map<string, string | null>();
    for (const [k, v] of this.vars) vars.set(k, v ? v.text : null);
    return { commands: this.commands, assignments: this.assignments, vars };
  }

  private finishCommand(cmd: ShellCommand): void {
    this.commands.push(cmd);
    // Record static assignments: `A=1 B=2` alone, or after export/readonly/declare/local.
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

  private skipHeredocs(): void {
    const s = this.s;
    for (const h of this.pendingHeredocs) {
      while (this.i < s.length) {
        let e = s.indexOf('\n', this.i);
        if (e < 0) e = s.length;
        let line = s.slice(this.i, e).replace(/\r$/, '');
        if (h.strip) line = line.replace(/^\t+/, '');
        this.i = e + 1;
        if (line === h.delim) break;
      }
    }
    this.pendingHeredocs = [];
  }

  /** `<`, `>`, `>>`, `<<EOF`, `<<-'EOF'`, `>&2`, `<<<word`: the target word is not a command word. */
  private redirection(): void {
    const s = this.s;
    if (s.startsWith('<<<', this.i)) {
      this.i += 3;
      this.skipBlanks();
      this.word();
      return;
    }
    if (s.startsWith('<<', this.i)) {
      this.i += 2;
      const strip = s[this.i] === '-';
      if (strip) this.i++;
      this.skipBlanks();
      const w = this.word();
      if (w) this.pendingHeredocs.push({ delim: w.value.text, strip });
      return;
    }
    this.i++;
    if (s[this.i] === '>' || s[this.i] === '&' || s[this.i] === '|') this.i++;
    this.skipBlanks();
    this.word();
  }

  private skipBlanks(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  /** One word starting at `this.i`, or undefined when the character cannot start one. */
  private word(): ShellWord | undefined {
    const s = this.s;
    const start = this.i;
    const b = new TextBuilder();
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') break;
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
        if (n === undefined) {
          this.i++;
          continue;
        }
        b.push(n, this.i, this.i + 2);
        this.i += 2;
        continue;
      }
      if (c === "'") {
        const close = s.indexOf("'", this.i + 1);
        const end = close < 0 ? s.length : close;
        for (let k = this.i + 1; k < end; k++) b.push(s[k], k, k + 1);
        this.i = close < 0 ? s.length : close + 1;
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
        while (k < s.length && s[k] !== "'") {
          if (s[k] === '\\') {
            escaped = true;
            k++;
          }
          k++;
        }
        if (escaped) b.push(UNKNOWN, this.i, Math.min(k + 1, s.length));
        else for (let q = this.i + 2; q < k; q++) b.push(s[q], q, q + 1);
        this.i = Math.min(k + 1, s.length);
        continue;
      }
      if (c === '$' || c === '`') {
        this.expansion(b, false);
        continue;
      }
      b.push(c, this.i, this.i + 1);
      this.i++;
    }
    if (this.i === start) return undefined;
    return { value: b.build(b.length ? start : start, this.i), start, end: this.i };
  }

  private doubleQuoted(b: TextBuilder): void {
    const s = this.s;
    this.i++;
    while (this.i < s.length && s[this.i] !== '"') {
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
    if (this.i < s.length) this.i++;
  }

  /** `$NAME`, `${…}`, `$(…)`, `$((…))`, `` `…` ``, `$1`: resolved or UNKNOWN. */
  private expansion(b: TextBuilder, quoted: boolean): void {
    const s = this.s;
    const start = this.i;
    if (s[this.i] === '`') {
      let k = this.i + 1;
      while (k < s.length && s[k] !== '`') k += s[k] === '\\' ? 2 : 1;
      this.i = Math.min(k + 1, s.length);
      b.push(UNKNOWN, start, this.i);
      return;
    }
    const n = s[this.i + 1];
    if (n === '(') {
      this.i = matchClose(s, this.i + 1, '(', ')');
      b.push(UNKNOWN, start, this.i);
      return;
    }
    if (n === '{') {
      const end = matchClose(s, this.i + 1, '{', '}');
      const inner = s.slice(this.i + 2, end - 1);
      this.i = end;
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner) ? inner : undefined;
      this.substitute(b, name, start, quoted);
      return;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.i + 1, this.i + 256));
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
