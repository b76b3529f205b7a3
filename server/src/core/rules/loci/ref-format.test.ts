import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, only } from '../../../../../test/helpers';
import { argValueAt, FORMS, lintForm, ruleFindings, variable } from '../../../../../test/core/loci/forms';

describe('loci-ref-format', () => {
  const RULE = 'loci-ref-format';
  for (const form of FORMS) {
    test(`${form}: R7 PROJECT_REF=2025.2 is a release, with a fix to stable/2025.2`, () => {
      const r = lintForm(form, { args: { PROJECT_REF: '2025.2' } });
      const range = argValueAt(r.text, form, 'PROJECT_REF', '2025.2');
      assert.deepEqual(ruleFindings(r.findings, RULE), [{ range, id: 'rule.loci-ref-format.bareRelease', severity: 'warning', args: { ref: '2025.2', branch: 'stable/2025.2' } }]);
      const fixed = applyFix(r.text, only(r.findings, RULE)[0]);
      assert.deepEqual(lint(fixed, r.path), []);
    });
    test(`${form}: R7 a series name (flamingo) maps to its version branch`, () => {
      const r = lintForm(form, { args: { PROJECT_REF: 'flamingo' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.args?.branch]), [[argValueAt(r.text, form, 'PROJECT_REF', 'flamingo'), 'stable/2025.2']]);
    });
    test(`${form}: R8 refs/changes/… from the default opendev repository`, () => {
      const r = lintForm(form, { args: { PROJECT_REF: 'refs/changes/24/923324/10' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [[argValueAt(r.text, form, 'PROJECT_REF', 'refs/changes/24/923324/10'), 'rule.loci-ref-format.gerritRepo', 'information']]);
      const ok = lintForm(form, { args: { PROJECT_REF: 'refs/changes/24/923324/10', PROJECT_REPO: 'https://review.opendev.org/openstack/cinder' } });
      assert.deepEqual(only(ok.findings, RULE), []);
    });
    test(`${form}: R22 NOVNC_REF as a SHA and SPICE_REF as refs/… (git clone -b)`, () => {
      const r = lintForm(form, { args: { PROJECT: 'nova', NOVNC_REF: '0123456789abcdef', SPICE_REF: 'refs/tags/x' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [
        [argValueAt(r.text, form, 'NOVNC_REF', '0123456789abcdef'), 'rule.loci-ref-format.cloneBranch', 'error'],
        [argValueAt(r.text, form, 'SPICE_REF', 'refs/tags/x'), 'rule.loci-ref-format.cloneBranch', 'error'],
      ]);
    });
    test(`${form}: branches, tags, SHAs for PROJECT_REF, master and variables are fine`, () => {
      for (const ref of ['stable/2025.2', 'master', 'unmaintained/2023.1', '27.0.0', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4', variable('REF')]) {
        assert.deepEqual(only(lintForm(form, { args: { PROJECT_REF: ref, PROJECT: 'nova', NOVNC_REF: 'v1.4.0' } }).findings, RULE), [], ref);
      }
    });
  }
});
