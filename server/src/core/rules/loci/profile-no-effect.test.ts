import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { only } from '../../../../../test/helpers';
import { at, atIn, FORMS, INVOCATIONS, lintForm, ruleFindings, variable } from '../../../../../test/core/loci/forms';

const RULE = 'loci-profile-no-effect';

describe('loci-profile-no-effect: R3 valid profiles that add nothing for this PROJECT', () => {
  for (const form of FORMS) {
    test(`${form}: freezer 'ceph lvm qemu' (REFERENCE §2.5) — each is paired only with other projects`, () => {
      const { text, findings } = lintForm(form, { args: { PROJECT: 'freezer', PROFILES: 'ceph lvm qemu' } });
      assert.deepEqual(ruleFindings(findings, RULE), [
        { range: atIn(text, 'ceph lvm qemu', 'ceph'), id: 'rule.loci-profile-no-effect.otherProjects', severity: 'information', args: { token: 'ceph', project: 'freezer', projects: 'cinder, glance, manila, nova' } },
        { range: atIn(text, 'ceph lvm qemu', 'lvm'), id: 'rule.loci-profile-no-effect.otherProjects', severity: 'information', args: { token: 'lvm', project: 'freezer', projects: 'cinder, manila' } },
        { range: atIn(text, 'ceph lvm qemu', 'qemu'), id: 'rule.loci-profile-no-effect.otherProjects', severity: 'information', args: { token: 'qemu', project: 'freezer', projects: 'cinder, glance, ironic, nova' } },
      ]);
    });

    test(`${form}: blazar 'ldap' and glance 'lvm' add nothing; keystone 'ldap' does`, () => {
      let r = lintForm(form, { args: { PROJECT: 'blazar', PROFILES: 'ldap' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.args?.projects]), [[at(r.text, 'ldap'), 'keystone']]);
      r = lintForm(form, { args: { PROJECT: 'glance', PROFILES: 'fluent lvm' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.args?.token]), [[at(r.text, 'lvm'), 'lvm']]);
      r = lintForm(form, { args: { PROJECT: 'keystone', PROFILES: 'ldap apache' } });
      assert.deepEqual(only(r.findings, RULE), []);
    });

    test(`${form}: keystone 'mellon' without 'apache' only works with a partner`, () => {
      const r = lintForm(form, { args: { PROJECT: 'keystone', PROFILES: 'fluent mellon' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.args?.partners]), [[at(r.text, 'mellon'), 'rule.loci-profile-no-effect.needsPartner', 'apache']]);
      assert.deepEqual(only(lintForm(form, { args: { PROJECT: 'keystone', PROFILES: 'apache mellon' } }).findings, RULE), []);
    });

    test(`${form}: the PROJECT itself and the codename as profiles add nothing`, () => {
      const r = lintForm(form, { args: { PROFILES: 'cinder noble' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [
        [atIn(r.text, 'cinder noble', 'cinder'), 'rule.loci-profile-no-effect.isProject'],
        [atIn(r.text, 'cinder noble', 'noble'), 'rule.loci-profile-no-effect.isCodename'],
      ]);
    });

    test(`${form}: 'requirements' as a profile of a project build pulls in every build dependency`, () => {
      const r = lintForm(form, { args: { PROFILES: 'fluent requirements' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[at(r.text, 'requirements', 1), 'rule.loci-profile-no-effect.requirementsProfile']]);
    });

    test(`${form}: R28 DIST_PACKAGES that bindep installs anyway`, () => {
      const r = lintForm(form, { args: { PROFILES: 'purestorage', DIST_PACKAGES: 'open-iscsi vim' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.args?.package]), [[at(r.text, 'open-iscsi'), 'rule.loci-profile-no-effect.duplicatePackage', 'open-iscsi']]);
      assert.deepEqual(only(lintForm(form, { args: { PROFILES: 'lvm', DIST_PACKAGES: 'open-iscsi multipath-tools' } }).findings, RULE), []);
    });

    test(`${form}: an unknown PROJECT (variable) is not judged`, () => {
      const r = lintForm(form, { args: { PROJECT: variable('PROJECT_NAME'), PROFILES: 'ldap' } });
      assert.deepEqual(only(r.findings, RULE), []);
    });
  }
});

describe('loci-profile-no-effect: R4 PROFILES / DIST_PACKAGES on the requirements target', () => {
  for (const form of INVOCATIONS) {
    test(`${form}: both are ignored by requirements.sh`, () => {
      const r = lintForm(form, { target: 'requirements', args: { PROJECT: 'requirements', WHEELS: null, PROFILES: 'fluent', DIST_PACKAGES: 'vim' } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [
        { range: at(r.text, 'PROFILES'), id: 'rule.loci-profile-no-effect.requirementsTarget', severity: 'warning', args: { arg: 'PROFILES' } },
        { range: at(r.text, 'DIST_PACKAGES'), id: 'rule.loci-profile-no-effect.requirementsTarget', severity: 'warning', args: { arg: 'DIST_PACKAGES' } },
      ]);
    });
    test(`${form}: a requirements build without them is clean`, () => {
      const r = lintForm(form, { target: 'requirements', args: { PROJECT: 'requirements', WHEELS: null, KEEP_ALL_WHEELS: 'yes' } });
      assert.deepEqual(r.findings, []);
    });
  }
  test('dockerfile: ARG defaults serve both targets, so R4 does not apply', () => {
    const r = lintForm('dockerfile', { args: { DIST_PACKAGES: 'vim', PROFILES: 'fluent' } });
    assert.deepEqual(only(r.findings, RULE), []);
  });
});
