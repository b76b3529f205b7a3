import type { YAMLError } from 'yaml';
import { msg } from '../../messages/catalog';
import type { YamlDocumentRule } from '../registry';
import { MASK } from '../../model/helm';

/** Known `yaml` error codes with their own catalog message; others use the generic one. */
const CODES = new Set([
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
]);

const MAX_PER_DOCUMENT = 20;

export const yamlSyntax: YamlDocumentRule = {
  id: 'yaml-syntax',
  category: 'yaml',
  target: 'yaml-document',
  kubernetesOnly: false,
  defaultSeverity: 'error',
  generic: 'yaml',
  check(ctx) {
    const { doc } = ctx;
    let n = 0;
    for (const e of doc.doc.errors as YAMLError[]) {
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
      // In a Helm template, an error that touches a masked action is an artefact of masking.
      if (doc.masked && nearMask(doc.text, start, end)) continue;
      const lineEnd = doc.text.indexOf('\n', start);
      if (lineEnd >= 0 && end > lineEnd && lineEnd > start) end = lineEnd;
      const detail = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      ctx.report({
        range: doc.rangeOfOffsets(start, end),
        message: CODES.has(e.code) ? msg(`rule.yaml-syntax.${e.code}`, { detail }) : msg('rule.yaml-syntax.generic', { detail }),
      });
    }
  },
};

function nearMask(text: string, start: number, end: number): boolean {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let le = text.indexOf('\n', end);
  if (le < 0) le = text.length;
  // The error's line and the line before it.
  const prev = text.lastIndexOf('\n', ls - 2) + 1;
  return text.slice(Math.max(0, prev), le).includes(MASK) || text.slice(ls, le).trim() === '';
}
