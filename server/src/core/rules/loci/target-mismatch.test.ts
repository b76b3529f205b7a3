import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { only } from '../../../../../test/helpers';
import { argValueAt, INVOCATIONS, lintForm, render, ruleFindings } from '../../../../../test/core/loci/forms';
import { ruleTester } from '../../../../../test/rule-tester';
import { targetMismatch } from './target-mismatch';

describe('loci-target-mismatch (R6)', () => {
  const RULE = 'loci-target-mismatch';
  for (const form of INVOCATIONS) {
    test(`${form}: --target requirements with PROJECT=cinder`, () => {
      const r = lintForm(form, { target: 'requirements', args: { WHEELS: null } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [{ range: argValueAt(r.text, form, 'PROJECT', 'cinder'), id: 'rule.loci-target-mismatch.requirementsTarget', severity: 'error', args: { project: 'cinder' } }]);
    });
    test(`${form}: PROJECT=requirements without --target requirements`, () => {
      const r = lintForm(form, { args: { PROJECT: 'requirements', WHEELS: null } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argValueAt(r.text, form, 'PROJECT', 'requirements'), 'rule.loci-target-mismatch.noTarget']]);
    });
    test(`${form}: PROJECT=requirements with --target project`, () => {
      const r = lintForm(form, { target: 'project', args: { PROJECT: 'requirements', WHEELS: null } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argValueAt(r.text, form, 'PROJECT', 'requirements'), 'rule.loci-target-mismatch.projectTarget']]);
    });
    test(`${form}: the matching pairs are clean`, () => {
      assert.deepEqual(only(lintForm(form, { target: 'requirements', args: { PROJECT: 'requirements', WHEELS: null } }).findings, RULE), []);
      assert.deepEqual(only(lintForm(form, { target: 'project' }).findings, RULE), []);
      assert.deepEqual(only(lintForm(form).findings, RULE), []);
    });
  }
  test('dockerfile: ARG defaults serve every target, so there is no mismatch to find', () => {
    assert.deepEqual(only(lintForm('dockerfile', { args: { PROJECT: 'requirements' } }).findings, RULE), []);
  });
});

// The same cases through the RuleTester, for a build script (message keys, ranges, arguments).
{
  const req = render('shell', { target: 'requirements', args: { WHEELS: null } });
  const noTarget = render('shell', { args: { PROJECT: 'requirements', WHEELS: null } });
  const projectTarget = render('shell', { target: 'project', args: { PROJECT: 'requirements', WHEELS: null } });
  const pair = render('shell', { target: 'requirements', args: { PROJECT: 'requirements', WHEELS: null } });
  ruleTester(targetMismatch.find((x) => x.target === 'shell')!, {
    valid: [
      { name: 'requirements target with PROJECT=requirements', code: pair.text, path: pair.path },
      { name: 'project target', code: render('shell', { target: 'project' }).text, path: pair.path },
      { name: 'default target', code: render('shell').text, path: pair.path },
    ],
    invalid: [
      { name: '--target requirements with PROJECT=cinder', code: req.text, path: req.path, errors: [{ messageId: 'requirementsTarget', range: argValueAt(req.text, 'shell', 'PROJECT', 'cinder'), args: { project: 'cinder' }, severity: 'error' }] },
      { name: 'PROJECT=requirements without --target', code: noTarget.text, path: noTarget.path, errors: [{ messageId: 'noTarget', range: argValueAt(noTarget.text, 'shell', 'PROJECT', 'requirements') }] },
      { name: 'PROJECT=requirements with --target project', code: projectTarget.text, path: projectTarget.path, errors: [{ messageId: 'projectTarget', range: argValueAt(projectTarget.text, 'shell', 'PROJECT', 'requirements') }] },
    ],
  });
}
