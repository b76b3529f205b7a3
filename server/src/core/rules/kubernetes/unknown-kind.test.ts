import { test, describe } from 'node:test';
import { lint, only, r, applyFix } from '../../../../../test/helpers';
import type { Finding } from '../../types';
import assert from 'node:assert/strict';
import { SCHEMA_RULES, k8s, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { unknownKind } from './unknown-kind';

describe('unknown-kind', () => {
  test('a misspelt kind with a suggestion and a fix', () => {
    const text = 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: d}\n';
    const f = only(lint(text), 'unknown-kind');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(r(f[0]), [1, 6, 1, 16]);
    assert.deepEqual(f[0].message, { id: 'rule.unknown-kind.suggest', args: { apiVersion: 'apps/v1', kind: 'Deploymnet', suggestion: 'Deployment', version: '1.36' } });
    assert.equal(applyFix(text, f[0]), text.replace('Deploymnet', 'Deployment'));
  });

  test('a kind under the wrong apiVersion: the fix moves apiVersion', () => {
    const text = 'apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n';
    const f = only(lint(text), 'unknown-kind');
    assert.deepEqual(r(f[0]), [0, 12, 0, 14]);
    assert.deepEqual(f[0].message, { id: 'rule.unknown-kind.otherApiVersion', args: { apiVersion: 'v1', kind: 'Deployment', expected: 'apps/v1', version: '1.36' } });
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, text.replace('apiVersion: v1', 'apiVersion: apps/v1'));
    assert.deepEqual(k8s(lint(fixed)), only(lint(fixed), 'schema-required'));
  });

  test('a misspelt kind of another apiVersion: the fix changes both', () => {
    const text = 'apiVersion: v1\nkind: Deploymnet\n';
    const f = only(lint(text), 'unknown-kind');
    assert.deepEqual(r(f[0]), [1, 6, 1, 16]);
    assert.equal(f[0].message.id, 'rule.unknown-kind.suggestOther');
    assert.equal(applyFix(text, f[0]), 'apiVersion: apps/v1\nkind: Deployment\n');
  });

  test('an apiVersion the version does not serve, not in the lifecycle table', () => {
    const text = 'apiVersion: apps/v2\nkind: Frobnicator\n';
    const f = only(lint(text), 'unknown-kind');
    assert.deepEqual(f.map((x) => [r(x), x.message.id]), [[[0, 12, 0, 19], 'rule.unknown-kind.apiVersion']]);
  });

  test('CRD groups, kubeconfig and kustomize files are skipped', () => {
    assert.deepEqual(k8s(lint('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {anything: 1}\n')), []);
    assert.deepEqual(k8s(lint('apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\n')), []);
    assert.deepEqual(k8s(lint('apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n')), []);
    assert.deepEqual(k8s(lint('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n')), []);
  });

  test('the selected version decides what is served', () => {
    const text = 'apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: g}\n';
    assert.equal(only(lint(text, '/ws/a.yaml', { kubernetes: { version: '1.36' } }), 'unknown-kind').length, 0);
    const f = only(lint(text, '/ws/a.yaml', { kubernetes: { version: '1.35' } }), 'unknown-kind');
    assert.equal(f.length, 1);
    assert.equal(f[0].message.args!.version, '1.35');
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(unknownKind, {
  valid: [
    WEB_PULL,
  ],
  invalid: [
    {
      code: WEB_PULL.replace('kind: Deployment', 'kind: Deploymnet'),
      errors: [{ messageId: "suggest", range: [1, 6, 1, 16] }],
      output: WEB_PULL,
    },
    {
      name: "a kind under the wrong apiVersion",
      code: WEB_PULL.replace('apiVersion: apps/v1', 'apiVersion: v1'),
      errors: [{ messageId: "otherApiVersion", range: [0, 12, 0, 14] }],
      output: WEB_PULL,
    },
  ],
});
