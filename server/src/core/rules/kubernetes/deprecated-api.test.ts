import { test, describe } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import assert from 'node:assert/strict';
import { DEPLOY_V1BETA1, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { deprecatedApi } from './deprecated-api';

describe('deprecated-api', () => {
  test('an older selected version: not yet removed → deprecated warning with the removal version', () => {
    const f = lint(DEPLOY_V1BETA1, '/ws/d.yaml', { kubernetes: { version: '1.15' } });
    assert.equal(only(f, 'removed-api').length, 0);
    const d = only(f, 'deprecated-api');
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'warning');
    assert.deepEqual(r(d[0]), [0, 12, 0, 30]);
    assert.equal(d[0].message.id, 'rule.deprecated-api.removal.changes');
    assert.equal(d[0].message.args!.removedIn, '1.16');
    assert.equal(only(f, 'unknown-kind').length, 0);
  });

  test('deprecated and still served: v1 Endpoints', () => {
    const text = 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\nsubsets: []\n';
    const f = lint(text);
    const d = only(f, 'deprecated-api');
    assert.deepEqual(d.map((x) => [r(x), x.message.id, x.message.args!.replacement]), [[[0, 12, 0, 14], 'rule.deprecated-api.served.changes', 'discovery.k8s.io/v1 EndpointSlice']]);
    assert.equal(only(f, 'schema-unknown-field').length, 0); // still validated, and valid
  });

  test('removed in 1.36, served by 1.35: deprecated at 1.35 (mechanical fix offered only when the target is served)', () => {
    const text = 'apiVersion: scheduling.k8s.io/v1alpha1\nkind: Workload\nmetadata: {name: w}\n';
    const at35 = only(lint(text, '/ws/w.yaml', { kubernetes: { version: '1.35' } }), 'deprecated-api');
    assert.equal(at35.length, 1);
    assert.equal(at35[0].message.id, 'rule.deprecated-api.removal.changes');
    const at36 = only(lint(text, '/ws/w.yaml', { kubernetes: { version: '1.36' } }), 'removed-api');
    assert.equal(at36.length, 1);
  });

  test('a current apiVersion gets no lifecycle finding', () => {
    const f = lint('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {}, template: {}}\n');
    assert.equal(only(f, 'deprecated-api').length + only(f, 'removed-api').length, 0);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(deprecatedApi, {
  valid: [
    WEB_PULL,
  ],
  invalid: [
    {
      name: "v1 Endpoints: deprecated and still served",
      code: `apiVersion: v1
kind: Endpoints
metadata:
  name: web
subsets: []
`,
      errors: [{ messageId: "served.changes", range: [0, 12, 0, 14], severity: "warning" }],
      output: null,
    },
  ],
});
