/**
 * bindep file grammar and evaluation, as implemented by bindep's `bindep/depends.py`
 * (openstack/bindep, the version with `( … )` groups and the `distro` library; the parsley grammar and
 * `Depends._partition/_evaluate/_match_all/active_rules` are the ground truth cited below).
 *
 * Pure: no fs, no vscode/LSP. Positions are 0-based lines and UTF-16 columns (see ../types).
 *
 * The parsley grammar this parser mirrors (depends.py):
 *
 *     rules = (rule|comment|blank)*
 *     rule = <name>:name selector?:selector version?:version ('\n'|comment)
 *     name = letterOrDigit:start (letterOrDigit|'.'|'+'|'-'|'_'|'/')+:rest
 *     ws = ' '+
 *     profile = ('!'?:neg <(lowercase|digit|':'|'-'|'.')+>:name)
 *     profiles = '(' (ws? profile)*:p ws? ')'
 *     group = profiles | profile
 *     selector = ws '[' (ws? group)*:p ws? ']'
 *     oneversion = <('<=' | '<' | '!=' | '==' | '>=' | '>')>:rel <debversion>:v
 *     version = ws oneversion:v1 (',' oneversion)*:v2
 *     comment = ws? '#' any* '\n'
 *     blank = ws? '\n'
 *
 * Consequences that are easy to miss, all reported as syntax errors here because bindep raises a
 * ParseError for them (and then lists nothing at all for that file):
 * - whitespace is the space character only: a tab anywhere outside a comment is an error;
 * - a rule line cannot start with whitespace, and cannot end with whitespace (after the name, selector or
 *   version only `\n` or a comment may follow, and `ws? '#'` needs the `#`);
 * - the selector and the version each need a space before them (`foo[bar]`, `foo>=1` fail);
 * - a package name has at least two characters;
 * - parsley requires the whole input to be consumed, and every line rule ends in `'\n'`: a last line
 *   without a line break is an error (Python's text mode turns `\r\n` and `\r` into `\n`, so those are fine);
 * - tokens need no separator when the next one starts with `!` or `(`: `[a!b]` is `[a !b]`.
 *
 * test/core/loci/fixtures/bindep-parsley-oracle.json records what bindep's grammar, run under parsley,
 * accepts and produces for 87 texts; the tests check this parser against it.
 */
import type { Range } from '../types';

// ---------------------------------------------------------------------------------------------
// Data model

export interface BindepToken {
  /** Token name without `!`, e.g. `platform:dpkg`, `ceph`. */
  name: string;
  negated: boolean;
  /** Starts with `platform:`. Note: inside a group it is still evaluated with the user part (see evaluate). */
  platform: boolean;
  /** Range of the token including a leading `!`. */
  range: Range;
  /** Range of the name only (without `!`). */
  nameRange: Range;
  /** Index into the entry's `groups` when the token is inside `( … )`. */
  group?: number;
}

export interface BindepGroup {
  tokens: BindepToken[];
  /** From `(` to `)` inclusive. */
  range: Range;
}

/** One element of a selector, in source order: a bare token (ORed) or an AND group. */
export type BindepSelectorItem = { kind: 'token'; token: BindepToken } | { kind: 'group'; group: BindepGroup };

export type BindepVersionOperator = '<=' | '<' | '!=' | '==' | '>=' | '>';

export interface BindepVersionConstraint {
  operator: BindepVersionOperator;
  version: string;
  /** Range of operator and version together, e.g. `>=1.0`. */
  range: Range;
}

export interface BindepEntry {
  /** 0-based line. */
  line: number;
  package: string;
  packageRange: Range;
  /** Absent when the line has no `[ … ]`. `[]` gives a selector with no items. */
  selector?: { range: Range; items: BindepSelectorItem[] };
  groups: BindepGroup[];
  /** Every selector token in source order (bare and grouped). */
  tokens: BindepToken[];
  versions: BindepVersionConstraint[];
  /** From the first operator to the end of the last version. */
  versionRange?: Range;
  /** A trailing `# …` comment on the same line. */
  comment?: { text: string; range: Range };
  /** The whole line content. */
  range: Range;
  /** `partition(entry)`, computed on first use and held by the entry (entries are immutable once parsed). */
  partition?: { platform: BindepSelectorItem[]; user: BindepSelectorItem[] };
}

export type BindepSyntaxErrorCode =
  | 'leading-whitespace'
  | 'tab-character'
  | 'empty-package'
  | 'bad-package-name'
  | 'missing-whitespace'
  | 'unclosed-bracket'
  | 'unclosed-paren'
  | 'unexpected-close-paren'
  | 'nested-group'
  | 'negated-group'
  | 'dangling-negation'
  | 'bad-token-character'
  | 'bad-version'
  | 'unexpected-text'
  | 'trailing-whitespace'
  | 'missing-final-newline';

/** Every syntax error code, in a stable order (messages: `loci.bindepSyntax.<code>`). */
export const BINDEP_SYNTAX_ERROR_CODES: readonly BindepSyntaxErrorCode[] = [
  'leading-whitespace',
  'tab-character',
  'empty-package',
  'bad-package-name',
  'missing-whitespace',
  'unclosed-bracket',
  'unclosed-paren',
  'unexpected-close-paren',
  'nested-group',
  'negated-group',
  'dangling-negation',
  'bad-token-character',
  'bad-version',
  'unexpected-text',
  'trailing-whitespace',
  'missing-final-newline',
];

export interface BindepSyntaxError {
  code: BindepSyntaxErrorCode;
  /** Catalog id of the English text, `loci.bindepSyntax.<code>`, with placeholder `{text}`. */
  messageId: string;
  /** The offending source text (empty for zero-width errors). */
  text: string;
  line: number;
  range: Range;
}

export interface BindepFile {
  text: string;
  /** Valid rule lines, in order. Lines with a syntax error are not entries. */
  entries: BindepEntry[];
  /** At most one error per line (the first one, as a parser stops there), plus `missing-final-newline`. */
  errors: BindepSyntaxError[];
  /** 0-based lines that are comments (`# …`, possibly indented). */
  commentLines: number[];
  /**
   * What loci/facts.ts derived from this bindep file together with a pydep file (valid profile
   * tokens, evaluations, useful profiles), keyed by that pydep file: held by the data, so it goes
   * when the data goes. Set on first use only.
   */
  derived?: WeakMap<BindepFile, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Parser

const TOKEN_CHAR = /^[a-z0-9:.-]$/;
const NAME_REST_EXTRA = '.+-_/';
const VERSION_OPERATORS: readonly BindepVersionOperator[] = ['<=', '<', '!=', '==', '>=', '>'];

function isTokenChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (c.length === 1 && ((k >= 97 && k <= 122) || (k >= 48 && k <= 58) || k === 45 || k === 46)) return true; // a-z 0-9 : - . (fast path)
  return TOKEN_CHAR.test(c);
}

/** parsley's `letterOrDigit` is Python's `str.isalnum()`: Unicode letters and numbers. */
function isLetterOrDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57); // ASCII fast path
  return /^[\p{L}\p{N}]$/u.test(c);
}

/** parsley's `digit` is `str.isdigit()`; ASCII digits are what matters for versions. */
function isDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 128) return k >= 48 && k <= 57; // ASCII fast path
  return /^\p{Nd}$/u.test(c);
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && (isLetterOrDigit(c) || NAME_REST_EXTRA.includes(c));
}

/** Characters of a debian upstream version segment (`letterOrDigit | '.' | '+' | '~' | ':'`). */
function isUpstreamSegmentChar(c: string | undefined): boolean {
  return c !== undefined && (isLetterOrDigit(c) || c === '.' || c === '+' || c === '~' || c === ':');
}

function isDebverChar(c: string | undefined): boolean {
  return c !== undefined && (isLetterOrDigit(c) || c === '.' || c === '+' || c === '~');
}

/**
 * Each line the way Python's universal-newline text mode splits them (`\n`, `\r\n`, `\r`), in order,
 * without an array of lines: `visit(line, lineNo, hasBreak)`; returning `false` stops. The last
 * line (possibly empty) has no break.
 */
export function forEachBindepLine(text: string, visit: (line: string, lineNo: number, hasBreak: boolean) => boolean | void): void {
  let start = 0;
  let lineNo = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (visit(text.slice(start, i), lineNo++, true) === false) return;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  visit(text.slice(start), lineNo, false);
}

class LineSyntaxError extends Error {
  constructor(
    readonly code: BindepSyntaxErrorCode,
    readonly start: number,
    readonly end: number,
  ) {
    super(code);
  }
}

/**
 * debversion from depends.py (PEG, committed choice):
 *   epoch = <digit+>:d ':'
 *   trailingdeb = (upstream_segment* '-' debver)
 *   upstreamver = digit (upstream_segment | ('-' ~~trailingdeb))*
 *   upstreamver_no_hyphen = digit (letterOrDigit | '.' | '+' | '~' | ':')*
 *   debver = (letterOrDigit | '.' | '+' | '~')+
 *   upstream_no_hyphen = epoch? upstreamver_no_hyphen
 *   upstream_hyphen = epoch? upstreamver '-' debver
 *   debversion = upstream_hyphen | upstream_no_hyphen
 * Returns the end offset of the match at `i`, or -1.
 */
function matchDebversion(s: string, i: number): number {
  const epoch = (p: number): number => {
    let q = p;
    while (isDigit(s[q])) q++;
    return q > p && s[q] === ':' ? q + 1 : p;
  };
  const debver = (p: number): number => {
    let q = p;
    while (isDebverChar(s[q])) q++;
    return q > p ? q : -1;
  };
  const trailingdeb = (p: number): boolean => {
    let q = p;
    while (isUpstreamSegmentChar(s[q])) q++;
    return s[q] === '-' && debver(q + 1) !== -1;
  };
  // upstream_hyphen
  {
    let p = epoch(i);
    if (isDigit(s[p])) {
      p++;
      for (;;) {
        if (isUpstreamSegmentChar(s[p])) p++;
        else if (s[p] === '-' && trailingdeb(p + 1)) p++;
        else break;
      }
      if (s[p] === '-') {
        const e = debver(p + 1);
        if (e !== -1) return e;
      }
    }
  }
  // upstream_no_hyphen
  {
    let p = epoch(i);
    if (!isDigit(s[p])) return -1;
    p++;
    while (isUpstreamSegmentChar(s[p])) p++;
    return p;
  }
}

interface RawToken {
  name: string;
  negated: boolean;
  start: number;
  nameStart: number;
  end: number;
}

type RawItem = { token: RawToken } | { group: RawToken[]; start: number; end: number };

/** Parses one line; columns are offsets into the line. Throws LineSyntaxError. */
class LineParser {
  private p = 0;
  constructor(private readonly s: string) {}

  /** End of the run of "word" characters from `start` (stops at whitespace, brackets and parens). */
  private runEnd(start: number): number {
    let q = start;
    while (q < this.s.length && !' \t()[]'.includes(this.s[q])) q++;
    return Math.max(q, start + 1 <= this.s.length ? start + 1 : start);
  }

  /** End of a word: up to whitespace or `#` (at least one character when there is one). */
  private wordEnd(from: number): number {
    let q = from;
    while (q < this.s.length && !' \t#'.includes(this.s[q])) q++;
    return q === from && from < this.s.length ? from + 1 : q;
  }

  /** End of the would-be package name: up to whitespace, `#` or `[`. */
  private nameRunEnd(): number {
    let q = 0;
    while (q < this.s.length && !' \t#['.includes(this.s[q])) q++;
    return Math.max(q, 1);
  }

  private fail(code: BindepSyntaxErrorCode, start: number, end: number): never {
    throw new LineSyntaxError(code, start, Math.min(Math.max(end, start), this.s.length));
  }

  private skipSpaces(): void {
    while (this.s[this.p] === ' ') this.p++;
    if (this.s[this.p] === '\t') this.fail('tab-character', this.p, this.p + 1);
  }

  /**
   * Returns null for blank and comment lines, otherwise the parsed rule parts.
   */
  parse():
    | null
    | {
        name: { start: number; end: number };
        selector?: { start: number; end: number; items: RawItem[] };
        versions: { op: BindepVersionOperator; version: string; start: number; end: number }[];
        comment?: { start: number };
      } {
    const s = this.s;
    // blank = ws? '\n' ; comment = ws? '#' any* '\n'
    this.skipSpaces();
    if (this.p === s.length) return null;
    if (s[this.p] === '#') return null;
    if (s[this.p] === '[') this.fail('empty-package', this.p, s.length);
    if (this.p > 0) this.fail('leading-whitespace', 0, this.p);

    // name = letterOrDigit (letterOrDigit|'.'|'+'|'-'|'_'|'/')+
    if (!isLetterOrDigit(s[0])) {
      if (VERSION_OPERATORS.some((op) => s.startsWith(op, 0))) this.fail('empty-package', 0, s.length);
      this.fail('bad-package-name', 0, this.nameRunEnd());
    }
    let q = 1;
    while (isNameChar(s[q])) q++;
    const name = { start: 0, end: q };
    this.p = q;
    const afterName = s[q];
    if (afterName !== undefined && afterName !== ' ' && afterName !== '#' && afterName !== '\t') {
      if (afterName === '[' || VERSION_OPERATORS.some((op) => s.startsWith(op, q))) this.fail('missing-whitespace', q, q + 1);
      this.fail('bad-package-name', 0, this.nameRunEnd());
    }
    if (q < 2) this.fail('bad-package-name', 0, q);

    let selector:
      | { start: number; end: number; items: RawItem[] }
      | undefined;
    const versions: { op: BindepVersionOperator; version: string; start: number; end: number }[] = [];

    // selector? : ws '[' …
    let wsStart = this.p;
    this.skipSpaces();
    if (this.p > wsStart && s[this.p] === '[') {
      selector = this.parseSelector();
      wsStart = this.p;
      if (s[this.p] !== undefined && s[this.p] !== ' ' && s[this.p] !== '#' && s[this.p] !== '\t') {
        if (VERSION_OPERATORS.some((op) => s.startsWith(op, this.p))) this.fail('missing-whitespace', this.p, this.p + 1);
        this.fail('unexpected-text', this.p, this.wordEnd(this.p));
      }
      this.skipSpaces();
    }
    // version? : ws oneversion (',' oneversion)*
    if (this.p > wsStart && this.p < s.length && s[this.p] !== '#') {
      if ('<>=!'.includes(s[this.p])) {
        this.parseVersions(versions);
        wsStart = this.p;
        if (s[this.p] !== undefined && s[this.p] !== ' ' && s[this.p] !== '#' && s[this.p] !== '\t') {
          this.fail('bad-version', versions[0].start, this.wordEnd(this.p));
        }
        this.skipSpaces();
      } else {
        this.fail('unexpected-text', this.p, this.wordEnd(this.p));
      }
    }
    // ('\n' | comment)
    if (this.p === s.length) {
      if (this.p > wsStart) this.fail('trailing-whitespace', wsStart, s.length);
      return { name, selector, versions };
    }
    if (s[this.p] === '#') return { name, selector, versions, comment: { start: this.p } };
    this.fail('unexpected-text', this.p, this.wordEnd(this.p));
  }

  private parseSelector(): { start: number; end: number; items: RawItem[] } {
    const s = this.s;
    const start = this.p;
    this.p++; // '['
    const items: RawItem[] = [];
    for (;;) {
      this.skipSpaces();
      const c = s[this.p];
      if (c === undefined) this.fail('unclosed-bracket', start, s.length);
      if (c === ']') {
        this.p++;
        return { start, end: this.p, items };
      }
      if (c === '(') {
        const gStart = this.p;
        this.p++;
        const toks: RawToken[] = [];
        for (;;) {
          this.skipSpaces();
          const d = s[this.p];
          if (d === undefined) this.fail('unclosed-paren', gStart, s.length);
          if (d === ')') {
            this.p++;
            break;
          }
          if (d === '(') this.fail('nested-group', this.p, this.p + 1);
          if (d === ']') this.fail('unclosed-paren', gStart, this.p);
          if (d === '#') this.hashInSelector(start);
          toks.push(this.parseToken());
        }
        items.push({ group: toks, start: gStart, end: this.p });
        continue;
      }
      if (c === ')') this.fail('unexpected-close-paren', this.p, this.p + 1);
      if (c === '#') this.hashInSelector(start);
      items.push({ token: this.parseToken() });
    }
  }

  /** `#` inside brackets: an unclosed bracket followed by a comment, or a bad character. */
  private hashInSelector(selectorStart: number): never {
    if (!this.s.includes(']', this.p)) {
      let e = this.p;
      while (e > selectorStart && this.s[e - 1] === ' ') e--;
      this.fail('unclosed-bracket', selectorStart, e);
    }
    this.fail('bad-token-character', this.p, this.runEnd(this.p));
  }

  /** profile = '!'? [a-z0-9:.-]+ */
  private parseToken(): RawToken {
    const s = this.s;
    const start = this.p;
    const negated = s[start] === '!';
    const nameStart = negated ? start + 1 : start;
    let q = nameStart;
    while (isTokenChar(s[q])) q++;
    if (q === nameStart) {
      const next = s[nameStart];
      if (negated && next === '(') {
        const close = s.indexOf(')', nameStart);
        this.fail('negated-group', start, close === -1 ? nameStart + 1 : close + 1);
      }
      if (next === undefined || ' \t()[]!'.includes(next)) this.fail('dangling-negation', start, nameStart);
      this.fail('bad-token-character', start, this.runEnd(start));
    }
    const next = s[q];
    if (next !== undefined && !' \t()[]!'.includes(next)) this.fail('bad-token-character', start, this.runEnd(start));
    this.p = q;
    return { name: s.slice(nameStart, q), negated, start, nameStart, end: q };
  }

  private parseVersions(out: { op: BindepVersionOperator; version: string; start: number; end: number }[]): void {
    const s = this.s;
    const partStart = this.p;
    for (;;) {
      const start = this.p;
      const op = VERSION_OPERATORS.find((o) => s.startsWith(o, start));
      if (!op) this.fail('bad-version', partStart, this.wordEnd(start));
      const vStart = start + op.length;
      const vEnd = matchDebversion(s, vStart);
      if (vEnd === -1) this.fail('bad-version', partStart, this.wordEnd(start));
      out.push({ op, version: s.slice(vStart, vEnd), start, end: vEnd });
      this.p = vEnd;
      if (s[this.p] !== ',') return;
      this.p++;
    }
  }
}

const rangeOn = (line: number, start: number, end: number): Range => ({
  start: { line, character: start },
  end: { line, character: end },
});

/** What one line of a bindep/pydep file is: an entry, a syntax error, a comment, or blank. */
export interface BindepLine {
  entry?: BindepEntry;
  /** The line's syntax error (the line is then not an entry). */
  error?: BindepSyntaxError;
  /** `missing-final-newline` on the last line (which can still be an entry). */
  finalNewline?: BindepSyntaxError;
  /** A `# …` line (possibly indented). */
  comment?: boolean;
}

/** Parse one line (`s`, without its break) of a bindep/pydep file: `lineNo` 0-based, `hasBreak` false for the last line. Never throws. */
export function parseBindepLine(s: string, lineNo: number, hasBreak: boolean): BindepLine {
  const out: BindepLine = {};
  let parsed: ReturnType<LineParser['parse']>;
  try {
    parsed = new LineParser(s).parse();
  } catch (e) {
    if (!(e instanceof LineSyntaxError)) throw e;
    out.error = syntaxError(e, s, lineNo);
    return out;
  }
  if (!hasBreak && s.length > 0) out.finalNewline = finalNewlineError(lineNo, s.length);
  if (parsed === null) {
    out.comment = s.trimStart().startsWith('#');
    return out;
  }
  const groups: BindepGroup[] = [];
  const tokens: BindepToken[] = [];
  const mkToken = (t: RawToken, group?: number): BindepToken => {
    const tok: BindepToken = {
      name: t.name,
      negated: t.negated,
      platform: t.name.startsWith('platform:'),
      range: rangeOn(lineNo, t.start, t.end),
      nameRange: rangeOn(lineNo, t.nameStart, t.end),
    };
    if (group !== undefined) tok.group = group;
    tokens.push(tok);
    return tok;
  };
  const entry: BindepEntry = {
    line: lineNo,
    package: s.slice(parsed.name.start, parsed.name.end),
    packageRange: rangeOn(lineNo, parsed.name.start, parsed.name.end),
    groups,
    tokens,
    versions: parsed.versions.map((v) => ({ operator: v.op, version: v.version, range: rangeOn(lineNo, v.start, v.end) })),
    range: rangeOn(lineNo, 0, s.length),
  };
  if (parsed.selector) {
    const items: BindepSelectorItem[] = parsed.selector.items.map((it) => {
      if ('token' in it) return { kind: 'token', token: mkToken(it.token) };
      const index = groups.length;
      const group: BindepGroup = { tokens: [], range: rangeOn(lineNo, it.start, it.end) };
      groups.push(group);
      group.tokens = it.group.map((t) => mkToken(t, index));
      return { kind: 'group', group };
    });
    entry.selector = { range: rangeOn(lineNo, parsed.selector.start, parsed.selector.end), items };
  }
  if (parsed.versions.length > 0) {
    entry.versionRange = rangeOn(lineNo, parsed.versions[0].start, parsed.versions[parsed.versions.length - 1].end);
  }
  if (parsed.comment) {
    entry.comment = { text: s.slice(parsed.comment.start), range: rangeOn(lineNo, parsed.comment.start, s.length) };
  }
  out.entry = entry;
  return out;
}

/**
 * The syntax errors of a bindep/pydep file, as parseBindep's `errors`, line by line without a model
 * of the file (a 19 MB file's model is ~900 MB; its errors need none of it). Never throws.
 */
export function bindepSyntaxErrors(text: string): BindepSyntaxError[] {
  const errors: BindepSyntaxError[] = [];
  forEachBindepLine(text, (s, lineNo, hasBreak) => {
    const e = lineError(s, lineNo);
    if (e) errors.push(e);
    else if (!hasBreak && s.length > 0) errors.push(finalNewlineError(lineNo, s.length));
  });
  return errors;
}

function lineError(s: string, lineNo: number): BindepSyntaxError | undefined {
  try {
    new LineParser(s).parse();
    return undefined;
  } catch (e) {
    if (!(e instanceof LineSyntaxError)) throw e;
    return syntaxError(e, s, lineNo);
  }
}

function syntaxError(e: LineSyntaxError, s: string, lineNo: number): BindepSyntaxError {
  return { code: e.code, messageId: `loci.bindepSyntax.${e.code}`, text: s.slice(e.start, e.end), line: lineNo, range: rangeOn(lineNo, e.start, e.end) };
}

/** parsley: every rule/comment/blank ends in '\n' and the whole input must be consumed. */
function finalNewlineError(lineNo: number, end: number): BindepSyntaxError {
  return { code: 'missing-final-newline', messageId: 'loci.bindepSyntax.missing-final-newline', text: '', line: lineNo, range: rangeOn(lineNo, end, end) };
}

/** Parse a bindep/pydep file. Never throws. */
export function parseBindep(text: string): BindepFile {
  const entries: BindepEntry[] = [];
  const errors: BindepSyntaxError[] = [];
  const commentLines: number[] = [];
  forEachBindepLine(text, (s, lineNo, hasBreak) => {
    const ln = parseBindepLine(s, lineNo, hasBreak);
    if (ln.error) errors.push(ln.error);
    if (ln.finalNewline) errors.push(ln.finalNewline);
    if (ln.comment) commentLines.push(lineNo);
    if (ln.entry) entries.push(ln.entry);
  });
  return { text, entries, errors, commentLines };
}

// ---------------------------------------------------------------------------------------------
// Evaluation (depends.py: Depends._partition, _evaluate, _match_all, active_rules, _include)

/** Tri-state vote of one partition: true = definitely yes, false = definitely no, null = no tokens. */
export type BindepVote = boolean | null;

/**
 * `_partition`: bare `platform:*` tokens form the platform part; everything else, including every
 * `( … )` group even when it holds `platform:*` tokens, forms the user part.
 */
export function partition(entry: BindepEntry): { platform: BindepSelectorItem[]; user: BindepSelectorItem[] } {
  // Entries are immutable once parsed: compute each entry's partition once (evaluation is hot).
  return (entry.partition ??= partitionOf(entry));
}

function partitionOf(entry: BindepEntry): { platform: BindepSelectorItem[]; user: BindepSelectorItem[] } {
  const platform: BindepSelectorItem[] = [];
  const user: BindepSelectorItem[] = [];
  for (const item of entry.selector?.items ?? []) {
    if (item.kind === 'token' && item.token.platform) platform.push(item);
    else user.push(item);
  }
  return { platform, user };
}

/** `_match_all`: every token of an AND group holds (a negated token holds when absent). `()` matches. */
function matchAll(group: BindepGroup, profiles: ReadonlySet<string>): boolean {
  return group.tokens.every((t) => (profiles.has(t.name) ? !t.negated : t.negated));
}

/**
 * `_evaluate` for one partition, exactly as depends.py:
 * - empty partition → null ("no vote");
 * - any bare negated token that is an active profile → false (veto);
 * - otherwise true if a bare positive token is active or any group fully matches;
 * - otherwise true only if the partition had no positive bare token and no group at all — so a
 *   partition made only of negated bare tokens (`[!jammy]`) votes yes unless vetoed;
 * - otherwise false.
 */
export function evaluatePartition(items: readonly BindepSelectorItem[], profiles: ReadonlySet<string>): BindepVote {
  if (items.length === 0) return null;
  let positive = false;
  let matchFound = false;
  let groupFound = false;
  let groupMatchFound = false;
  for (const item of items) {
    if (item.kind === 'group') {
      groupFound = true;
      if (matchAll(item.group, profiles)) groupMatchFound = true;
      continue;
    }
    const t = item.token;
    if (!t.negated) {
      positive = true;
      if (profiles.has(t.name)) matchFound = true;
    } else if (profiles.has(t.name)) {
      return false; // negative = True; break
    }
  }
  if (groupMatchFound || matchFound) return true;
  if (!groupFound && !positive) return true;
  return false;
}

/** `_include` truth table: the entry is active unless either part votes false. */
export function entryActive(entry: BindepEntry, profiles: ReadonlySet<string>): boolean {
  const { platform, user } = partition(entry);
  return evaluatePartition(platform, profiles) !== false && evaluatePartition(user, profiles) !== false;
}

/**
 * `active_rules(profiles)`: bindep's command line appends the platform profiles to the user's profiles
 * and matches every token against that one set. Returns the active entries in file order.
 * (When the command line names no profile at all, bindep uses `default`; see `bindepCommandProfiles`.)
 */
export function evaluate(file: BindepFile, userProfiles: readonly string[], platform: readonly string[]): BindepEntry[] {
  const profiles = new Set<string>([...userProfiles, ...platform]);
  return file.entries.filter((e) => entryActive(e, profiles));
}

/**
 * The positional profile arguments as bindep's argparse sees them: `profile nargs='*' default=["default"]`.
 * Empty strings (unset shell variables expanded unquoted) disappear.
 */
export function bindepCommandProfiles(args: readonly string[]): string[] {
  const out = args.filter((a) => a.length > 0);
  return out.length > 0 ? out : ['default'];
}

// ---------------------------------------------------------------------------------------------
// Token inventory

export interface BindepTokenUse {
  token: BindepToken;
  entry: BindepEntry;
}

export interface BindepTokens {
  /** Distinct non-`platform:` token names, sorted. */
  user: string[];
  /** Distinct `platform:*` token names, sorted. */
  platform: string[];
  /** Every occurrence of each name, in file order. */
  uses: Map<string, BindepTokenUse[]>;
}

/** The selector tokens a file uses (negated and grouped ones included), and where. */
export function tokens(file: BindepFile): BindepTokens {
  const uses = new Map<string, BindepTokenUse[]>();
  for (const entry of file.entries) {
    for (const token of entry.tokens) {
      let list = uses.get(token.name);
      if (!list) uses.set(token.name, (list = []));
      list.push({ token, entry });
    }
  }
  const names = [...uses.keys()].sort();
  return {
    user: names.filter((n) => !n.startsWith('platform:')),
    platform: names.filter((n) => n.startsWith('platform:')),
    uses,
  };
}

// ---------------------------------------------------------------------------------------------
// Platform profiles (depends.py: Depends.platform_profiles, codenamebits, releasebits)

/** Release versions (`distro.version()`, i.e. os-release VERSION_ID) of known codenames, per distro id. */
export const CODENAME_VERSIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ubuntu: {
    xenial: '16.04',
    bionic: '18.04',
    focal: '20.04',
    jammy: '22.04',
    noble: '24.04',
    oracular: '24.10',
    plucky: '25.04',
    questing: '25.10',
  },
  debian: {
    stretch: '9',
    buster: '10',
    bullseye: '11',
    bookworm: '12',
    trixie: '13',
  },
};

/**
 * Atoms bindep adds for a distro id besides `<id>`, `<id>-<codename…>` and `<id>-<release…>`:
 * the package-manager atom and the family alias (depends.py `platform_profiles`). bindep additionally
 * adds distro-name aliases with their own codename/release bits for some rpm distros (rhel ↔
 * redhatenterpriseserver, amzn ↔ amazonami, opensuse ↔ opensuseproject, sles ↔ suselinux); those are not
 * reproduced here — a fork targeting such a distro passes the exact set through `extraAtoms`.
 */
export const DISTRO_EXTRA_ATOMS: Readonly<Record<string, readonly string[]>> = {
  ubuntu: ['dpkg'],
  debian: ['dpkg'],
  centos: ['redhat', 'rpm'],
  rhel: ['redhat', 'rpm'],
  fedora: ['redhat', 'rpm'],
  amzn: ['redhat', 'rpm'],
  opensuse: ['suse', 'rpm'],
  'opensuse-tumbleweed': ['suse', 'rpm'],
  sles: ['suse', 'rpm'],
  gentoo: ['emerge'],
  arch: ['pacman'],
};

export interface PlatformOptions {
  /** Replaces DISTRO_EXTRA_ATOMS[distro] (e.g. `['redhat', 'rpm']` for a fork's rpm distro). */
  extraAtoms?: readonly string[];
  /** Extra codename → version table consulted before CODENAME_VERSIONS. */
  versions?: Readonly<Record<string, string>>;
}

/**
 * The `platform:*` profiles bindep adds on a distro, sorted like bindep returns them.
 * Ubuntu noble → `platform:dpkg platform:ubuntu platform:ubuntu-24 platform:ubuntu-24.04 platform:ubuntu-noble`.
 * `version` defaults to the known version of `codename`; with an unknown codename and no version only the
 * id and codename atoms are produced.
 */
export function platformProfiles(distro: string, codename: string, version?: string, options: PlatformOptions = {}): string[] {
  const id = distro.split(/\s+/).join('').toLowerCase();
  const cn = codename.toLowerCase();
  const ver = (version ?? options.versions?.[cn] ?? CODENAME_VERSIONS[id]?.[cn] ?? '').toLowerCase();
  const atoms = new Set<string>([id]);
  const addBits = (name: string) => {
    // codenamebits: '-'.join of the first 1..n whitespace-separated words of the codename
    const words = cn.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) atoms.add(`${name}-${words.slice(0, i + 1).join('-')}`);
    // releasebits: '.'.join of the first 1..n dot-separated parts of the release (skipped when unknown)
    if (ver) {
      const bits = ver.split('.');
      for (let i = 0; i < bits.length; i++) atoms.add(`${name}-${bits.slice(0, i + 1).join('.')}`);
    }
  };
  addBits(id);
  for (const a of options.extraAtoms ?? DISTRO_EXTRA_ATOMS[id] ?? []) atoms.add(a);
  return [...atoms].sort().map((a) => `platform:${a}`);
}
