// A small RuleTester (after ESLint's): a rule's own valid / invalid / fixed-output cases on inline
// text, run through the whole analysis (parse, suppressions, severities) and asserted exactly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerWith, lint } from './helpers';
import type { createProviders } from '../server/src/core/providers';
import { placeholders, template } from '../server/src/core/messages/catalog';
import { applyEdits } from '../server/src/core/text';
import type { PartialConfig } from '../server/src/core/config/config';
import type { DefinedRule } from '../server/src/core/rules/define';
import type { Finding, Severity } from '../server/src/core/types';

const DEFAULT_PATH: Record<string, string> = { dockerfile: '/ws/Dockerfile', 'yaml-document': '/ws/test.yaml', 'yaml-file': '/ws/test.yaml', shell: '/ws/build.sh', bindep: '/ws/bindep.txt' };

export interface ValidCase {
  code: string;
  name?: string;
  path?: string;
  config?: PartialConfig;
}
export interface ExpectedError {
  /** The rule's own message key (`noTag`, not `rule.x.noTag`). */
  messageId: string;
  /** [startLine, startChar, endLine, endChar], 0-based as in LSP. */
  range?: [number, number, number, number];
  args?: Record<string, string | number>;
  severity?: Severity;
}
export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after the first fix of every finding (non-overlapping, in order); null: no fix offered. */
  output?: string | null;
}

/** Options of a rule's cases: the providers its analyses get (e.g. `files` for rules that read other files). */
export interface RuleTesterOptions {
  providers?: Parameters<typeof createProviders>[0];
}

function findings(rule: DefinedRule, c: ValidCase, o: RuleTesterOptions = {}): Finding[] {
  const analyzer = o.providers ? analyzerWith(o.providers) : undefined;
  return lint(c.code, c.path ?? DEFAULT_PATH[rule.target], c.config ?? {}, analyzer).filter((f) => f.rule === rule.id);
}

/** Every `{placeholder}` of the message's English text is given (a missing one would show as `{name}`). */
function assertComplete(f: Finding): void {
  const tpl = template(f.message.id);
  assert.ok(tpl !== undefined, `unknown message id ${f.message.id}`);
  const missing = placeholders(tpl!).filter((p) => f.message.args?.[p] === undefined);
  assert.deepEqual(missing, [], `${f.message.id}: placeholders without a value`);
}

export function ruleTester(rule: DefinedRule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }, options: RuleTesterOptions = {}): void {
  describe(`rule ${rule.id}`, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.deepEqual(findings(rule, c, options).map((f) => f.message.id), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const got = findings(rule, c, options);
        assert.deepEqual(
          got.map((f, j) => ({
            messageId: f.message.id.slice(`rule.${rule.id}.`.length),
            ...(c.errors[j]?.range ? { range: [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character] } : {}),
            ...(c.errors[j]?.args ? { args: f.message.args } : {}),
            ...(c.errors[j]?.severity ? { severity: f.severity } : {}),
          })),
          c.errors,
        );
        for (const f of got) assertComplete(f);
        for (const f of got) for (const fx of f.fixes ?? []) assertComplete({ ...f, message: fx.title });
        if (c.output !== undefined) {
          const edits: { range: Finding['range']; newText: string }[] = [];
          const overlaps = (a: Finding['range'], b: Finding['range']) =>
            !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character <= b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character <= a.start.character));
          for (const f of got) {
            const fx = f.fixes?.find((x) => x.kind !== 'ignore');
            if (fx && !fx.edits.some((e) => edits.some((o) => overlaps(o.range, e.range)))) edits.push(...fx.edits);
          }
          if (c.output === null) assert.equal(edits.length, 0, 'expected no fix');
          else {
            const fixed = applyEdits(c.code, edits);
            assert.equal(fixed, c.output);
            // The fixed text no longer has the findings the fixes were for.
            assert.ok(findings(rule, { ...c, code: fixed }, options).length < got.length, 'the fix must remove the finding');
          }
        }
      });
    });
  });
}
