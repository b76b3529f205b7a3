import type { YamlError } from '../../model/ynode';
import { MASK } from '../../model/helm';
import { isAlias, isMap, isSeq, type YNode, type YamlDocModel } from '../../model/yaml';
import { MAX_DEPTH } from '../../model/guards';
import { MAX_ALIAS_COUNT } from '../../model/yaml';
import { defineRule } from '../define';

/** Known `yaml` error codes with their own catalog message; others use the generic one. */
const CODES: ReadonlySet<string> = new Set<YamlCode>([
  'BAD_INDENT',
  'TAB_AS_INDENT',
  'MISSING_CHAR',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'BAD_DQ_ESCAPE',
  'BAD_SCALAR_START',
  'BAD_ALIAS',
  'KEY_OVER_1024_CHARS',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_TAGS',
  'BLOCK_IN_FLOW',
  'ALIAS_PROPS',
  'BAD_DIRECTIVE',
  'TAG_RESOLVE_FAILED',
  'RESOURCE_EXHAUSTION',
]);
type YamlCode =
  | 'BAD_INDENT'
  | 'TAB_AS_INDENT'
  | 'MISSING_CHAR'
  | 'BLOCK_AS_IMPLICIT_KEY'
  | 'MULTILINE_IMPLICIT_KEY'
  | 'UNEXPECTED_TOKEN'
  | 'BAD_DQ_ESCAPE'
  | 'BAD_SCALAR_START'
  | 'BAD_ALIAS'
  | 'KEY_OVER_1024_CHARS'
  | 'MULTIPLE_ANCHORS'
  | 'MULTIPLE_TAGS'
  | 'BLOCK_IN_FLOW'
  | 'ALIAS_PROPS'
  | 'BAD_DIRECTIVE'
  | 'TAG_RESOLVE_FAILED'
  | 'RESOURCE_EXHAUSTION';

const MAX_PER_DOCUMENT = 20;

export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  category: 'yaml',
  target: 'yaml-document',
  kubernetesOnly: false,
  defaultSeverity: 'error',
  generic: 'yaml',
  docs: {
    summary: 'YAML that does not parse. Each document of a multi-document file is checked on its own; the others are still analysed.',
    fix: 'Correct the YAML at the marked place.',
  },
  messages: {
    generic: 'YAML syntax error: {detail}',
    BAD_INDENT: 'Bad indentation: {detail}',
    TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces.',
    MISSING_CHAR: 'Missing character: {detail}',
    BLOCK_AS_IMPLICIT_KEY: 'A block collection cannot be a mapping key: {detail}',
    MULTILINE_IMPLICIT_KEY: 'A mapping key must fit on one line (is a colon or indentation missing?): {detail}',
    UNEXPECTED_TOKEN: 'Unexpected content: {detail}',
    BAD_DQ_ESCAPE: 'Invalid escape in a double-quoted string: {detail}',
    BAD_SCALAR_START: 'A plain value cannot start with this character; quote it: {detail}',
    BAD_ALIAS: 'Alias to an unknown anchor: {detail}',
    KEY_OVER_1024_CHARS: 'An implicit key is longer than 1024 characters.',
    MULTIPLE_ANCHORS: 'A node has more than one anchor.',
    MULTIPLE_TAGS: 'A node has more than one tag.',
    BLOCK_IN_FLOW: 'Block syntax inside a flow collection: {detail}',
    ALIAS_PROPS: 'An alias cannot have an anchor or a tag.',
    BAD_DIRECTIVE: 'Invalid directive: {detail}',
    TAG_RESOLVE_FAILED: 'Unresolved tag: {detail}',
    RESOURCE_EXHAUSTION: 'The document is too complex to read: {detail}',
    tooDeep: 'The document nests more than {limit} levels deep; Dockyard does not analyse it.',
    aliasLimit: 'Expanding the aliases of this document takes more than {limit} alias resolutions (a "billion laughs" document?); its values are not checked.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    if (doc.tooDeepAt !== undefined) {
      const at = Math.min(doc.tooDeepAt, Math.max(0, doc.text.length - 1));
      ctx.report({ range: doc.rangeOfOffsets(at, Math.min(at + 1, doc.text.length)), message: m('tooDeep', { limit: MAX_DEPTH }) });
      return;
    }
    let n = 0;
    let artefact = false;
    for (const e of doc.errors as YamlError[]) {
      if (e.code === 'DUPLICATE_KEY') continue; // duplicate-key reports those, with both places
      if (n++ >= MAX_PER_DOCUMENT) break;
      let [start, end] = e.pos;
      // An error at the end of the input ("missing ]") is shown on the last real character.
      const contentEnd = doc.text.trimEnd().length;
      if (start >= contentEnd && contentEnd > 0) {
        start = contentEnd - 1;
        end = contentEnd;
      }
      if (end <= start) end = Math.min(start + 1, doc.text.length);
      // In a Helm template, an error that touches a masked action is an artefact of masking, and
      // every later error of the document is a consequence of it (the parser lost its place).
      if (doc.masked && (artefact || nearMask(doc, start))) {
        artefact = true;
        continue;
      }
      const lineEnd = doc.text.indexOf('\n', start);
      if (lineEnd >= 0 && end > lineEnd && lineEnd > start) end = lineEnd;
      const detail = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      ctx.report({
        range: doc.rangeOfOffsets(start, end),
        message: CODES.has(e.code) ? m(e.code as YamlCode, { detail }) : m('generic', { detail }),
      });
    }
    // Parsed, but expanding its aliases would blow up ("billion laughs"): said on the first alias.
    if (n === 0 && doc.contents && doc.text.includes('*') && doc.valueError === 'aliases') {
      const alias = firstAlias(doc);
      ctx.report({ range: alias ? doc.rangeOf(alias) : doc.lines.rangeOf(0, 0), message: m('aliasLimit', { limit: MAX_ALIAS_COUNT }) });
    }
  },
});

/**
 * Whether masking changed the error's line, the line before it or the line after it (an unclosed
 * quoted scalar that continues over a blanked line), or the error sits on a blank line.
 */
/** The first alias (`*name`) of the document, iteratively. */
function firstAlias(doc: YamlDocModel): YNode | undefined {
  const stack: unknown[] = [doc.contents];
  let budget = 200_000;
  while (stack.length && budget-- > 0) {
    const n = stack.pop();
    if (isAlias(n)) return n as YNode;
    if (isMap(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        stack.push(n.items[i].value);
        stack.push(n.items[i].key);
      }
    } else if (isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return undefined;
}

function nearMask(doc: YamlDocModel, start: number): boolean {
  const line = doc.lines.positionAt(start).line;
  if (doc.lines.lineText(line).trim() === '') return true;
  const changed = (l: number) => {
    const masked = doc.lines.lineText(l);
    return masked.includes(MASK) || masked !== lineOf(doc.original, doc.lines.lineStarts[l]);
  };
  for (let l = Math.max(0, line - 1); l <= Math.min(doc.lines.lineCount - 1, line + 1); l++) if (changed(l)) return true;
  // Comment lines between a masked line and the error do not separate them (`labels: {{- include … |
  // nindent 4 }}`, a `# comment`, then the literal labels): the content line before the comments counts.
  let l = line - 1;
  for (let guard = 0; l >= 0 && guard < 64 && /^\s*#/.test(doc.lines.lineText(l)); guard++) l--;
  return l >= 0 && l < line - 1 && changed(l);
}

function lineOf(text: string, start: number): string {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, end);
}
