import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerWith, applyFix, lint, only } from '../../../../../test/helpers';
import { parseBindep } from '../../loci/bindep';
import { LOCI_BINDEP_TXT, LOCI_PYDEP_TXT } from '../../loci/data';
import { at, FORMS, lintForm, ruleFindings } from '../../../../../test/core/loci/forms';

const RULE = 'loci-unknown-profile';

describe('loci-unknown-profile: R1 unknown tokens, with the nearest suggestion and a quick fix', () => {
  for (const form of FORMS) {
    test(`${form}: glance PROFILES='fluent ceph qemu-utils' flags qemu-utils and suggests qemu`, () => {
      const { text, path, findings } = lintForm(form, { args: { PROJECT: 'glance', PROFILES: 'fluent ceph qemu-utils' } });
      const got = ruleFindings(findings, RULE);
      assert.deepEqual(got, [{ range: at(text, 'qemu-utils'), id: 'rule.loci-unknown-profile.unknownSuggest', severity: 'warning', args: { token: 'qemu-utils', suggestion: 'qemu' } }]);
      const f = only(findings, RULE)[0];
      assert.deepEqual(f.fixes?.[0].title, { id: 'rule.loci-unknown-profile.fixTitle', args: { token: 'qemu-utils', suggestion: 'qemu' } });
      const fixed = applyFix(text, f);
      assert.equal(fixed, text.replace('qemu-utils', 'qemu'));
      assert.deepEqual(lint(fixed, path), [], 'the fixed build is clean');
    });

    test(`${form}: a correct glance build (fluent ceph qemu) has no finding`, () => {
      const { findings } = lintForm(form, { args: { PROJECT: 'glance', PROFILES: 'fluent ceph qemu' } });
      assert.deepEqual(findings, []);
    });

    test(`${form}: freezer 'scheduler' is defined nowhere and nothing is close`, () => {
      const { text, findings } = lintForm(form, { args: { PROJECT: 'freezer', PROFILES: 'scheduler' } });
      const f = only(findings, RULE);
      assert.deepEqual(ruleFindings(findings, RULE).map((x) => [x.range, x.id]), [[at(text, 'scheduler'), 'rule.loci-unknown-profile.unknown']]);
      assert.equal(f[0].fixes, undefined);
    });
  }
});

describe('loci-unknown-profile: R2 tokens that can never match', () => {
  const cases: [string, string, string, string, string][] = [
    // PROFILES value, offending token, message id, suggestion, fixed value
    ['fluent lvm,ceph', 'lvm,ceph', 'rule.loci-unknown-profile.commaSuggest', 'lvm ceph', 'fluent lvm ceph'],
    ['fluent LVM', 'LVM', 'rule.loci-unknown-profile.uppercaseSuggest', 'lvm', 'fluent lvm'],
    ['fluent qemu_utils', 'qemu_utils', 'rule.loci-unknown-profile.underscoreSuggest', 'qemu', 'fluent qemu'],
  ];
  for (const form of FORMS) {
    for (const [value, token, id, suggestion, fixedValue] of cases) {
      test(`${form}: ${JSON.stringify(value)} → ${token}`, () => {
        const { text, path, findings } = lintForm(form, { args: { PROFILES: value } });
        assert.deepEqual(ruleFindings(findings, RULE).map((x) => [x.range, x.id, x.args?.suggestion]), [[at(text, token), id, suggestion]]);
        const fixed = applyFix(text, only(findings, RULE)[0]);
        assert.equal(fixed, text.replace(value, fixedValue));
        assert.deepEqual(only(lint(fixed, path), RULE), []);
      });
    }

    test(`${form}: literal quotes inside the value ('fluent ceph' with its quotes) flag both tokens`, () => {
      const { text, path, findings } = lintForm(form, { args: { PROFILES: "'fluent ceph'" } });
      assert.deepEqual(ruleFindings(findings, RULE).map((x) => [x.range, x.id, x.args?.suggestion]), [
        [at(text, "'fluent"), 'rule.loci-unknown-profile.quoteSuggest', 'fluent'],
        [at(text, "ceph'"), 'rule.loci-unknown-profile.quoteSuggest', 'ceph'],
      ]);
      let fixed = applyFix(text, only(findings, RULE)[0]);
      fixed = applyFix(fixed, only(lint(fixed, path), RULE)[0]);
      assert.deepEqual(only(lint(fixed, path), RULE), []);
    });

    test(`${form}: stable/2025.2 as a profile can never match`, () => {
      const { text, findings } = lintForm(form, { args: { PROJECT: 'keystone', PROFILES: 'apache stable/2025.2' } });
      assert.deepEqual(ruleFindings(findings, RULE).map((x) => [x.range, x.id]), [[at(text, 'stable/2025.2', form === 'dockerfile' ? 1 : 1), 'rule.loci-unknown-profile.slash']]);
    });

    test(`${form}: mod_oauth2 is keystone's script switch, not reported here`, () => {
      const { findings } = lintForm(form, { args: { PROJECT: 'keystone', PROFILES: 'apache mod_oauth2' } });
      assert.deepEqual(only(findings, RULE), []);
    });

    test(`${form}: project names and codenames are valid tokens (R3 judges them)`, () => {
      const { findings } = lintForm(form, { args: { PROFILES: 'cinder noble' } });
      assert.deepEqual(only(findings, RULE), []);
    });
  }

  test('the requirements target ignores PROFILES: no unknown-token finding there (R4 reports it)', () => {
    const { findings } = lintForm('shell', { target: 'requirements', args: { PROJECT: 'requirements', PROFILES: 'nonsense', WHEELS: null } });
    assert.deepEqual(only(findings, RULE), []);
    assert.deepEqual(only(findings, 'loci-profile-no-effect').map((f) => f.message.id), ['rule.loci-profile-no-effect.requirementsTarget']);
  });

  test('tokens with unresolved variables are not judged', () => {
    const text = '#!/bin/sh\ndocker build . --build-arg PROJECT=cinder --build-arg PROFILES="fluent $EXTRA_PROFILES" --build-arg WHEELS=quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci --build-arg FROM=quay.io/airshipit/base:2025.2-ubuntu_noble_loci --build-arg PROJECT_REF=stable/2025.2\n';
    assert.deepEqual(lint(text, '/ws/b.sh'), []);
  });
});

describe('loci-unknown-profile: the workspace data and EXTRA files decide what exists', () => {
  const fork = parseBindep(LOCI_BINDEP_TXT + 'ibverbs-utils [(cinder infiniband)]\n');
  const extra = parseBindep('mellanox-tools [infiniband]\n');

  for (const form of FORMS) {
    test(`${form}: a fork's own bindep.txt (config loci.path) defines a new profile`, () => {
      const a = analyzerWith({ loci: { get: (dir) => (dir === '/ws/loci' ? { bindep: fork, pydep: parseBindep(LOCI_PYDEP_TXT), source: dir } : undefined) } });
      const { findings } = lintForm(form, { args: { PROFILES: 'fluent infiniband' } }, { loci: { path: '/ws/loci' } }, a);
      assert.deepEqual(only(findings, RULE), []);
      assert.deepEqual(only(findings, 'loci-profile-no-effect'), []);
    });
  }

  test('without the fork data the same token is unknown', () => {
    const { text, findings } = lintForm('compose', { args: { PROFILES: 'fluent infiniband' } });
    assert.deepEqual(ruleFindings(findings, RULE).map((x) => x.range), [at(text, 'infiniband')]);
  });

  test('an EXTRA_BINDEP file read through the provider adds its tokens', () => {
    const a = analyzerWith({ loci: { get: () => undefined, extra: (dir, rel) => (rel === 'bindep-extra.txt' ? extra : undefined) } });
    const { findings } = lintForm('compose', { args: { PROFILES: 'fluent infiniband', EXTRA_BINDEP: 'bindep-extra.txt' } }, {}, a);
    assert.deepEqual(only(findings, RULE), []);
  });

  test('an EXTRA_BINDEP file nobody can read keeps unknown tokens quiet (they may be defined there)', () => {
    const { findings } = lintForm('shell', { args: { PROFILES: 'fluent infiniband LVM', EXTRA_BINDEP: 'bindep-extra.txt' } });
    assert.deepEqual(only(findings, RULE).map((f) => f.message.id), ['rule.loci-unknown-profile.uppercaseSuggest']);
  });
});

describe('suppressing findings inside a continued docker build command', () => {
  test('a dockyard-ignore comment above the command covers its lines', () => {
    const cmd = "docker build . \\\n  --build-arg PROJECT=glance --build-arg PROFILES='fluent ceph qemu-utils' \\\n  --build-arg FROM=quay.io/airshipit/base:2025.2-ubuntu_noble_loci --build-arg WHEELS=quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci --build-arg PROJECT_REF=stable/2025.2\n";
    assert.equal(only(lint('#!/bin/sh\n' + cmd, '/ws/b.sh'), RULE).length, 1);
    assert.deepEqual(lint('#!/bin/sh\n# dockyard-ignore loci-unknown-profile: matches loci CI on purpose\n' + cmd, '/ws/b.sh'), []);
    assert.equal(only(lint('#!/bin/sh\n# dockyard-ignore loci-wheels: other rule\n' + cmd, '/ws/b.sh'), RULE).length, 1);
  });
});
