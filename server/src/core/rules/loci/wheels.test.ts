import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only } from '../../../../../test/helpers';
import { argNameAt, argValueAt, at, FORMS, INVOCATIONS, lintForm, ruleFindings, variable } from '../../../../../test/core/loci/forms';

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
