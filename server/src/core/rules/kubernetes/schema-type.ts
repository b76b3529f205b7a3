import { schemaIssuesOf } from '../../kubernetes/check';
import { locatePath, pathLabel, valueRangeAt } from '../../kubernetes/locate';
import { isScalar } from '../../model/ynode';
import type { Fix, Message } from '../../types';
import { schemaStore } from '../../kubernetes/schema';
import { defineRule } from '../define';

/** `<…>` on its own: a placeholder the reader of an example fills in. */
const FILL_IN = /^<[^<>\n]{1,200}>$/;

/** A value of the wrong type: string vs integer vs object …, int-or-string and quantities included. */
export const schemaType = defineRule({
  id: 'schema-type',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  // Quoting a YAML 1.1 boolean or number where Kubernetes wants a string: the manifest as written is
  // rejected by the API server, so the fix changes no workload that runs; it makes the value the
  // string it reads as (safe).
  fixTiers: ['safe'],
  equivalents: ['kube-linter:schema-validation'],
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  docs: {
    summary: 'A value of the wrong type: a string where an integer is expected, a list where an object is, an IntOrString or Quantity that is neither. A `<…>` placeholder to fill in is not judged.',
    risk: 'The API server rejects the object, or YAML typing surprises (`"8080"` vs `8080`, `on`/`yes`) change what is applied.',
    fix: 'Write the value with the type the field takes; quote strings that look like numbers or booleans.',
  },
  messages: {
    message: '{path} must be {expected}, not {actual}.',
    readAsBoolean: '{path} must be a string, but kubectl reads the unquoted {source} as the boolean {value} (YAML 1.1), which the API server rejects; quote it.',
    readAsNumber: '{path} must be a string, but kubectl reads the unquoted {source} as the number {value}, which the API server rejects; quote it.',
    quoteFix: 'Quote it: {quoted}',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const found = schemaIssuesOf(doc, ctx.config, ctx.path, 'type', ctx.providers, ctx.workspaceCrd);
    if (!found) return;
    const c = found.check;
    for (const issue of found.issues) {
      const d = schemaStore(ctx.providers).describe(c.schemaVersion, c.id.apiVersion, c.id.kind, issue.path);
      const expected = d?.typeLabel ?? (issue.expected ?? []).join(' | ');
      // A fill-in placeholder (`lun: <ADD LUN ID Here>` in an example to complete) is no value yet.
      if (issue.actual === 'string' && !issue.expected?.includes('string')) {
        const loc = locatePath(doc, issue.path);
        const node = loc.complete ? loc.steps[loc.steps.length - 1]?.node : undefined;
        if (isScalar(node) && typeof node.value === 'string' && FILL_IN.test(node.value)) continue;
      }
      const path = pathLabel(issue.path) || c.id.kind;
      let message: Message = m('message', { path, expected, actual: issue.actual ?? '?' });
      let fixes: Fix[] | undefined;
      // The "Norway problem": an unquoted `yes`, `on`, `NO`, `0644` … where a string is expected is
      // read by kubectl as a boolean or a number (YAML 1.1), which the API server rejects. Quoting
      // it keeps the text the author wrote.
      if (issue.expected?.length === 1 && issue.expected[0] === 'string') {
        const loc = locatePath(doc, issue.path);
        const node = loc.complete ? loc.steps[loc.steps.length - 1]?.node : undefined;
        if (isScalar(node) && node.type === 'PLAIN' && (typeof node.value === 'boolean' || typeof node.value === 'number') && !node.source.includes('\n')) {
          const source = node.source;
          const quoted = JSON.stringify(source);
          message = m(typeof node.value === 'boolean' ? 'readAsBoolean' : 'readAsNumber', { path, source, value: String(node.value) });
          fixes = [{ title: m('quoteFix', { quoted }), edits: [{ range: doc.rangeOfOffsets(node.range[0], node.range[1]), newText: quoted }], tier: 'safe' }];
        }
      }
      ctx.report({ range: valueRangeAt(doc, issue.path), message, fixes });
    }
  },
});
