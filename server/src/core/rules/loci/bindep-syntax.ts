import { msg } from '../../messages/catalog';
import { parseBindepCached } from '../../loci/bindep-cache';
import type { TextRule } from '../registry';
import { BINDEP_REFERENCE, LOCI_REFERENCE } from './framework';

/**
 * A bindep.txt / pydep.txt line bindep cannot parse. bindep then rejects the whole file, and loci
 * swallows the failure (`|| :`), so nothing from the file is installed.
 */
export const bindepSyntax: TextRule = {
  id: 'bindep-syntax',
  category: 'loci',
  target: 'bindep',
  defaultSeverity: 'error',
  references: [BINDEP_REFERENCE, LOCI_REFERENCE],
  check(ctx) {
    for (const e of parseBindepCached(ctx.text).errors) {
      ctx.report({ range: e.range, message: msg(e.messageId, { text: e.text }) });
    }
  },
};
