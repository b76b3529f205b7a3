import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { only } from '../../../../../test/helpers';
import { argNameAt, argValueAt, FORMS, INVOCATIONS, lintForm, ruleFindings } from '../../../../../test/core/loci/forms';

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
