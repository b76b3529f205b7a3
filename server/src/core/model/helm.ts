/**
 * Helm chart templates are not YAML until rendered. We mask every `{{ … }}` action keeping every
 * offset and line intact, so what parses can be checked and ranges stay exact:
 * - a line that holds only actions (`{{- if … }}`, `{{ include … | indent 4 }}`), possibly followed
 *   by a comment, becomes blank (the comment stays);
 * - an action inside a line becomes a run of MASK characters of the same length, a plain scalar
 *   that rules recognise (`isMasked`) and treat as "cannot be known" - also as a sequence item
 *   (`- {{ .Values.x }}` stays an item whose value is unknown).
 */
export const MASK = '\uE000';

/**
 * Every `{{ … }}` action replaced by MASK (newlines inside multi-line actions kept). A linear scan:
 * once no `}}` follows, no later `{{` can close either (a pattern that searched to the end of the
 * file for each unclosed `{{` made a template full of them quadratic).
 */
export function maskActions(text: string): string {
  const parts: string[] = [];
  let last = 0;
  let open = text.indexOf('{{');
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    parts.push(text.slice(last, open), masked(text, open, close + 2));
    last = close + 2;
    open = text.indexOf('{{', last);
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

/** `text[from, to)` with every character but line breaks replaced by MASK. */
function masked(text: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return text.slice(from, to).replace(/[^\r\n]/g, MASK);
  }
  return MASK.repeat(to - from);
}

/** `text` as YAML: actions masked, lines of nothing but actions blank. `actions`: `maskActions(text)` when the caller has it. */
export function maskHelm(text: string, actions?: string): string {
  if (!text.includes('{{')) return text;
  // First pass: replace every action by MASK (newlines inside multi-line actions kept).
  const masked = actions ?? maskActions(text);
  // Second pass: lines with nothing but actions (and a chomping dash) become blank lines. Only the
  // lines that hold a MASK are looked at; the text between them is copied as it is.
  const run = new RegExp(`${MASK}+`, 'g');
  const parts: string[] = [];
  let last = 0;
  let m = masked.indexOf(MASK);
  while (m >= 0) {
    const start = masked.lastIndexOf('\n', m) + 1;
    let end = masked.indexOf('\n', m);
    if (end < 0) end = masked.length;
    const l = masked.slice(start, end);
    const out = blankLine(l, run);
    if (out !== l) {
      parts.push(masked.slice(last, start), out);
      last = end;
    }
    m = masked.indexOf(MASK, end);
  }
  if (last === 0) return masked;
  parts.push(masked.slice(last));
  return parts.join('');
}

/** A line holding a MASK: blank when nothing but actions; `{{- end }} # end if`: the action blanked, the comment kept. */
function blankLine(l: string, run: RegExp): string {
  const rest = l.replace(run, '').trim();
  if (rest === '') return l.includes('\r') ? l.replace(/[^\r]/g, ' ') : ' '.repeat(l.length);
  if (rest.startsWith('#') && /^[\s\uE000]*#/.test(l)) return l.replace(run, (m) => ' '.repeat(m.length));
  return l;
}

export function isMasked(s: unknown): boolean {
  return typeof s === 'string' && s.includes(MASK);
}

/** Runs of masked expressions (a pattern source; a `g` RegExp is made per call: its lastIndex is state). */
const MASK_RUNS = `${MASK}+(?:[ \t]+${MASK}+)*`;

/** A text with its masked expressions shown as `{{…}}` (several in a row, with blanks between, as one). */
export function showMasked(s: string): string {
  return s.includes(MASK) ? s.replace(new RegExp(MASK_RUNS, 'g'), '{{…}}') : s;
}
