/**
 * Expands a VS Code snippet body the way the editor does when every tab stop is accepted as is:
 * placeholders take their default (nested placeholders expanded), choices their first option (or
 * the one `choose` picks), mirrors (`$1` after `${1:x}`) the value of their placeholder, `$0` and
 * bare tab stops nothing. Escapes as in VS Code's grammar: `\$`, `\}` and `\\` outside choices,
 * `\,` `\|` `\\` inside. Variables (`$TM_FILENAME`, `${CLIPBOARD}` …) are not supported: Dockyard's
 * snippets must not depend on editor state, so a variable is an error.
 */
type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] };

export interface ExpandOptions {
  /** Which option of choice `index` to take (default 0). */
  choose?: (index: number, options: string[]) => number;
}

export class SnippetSyntaxError extends Error {}

function parse(src: string): Node[] {
  let i = 0;
  const parseSeq = (inPlaceholder: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && ['$', '}', '\\'].includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
        continue;
      }
      if (c === '}' && inPlaceholder) {
        flush();
        return out;
      }
      if (c === '$') {
        const m = /^\$(\d+)/.exec(src.slice(i));
        if (m) {
          flush();
          out.push({ kind: 'tabstop', index: Number(m[1]) });
          i += m[0].length;
          continue;
        }
        const v = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
        if (v) throw new SnippetSyntaxError(`snippet variable ${v[1]} is not allowed`);
        const open = /^\$\{(\d+)/.exec(src.slice(i));
        if (open) {
          flush();
          const index = Number(open[1]);
          i += open[0].length;
          if (src[i] === '}') {
            i++;
            out.push({ kind: 'tabstop', index });
          } else if (src[i] === ':') {
            i++;
            const children = parseSeq(true);
            if (src[i] !== '}') throw new SnippetSyntaxError(`unclosed placeholder \${${index}:`);
            i++;
            out.push({ kind: 'placeholder', index, children });
          } else if (src[i] === '|') {
            i++;
            const options: string[] = [];
            let opt = '';
            for (;;) {
              if (i >= src.length) throw new SnippetSyntaxError(`unclosed choice \${${index}|`);
              const d = src[i];
              if (d === '\\' && [',', '|', '\\'].includes(src[i + 1])) {
                opt += src[i + 1];
                i += 2;
              } else if (d === ',') {
                options.push(opt);
                opt = '';
                i++;
              } else if (d === '|' && src[i + 1] === '}') {
                options.push(opt);
                i += 2;
                break;
              } else {
                opt += d;
                i++;
              }
            }
            out.push({ kind: 'choice', index, options });
          } else {
            throw new SnippetSyntaxError(`bad tab stop at ${i}`);
          }
          continue;
        }
      }
      text += c;
      i++;
    }
    if (inPlaceholder) throw new SnippetSyntaxError('unclosed placeholder');
    flush();
    return out;
  };
  const nodes = parseSeq(false);
  return nodes;
}

/** Snippet body (string or lines) → text, with the defaults a user gets by tabbing through. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parse(src);
  // The first placeholder or choice of an index defines its value; later occurrences mirror it.
  const defs = new Map<number, Node>();
  const collect = (list: Node[]) => {
    for (const n of list) {
      if ((n.kind === 'placeholder' || n.kind === 'choice') && !defs.has(n.index)) defs.set(n.index, n);
      if (n.kind === 'placeholder') collect(n.children);
    }
  };
  collect(nodes);
  const values = new Map<number, string>();
  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    if (index === 0) return '';
    const known = values.get(index);
    if (known !== undefined) return known;
    const def = defs.get(index);
    if (!def) return '';
    if (resolving.has(index)) throw new SnippetSyntaxError(`placeholder ${index} contains itself`);
    resolving.add(index);
    let v = '';
    if (def.kind === 'choice') {
      const k = options.choose?.(index, def.options) ?? 0;
      v = def.options[k];
    } else if (def.kind === 'placeholder') v = render(def.children);
    resolving.delete(index);
    values.set(index, v);
    return v;
  };
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        return valueOf(n.index);
      })
      .join('');
  return render(nodes);
}

/** Every choice of a snippet: index → options (for tests that try each option). */
export function snippetChoices(body: string | string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'choice' && !out.has(n.index)) out.set(n.index, n.options);
      if (n.kind === 'placeholder') walk(n.children);
    }
  };
  walk(parse(Array.isArray(body) ? body.join('\n') : body));
  return out;
}

/** The tab-stop indexes a snippet has (placeholders, choices and bare tab stops). */
export function snippetTabStops(body: string | string[]): number[] {
  const out = new Set<number>();
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (n.kind !== 'text') out.add(n.index);
      if (n.kind === 'placeholder') walk(n.children);
    }
  };
  walk(parse(Array.isArray(body) ? body.join('\n') : body));
  return [...out].sort((a, b) => a - b);
}
