import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, only } from '../../../helpers';
import { argNameAt, argValueAt, at, FORMS, INVOCATIONS, lintForm, ruleFindings, variable } from '../forms';

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

describe('loci-wheels', () => {
  const RULE = 'loci-wheels';
  const anchors: Record<string, string> = { compose: 'cinder', workflow: 'docker/build-push-action@v6', shell: 'docker buildx build', ansible: 'build_args' };
  for (const form of INVOCATIONS) {
    test(`${form}: R12 a project build without WHEELS`, () => {
      const r = lintForm(form, { args: { WHEELS: null } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[at(r.text, anchors[form]), 'rule.loci-wheels.missing']]);
    });
    test(`${form}: R12 does not apply to the requirements target`, () => {
      assert.deepEqual(only(lintForm(form, { target: 'requirements', args: { PROJECT: 'requirements', WHEELS: null } }).findings, RULE), []);
    });
  }
  for (const form of FORMS) {
    test(`${form}: R10 WHEELS as a URL or a path is an error`, () => {
      for (const v of ['https://tarballs.example.com/wheels.tar.gz', '/srv/wheels.tar.gz', './wheels.tar']) {
        const r = lintForm(form, { args: { WHEELS: v } });
        assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [[argValueAt(r.text, form, 'WHEELS', v), 'rule.loci-wheels.notImage', 'error']], v);
      }
    });
    test(`${form}: R13 WHEELS release differs from PROJECT_REF`, () => {
      const r = lintForm(form, { args: { WHEELS: 'quay.io/airshipit/requirements:2025.1-ubuntu_noble_loci' } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [
        { range: argValueAt(r.text, form, 'WHEELS', '2025.1'), id: 'rule.loci-wheels.releaseMismatch', severity: 'warning', args: { release: '2025.1', ref: 'stable/2025.2', refRelease: '2025.2' } },
      ]);
    });
    test(`${form}: R13 WHEELS codename differs from FROM's`, () => {
      const r = lintForm(form, { args: { WHEELS: 'quay.io/airshipit/requirements:2025.2-ubuntu_jammy_loci' } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [
        { range: argValueAt(r.text, form, 'WHEELS', 'jammy'), id: 'rule.loci-wheels.codenameMismatch', severity: 'warning', args: { codename: 'jammy', fromCodename: 'noble' } },
      ]);
    });
    test(`${form}: matching WHEELS, other tag schemes and variables are fine`, () => {
      for (const w of ['quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci-20260101', 'registry.local/reqs:latest', `registry.local/requirements:${variable('TAG')}`]) {
        assert.deepEqual(only(lintForm(form, { args: { WHEELS: w } }).findings, RULE), [], w);
      }
    });
  }
  test('dockerfile: a declared WHEELS default is not "missing"; the upstream default is consistent with its own FROM and ref', () => {
    const r = lintForm('dockerfile', { args: { WHEELS: 'quay.io/airshipit/requirements:master-ubuntu_jammy', FROM: 'quay.io/airshipit/base:master-ubuntu_jammy', PROJECT_REF: 'master' } });
    assert.deepEqual(only(r.findings, RULE), []);
  });
  test('R13: PROJECT_REF not passed defaults to master', () => {
    const r = lintForm('shell', { args: { PROJECT_REF: null } });
    assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.args?.ref]), [[argValueAt(r.text, 'shell', 'WHEELS', '2025.2'), 'master']]);
  });
  test('shell: R18 DOCKER_BUILDKIT=0 (on the command or exported before) cannot run RUN --mount', () => {
    const cmd = 'docker build . --build-arg PROJECT=cinder --build-arg FROM=quay.io/airshipit/base:2025.2-ubuntu_noble_loci --build-arg WHEELS=quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci --build-arg PROJECT_REF=stable/2025.2';
    let text = `#!/bin/sh\nDOCKER_BUILDKIT=0 ${cmd}\n`;
    assert.deepEqual(ruleFindings(lint(text, '/ws/b.sh'), RULE).map((x) => [x.range, x.id]), [[at(text, 'DOCKER_BUILDKIT=0'), 'rule.loci-wheels.legacyBuilder']]);
    text = `#!/bin/sh\nexport DOCKER_BUILDKIT=0\n${cmd}\n`;
    assert.deepEqual(ruleFindings(lint(text, '/ws/b.sh'), RULE).map((x) => x.range), [at(text, 'DOCKER_BUILDKIT=0')]);
    text = `#!/bin/sh\nexport DOCKER_BUILDKIT=0\n${cmd.replace('docker build', 'docker buildx build')}\nDOCKER_BUILDKIT=1 ${cmd}\n`;
    assert.deepEqual(only(lint(text, '/ws/b.sh'), RULE), []);
  });
  test('workflow: the empty WHEELS value is an error on the key', () => {
    const r = lintForm('workflow', { args: { WHEELS: '' } });
    assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [[argNameAt(r.text, 'workflow', 'WHEELS'), 'rule.loci-wheels.empty', 'error']]);
  });
});

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
