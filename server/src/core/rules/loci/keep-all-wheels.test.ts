import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, only } from '../../../../../test/helpers';
import { argNameAt, argValueAt, at, FORMS, lintForm, ruleFindings, variable } from '../../../../../test/core/loci/forms';
import { ruleTester } from '../../../../../test/rule-tester';
import { keepAllWheels } from './keep-all-wheels';

describe('loci-keep-all-wheels (R14)', () => {
  const RULE = 'loci-keep-all-wheels';
  for (const form of FORMS) {
    for (const v of ['false', 'no', '0', 'FALSE']) {
      test(`${form}: "${v}" acts as true; the fix writes False`, () => {
        const r = lintForm(form, { args: { KEEP_ALL_WHEELS: v } });
        assert.deepEqual(ruleFindings(r.findings, RULE), [{ range: argValueAt(r.text, form, 'KEEP_ALL_WHEELS', v), id: 'rule.loci-keep-all-wheels.actsTrue', severity: 'warning', args: { value: v } }]);
        const fixed = applyFix(r.text, only(r.findings, RULE)[0]);
        assert.deepEqual(lint(fixed, r.path), []);
        assert.ok(fixed.includes('False'));
      });
    }
    test(`${form}: "maybe" acts as true, said without a fix`, () => {
      const r = lintForm(form, { args: { KEEP_ALL_WHEELS: 'maybe' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argValueAt(r.text, form, 'KEEP_ALL_WHEELS', 'maybe'), 'rule.loci-keep-all-wheels.unclear']]);
      assert.equal(only(r.findings, RULE)[0].fixes, undefined);
    });
    test(`${form}: False, True, yes and variables are fine`, () => {
      for (const v of ['False', 'True', 'yes', variable('KEEP')]) assert.deepEqual(only(lintForm(form, { args: { KEEP_ALL_WHEELS: v } }).findings, RULE), [], v);
    });
  }
  test('compose: an unquoted YAML False is a boolean, and compose passes "false"', () => {
    const text = 'services:\n  cinder:\n    build:\n      context: ../loci\n      args:\n        PROJECT: cinder\n        PROJECT_REF: stable/2025.2\n        FROM: quay.io/airshipit/base:2025.2-ubuntu_noble_loci\n        WHEELS: quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci\n        KEEP_ALL_WHEELS: False\n';
    const f = only(lint(text, '/ws/compose.yaml'), RULE);
    assert.deepEqual(f.map((x) => [[x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character], x.message.id]), [[at(text, 'False'), 'rule.loci-keep-all-wheels.yamlBoolean']]);
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, text.replace('KEEP_ALL_WHEELS: False', 'KEEP_ALL_WHEELS: "False"'));
    assert.deepEqual(lint(fixed, '/ws/compose.yaml'), []);
  });
  test('shell: an empty value acts as true (reported on the key, the fix fills in False)', () => {
    const r = lintForm('shell', { args: { KEEP_ALL_WHEELS: '' } });
    assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argNameAt(r.text, 'shell', 'KEEP_ALL_WHEELS'), 'rule.loci-keep-all-wheels.empty']]);
    const fixed = applyFix(r.text, only(r.findings, RULE)[0]);
    assert.equal(fixed, r.text.replace("KEEP_ALL_WHEELS=''", "KEEP_ALL_WHEELS='False'"));
  });
});

// Compose's YAML boolean through the RuleTester: message key, range, argument, and the quoted output.
{
  const code = 'services:\n  cinder:\n    build:\n      context: ../loci\n      args:\n        PROJECT: cinder\n        PROJECT_REF: stable/2025.2\n        FROM: quay.io/airshipit/base:2025.2-ubuntu_noble_loci\n        WHEELS: quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci\n        KEEP_ALL_WHEELS: False\n';
  ruleTester(keepAllWheels.find((x) => x.target === 'yaml-document')!, {
    valid: [{ name: 'quoted "False"', code: code.replace('KEEP_ALL_WHEELS: False', 'KEEP_ALL_WHEELS: "False"'), path: '/ws/compose.yaml' }],
    invalid: [
      {
        name: 'unquoted False in compose args',
        code,
        path: '/ws/compose.yaml',
        errors: [{ messageId: 'yamlBoolean', range: at(code, 'False'), severity: 'warning' }],
        output: code.replace('KEEP_ALL_WHEELS: False', 'KEEP_ALL_WHEELS: "False"'),
      },
    ],
  });
}
