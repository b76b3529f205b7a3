import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only } from '../../../../../test/helpers';
import { argNameAt, at, INVOCATIONS, lintForm, render, ruleFindings, variable } from '../../../../../test/core/loci/forms';
import { ruleTester } from '../../../../../test/rule-tester';
import { missingProject } from './missing-project';

describe('loci-missing-project (R5)', () => {
  const RULE = 'loci-missing-project';
  const anchors: Record<string, string> = { compose: 'cinder', workflow: 'docker/build-push-action@v6', shell: 'docker buildx build', ansible: 'build_args' };
  for (const form of INVOCATIONS) {
    test(`${form}: no PROJECT → error on the build`, () => {
      const r = lintForm(form, { args: { PROJECT: null } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [{ range: at(r.text, anchors[form]), id: 'rule.loci-missing-project.missing', severity: 'error', args: undefined }]);
    });
    test(`${form}: empty PROJECT → error on the key`, () => {
      const r = lintForm(form, { args: { PROJECT: '' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argNameAt(r.text, form, 'PROJECT'), 'rule.loci-missing-project.empty']]);
    });
    test(`${form}: PROJECT given (or from a variable) → nothing`, () => {
      assert.deepEqual(only(lintForm(form).findings, RULE), []);
      assert.deepEqual(only(lintForm(form, { args: { PROJECT: variable('P') } }).findings, RULE), []);
    });
  }
  test('dockerfile: `ARG PROJECT` without a default is a declaration, not a build (PROJECT is passed at build time)', () => {
    const r = lintForm('dockerfile', { args: { PROJECT: null } });
    assert.match(r.text, /^ARG PROJECT$/m);
    assert.deepEqual(only(r.findings, RULE), []);
  });
  test('shell: `--build-arg PROJECT` without a value takes it from the environment', () => {
    const text = '#!/bin/sh\ndocker build . --build-arg PROJECT --build-arg PROFILES=fluent --build-arg FROM=quay.io/airshipit/base:2025.2-ubuntu_noble_loci --build-arg WHEELS=quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci --build-arg PROJECT_REF=stable/2025.2\n';
    assert.deepEqual(lint(text, '/ws/b.sh'), []);
  });
  test('shell: arguments we cannot see ($BUILD_ARGS, "$@") make a missing PROJECT unknowable', () => {
    const text = '#!/bin/sh\ndocker build . $BUILD_ARGS --build-arg PROFILES=fluent\ndocker build . "$@" --build-arg PROFILES=fluent\n';
    assert.deepEqual(only(lint(text, '/ws/b.sh'), RULE), []);
  });
  test('compose: a merge key in args makes a missing PROJECT unknowable', () => {
    const text = 'x-common: &common\n  PROJECT: cinder\nservices:\n  cinder:\n    build:\n      context: ../loci\n      args:\n        <<: *common\n        PROFILES: fluent\n';
    assert.deepEqual(only(lint(text, '/ws/compose.yaml'), RULE), []);
  });
  test('other docker builds are not loci builds', () => {
    const text = '#!/bin/sh\ndocker build -t myapp . --build-arg VERSION=1\ndocker build --build-arg PROJECT=myapp .\n';
    assert.deepEqual(lint(text, '/ws/b.sh'), []);
    const compose = 'services:\n  web:\n    build:\n      context: ./web\n      args:\n        PROJECT: web\n';
    assert.deepEqual(lint(compose, '/ws/compose.yaml'), []);
  });
});

// The same cases through the RuleTester (message keys, ranges, severities; the rule offers no fix),
// for a build script and a compose file (the rule is registered per file target: shell, yaml-document).
for (const form of ['shell', 'compose'] as const) {
  const good = render(form);
  const none = render(form, { args: { PROJECT: null } });
  const empty = render(form, { args: { PROJECT: '' } });
  ruleTester(missingProject.find((x) => x.target === (form === 'shell' ? 'shell' : 'yaml-document'))!, {
    valid: [{ name: `${form}: PROJECT given`, code: good.text, path: good.path }],
    invalid: [
      { name: `${form}: no PROJECT`, code: none.text, path: none.path, errors: [{ messageId: 'missing', range: at(none.text, form === 'shell' ? 'docker buildx build' : 'cinder'), severity: 'error' }], output: null },
      { name: `${form}: empty PROJECT`, code: empty.text, path: empty.path, errors: [{ messageId: 'empty', range: argNameAt(empty.text, form, 'PROJECT'), severity: 'error' }], output: null },
    ],
  });
}
