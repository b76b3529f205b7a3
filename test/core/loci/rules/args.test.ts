import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerWith, applyFix, lint, only } from '../../../helpers';
import { parseBindep } from '../../../../server/src/core/loci/bindep';
import { argNameAt, argValueAt, FORMS, INVOCATIONS, lintForm, ruleFindings } from '../forms';

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

describe('loci-extra-deps-file (R19)', () => {
  const RULE = 'loci-extra-deps-file';
  for (const form of FORMS) {
    test(`${form}: names loci's globs skip, or read as the other kind`, () => {
      const r = lintForm(form, { args: { EXTRA_BINDEP: 'extra/site-packages.txt', EXTRA_PYDEP: 'extra/bindep-py.txt' } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [
        { range: argValueAt(r.text, form, 'EXTRA_BINDEP', 'extra/site-packages.txt'), id: 'rule.loci-extra-deps-file.ignored', severity: 'warning', args: { arg: 'EXTRA_BINDEP', file: 'extra/site-packages.txt', prefix: 'bindep' } },
        { range: argValueAt(r.text, form, 'EXTRA_PYDEP', 'extra/bindep-py.txt'), id: 'rule.loci-extra-deps-file.swapped', severity: 'warning', args: { arg: 'EXTRA_PYDEP', file: 'extra/bindep-py.txt', other: 'bindep' } },
      ]);
    });
    test(`${form}: well-named files are fine`, () => {
      assert.deepEqual(only(lintForm(form, { args: { EXTRA_BINDEP: 'extra/bindep-site.txt', EXTRA_PYDEP: 'pydep-site.txt' } }).findings, RULE), []);
    });
    test(`${form}: an extra file with bindep syntax errors (read through the provider)`, () => {
      const a = analyzerWith({ loci: { get: () => undefined, extra: (_dir, rel) => (rel === 'bindep-site.txt' ? parseBindep('good [x]\n  bad\n') : undefined) } });
      const r = lintForm(form, { args: { EXTRA_BINDEP: 'bindep-site.txt' } }, {}, a);
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.args?.line]), [[argValueAt(r.text, form, 'EXTRA_BINDEP', 'bindep-site.txt'), 'rule.loci-extra-deps-file.syntax', 2]]);
    });
  }
});

describe('loci-arg-value', () => {
  const RULE = 'loci-arg-value';
  for (const form of FORMS) {
    test(`${form}: R25 UID / GID / NOVA_TSS_UID not integers`, () => {
      const r = lintForm(form, { args: { PROJECT: 'nova', UID: 'cinder', GID: '42424', NOVA_TSS_UID: '4x' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.args?.arg]), [
        [argValueAt(r.text, form, 'UID', 'cinder'), 'rule.loci-arg-value.notInteger', 'UID'],
        [argValueAt(r.text, form, 'NOVA_TSS_UID', '4x'), 'rule.loci-arg-value.notInteger', 'NOVA_TSS_UID'],
      ]);
    });
    test(`${form}: R26 SOURCES_DIR other than /tmp, WHEELS_PATH relative or under /tmp`, () => {
      let r = lintForm(form, { args: { SOURCES_DIR: '/src', WHEELS_PATH: '/tmp/wheels' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [
        [argValueAt(r.text, form, 'SOURCES_DIR', '/src'), 'rule.loci-arg-value.sourcesDir'],
        [argValueAt(r.text, form, 'WHEELS_PATH', '/tmp/wheels'), 'rule.loci-arg-value.wheelsPathTmp'],
      ]);
      r = lintForm(form, { args: { WHEELS_PATH: 'wheels' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => x.id), ['rule.loci-arg-value.wheelsPathRelative']);
      assert.deepEqual(only(lintForm(form, { args: { SOURCES_DIR: '/tmp', WHEELS_PATH: '/wheels', UID: '42424' } }).findings, RULE), []);
    });
  }
  for (const form of INVOCATIONS) {
    test(`${form}: R21 nova-only args and mod_oauth2 on a cinder build`, () => {
      const r = lintForm(form, { args: { NOVNC_REF: 'v1.4.0', PROFILES: 'fluent mod_oauth2' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [
        [argNameAt(r.text, form, 'NOVNC_REF'), 'rule.loci-arg-value.otherProject', 'information'],
        [argValueAt(r.text, form, 'PROFILES', 'mod_oauth2'), 'rule.loci-arg-value.modOauth2', 'information'],
      ]);
      assert.deepEqual(only(lintForm(form, { args: { PROJECT: 'nova', NOVNC_REF: 'v1.4.0' } }).findings, RULE), []);
      assert.deepEqual(only(lintForm(form, { args: { PROJECT: 'keystone', PROFILES: 'apache mod_oauth2' } }).findings, RULE), []);
    });
    test(`${form}: R27 PLUGIN on top of a finished loci image without git`, () => {
      const args = { PROJECT: 'neutron-fwaas', PLUGIN: 'true', FROM: 'quay.io/airshipit/neutron:2025.2-ubuntu_noble_loci' };
      const r = lintForm(form, { args });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.args?.parent]), [[argValueAt(r.text, form, 'PLUGIN', 'true'), 'rule.loci-arg-value.pluginGit', 'neutron']]);
      assert.deepEqual(only(lintForm(form, { args: { ...args, DIST_PACKAGES: 'git' } }).findings, RULE), []);
    });
  }
  test('dockerfile: a fork keeps every upstream declaration, so project-specific defaults are not reported', () => {
    assert.deepEqual(only(lintForm('dockerfile', { args: { NOVNC_REF: 'v1.0.0', SKYLINE_CONSOLE_REF: 'master' } }).findings, RULE), []);
  });
});
