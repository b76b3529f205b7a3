import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerWith, applyFix, lint, only } from '../../../../../test/helpers';
import { parseBindep } from '../../loci/bindep';
import { argNameAt, argValueAt, FORMS, INVOCATIONS, lintForm, ruleFindings } from '../../../../../test/core/loci/forms';

describe('loci-deprecated-arg', () => {
  const RULE = 'loci-deprecated-arg';
  for (const form of FORMS) {
    test(`${form}: R23 PIP_CONSTRAINT breaks pip; the fix renames it to PIP_VERSION_CONSTRAINT`, () => {
      const r = lintForm(form, { args: { PIP_CONSTRAINT: '<25.3' } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [
        { range: argNameAt(r.text, form, 'PIP_CONSTRAINT'), id: 'rule.loci-deprecated-arg.pipConstraint', severity: 'warning', args: { arg: 'PIP_CONSTRAINT', replacement: 'PIP_VERSION_CONSTRAINT', commit: 'ef7e133', date: '2025-11-26' } },
      ]);
      const fixed = applyFix(r.text, only(r.findings, RULE)[0]);
      assert.equal(fixed, r.text.replace('PIP_CONSTRAINT', 'PIP_VERSION_CONSTRAINT'));
      assert.deepEqual(lint(fixed, r.path), []);
    });
    test(`${form}: R23 WHEEL_CONSTRAIN → WHEEL_CONSTRAINT, DISTRO and PYTHON3 were removed`, () => {
      const r = lintForm(form, { args: { WHEEL_CONSTRAIN: '<0.46', DISTRO: 'ubuntu', PYTHON3: 'yes' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [
        [argNameAt(r.text, form, 'WHEEL_CONSTRAIN'), 'rule.loci-deprecated-arg.renamed'],
        [argNameAt(r.text, form, 'DISTRO'), 'rule.loci-deprecated-arg.removed'],
        [argNameAt(r.text, form, 'PYTHON3'), 'rule.loci-deprecated-arg.removed'],
      ]);
    });
    test(`${form}: current names are fine`, () => {
      assert.deepEqual(only(lintForm(form, { args: { PIP_VERSION_CONSTRAINT: '<25.3', WHEEL_CONSTRAINT: '<0.46' } }).findings, RULE), []);
    });
  }
  for (const form of INVOCATIONS) {
    test(`${form}: R11 REGISTRY_PROTOCOL / APT_MIRROR are no-ops; R24 COPY_DEFAULT_CONFIG_FILES is no ARG`, () => {
      const r = lintForm(form, { args: { REGISTRY_PROTOCOL: 'https', APT_MIRROR: 'http://mirror.example.com/ubuntu/', COPY_DEFAULT_CONFIG_FILES: 'yes' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [
        [argNameAt(r.text, form, 'REGISTRY_PROTOCOL'), 'rule.loci-deprecated-arg.unused', 'warning'],
        [argNameAt(r.text, form, 'APT_MIRROR'), 'rule.loci-deprecated-arg.unusedReplacement', 'warning'],
        [argNameAt(r.text, form, 'COPY_DEFAULT_CONFIG_FILES'), 'rule.loci-deprecated-arg.notAnArg', 'information'],
      ]);
    });
    test(`${form}: R9 PROJECT_RELEASE has no effect; with "/" it can never match`, () => {
      let r = lintForm(form, { args: { PROJECT_RELEASE: '2025.2' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [[argNameAt(r.text, form, 'PROJECT_RELEASE'), 'rule.loci-deprecated-arg.projectRelease', 'information']]);
      r = lintForm(form, { args: { PROJECT_RELEASE: 'stable/2025.2' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argValueAt(r.text, form, 'PROJECT_RELEASE', 'stable/2025.2'), 'rule.loci-deprecated-arg.releaseNeverMatches']]);
    });
  }
  test("dockerfile: loci's own declarations of unused ARGs (REGISTRY_*, APT_MIRROR, PROJECT_RELEASE) are not reported", () => {
    const r = lintForm('dockerfile', { args: { REGISTRY_PROTOCOL: 'detect', REGISTRY_INSECURE: 'False', APT_MIRROR: 'https://archive.ubuntu.com/ubuntu/', PROJECT_RELEASE: 'master' } });
    assert.deepEqual(only(r.findings, RULE), []);
  });

  describe('R9 with a pydep.txt that still uses release tokens (an old fork)', () => {
    test('PROJECT_RELEASE=queens selects something there', () => {
      const a = analyzerWith({ loci: { get: () => ({ bindep: parseBindep('libxml2 []\n'), pydep: parseBindep('oslo.foo [queens]\n'), source: '/ws/loci' }) } });
      const r = lintForm('shell', { args: { PROJECT_RELEASE: 'queens' } }, { loci: { path: '/ws/loci' } }, a);
      assert.deepEqual(only(r.findings, RULE), []);
    });
  });
});
