import { msg } from '../../messages/catalog';
import { bindepSyntaxErrors } from '../../loci/bindep';
import { defineRule } from '../define';
import { BINDEP_REFERENCE, LOCI_REFERENCE } from './framework';

/**
 * A bindep.txt / pydep.txt line bindep cannot parse. bindep then rejects the whole file, and loci
 * swallows the failure (`|| :`), so nothing from the file is installed.
 */
export const bindepSyntax = defineRule({
  id: 'bindep-syntax',
  category: 'loci',
  target: 'bindep',
  defaultSeverity: 'error',
  references: [BINDEP_REFERENCE, LOCI_REFERENCE],
  docs: {
    summary: 'A bindep.txt / pydep.txt line that bindep cannot parse.',
    risk: 'bindep rejects the whole file, and loci ignores the failure (|| :), so no package from the file is installed.',
    fix: 'Write each line as: package [selector tokens] [version], with single spaces, lower-case [a-z0-9:.-] tokens, ( ) groups that are not nested, and a final line break.',
  },
  messages: {
  },
  check(ctx, m) {
    for (const e of bindepSyntaxErrors(ctx.text)) {
      ctx.report({ range: e.range, message: msg(e.messageId, { text: e.text }) });
    }
  },
});
