import { test, describe } from 'node:test';
import { lint, only, r, applyFix } from '../../../../../test/helpers';
import assert from 'node:assert/strict';
import { DEPLOY_V1BETA1, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { removedApi } from './removed-api';

describe('removed-api', () => {
  test('extensions/v1beta1 Deployment: error on the apiVersion value, field changes explained, no fix', () => {
    const all = lint(DEPLOY_V1BETA1);
    const f = only(all, 'removed-api');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(r(f[0]), [0, 12, 0, 30]);
    assert.equal(f[0].message.id, 'rule.removed-api.changes');
    assert.equal(f[0].message.args!.replacement, 'apps/v1');
    assert.equal(f[0].message.args!.removedIn, '1.16');
    assert.match(String(f[0].message.args!.notes), /spec\.selector required and immutable/);
    assert.doesNotMatch(String(f[0].message.args!.notes), /src=/);
    assert.equal(f[0].fixes, undefined);
    // no unknown-kind and no schema findings on a removed API
    assert.equal(all.filter((x) => x.rule.startsWith('schema-') || x.rule === 'unknown-kind').length, 0);
  });

  test('a mechanical move: the fix rewrites apiVersion (fixAll) and the finding goes away', () => {
    const text = 'apiVersion: "rbac.authorization.k8s.io/v1beta1" # old\nkind: ClusterRole\nmetadata: {name: r}\nrules: []\n';
    const f = only(lint(text), 'removed-api');
    assert.deepEqual(r(f[0]), [0, 12, 0, 47]);
    assert.equal(f[0].message.id, 'rule.removed-api.mechanical');
    assert.equal(f[0].fixes![0].tier, 'safe');
    assert.deepEqual(f[0].fixes![0].title, { id: 'rule.removed-api.fixTitle', args: { replacement: 'rbac.authorization.k8s.io/v1' } });
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, 'apiVersion: "rbac.authorization.k8s.io/v1" # old\nkind: ClusterRole\nmetadata: {name: r}\nrules: []\n');
    const after = lint(fixed);
    assert.deepEqual(after.filter((x) => x.severity === 'error' || x.severity === 'warning'), []);
  });

  test('no replacement: PodSecurityPolicy', () => {
    const f = only(lint('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n'), 'removed-api');
    assert.equal(f[0].message.id, 'rule.removed-api.none');
    assert.match(String(f[0].message.args!.notes), /Pod Security Admission/);
  });

  test('a replacement kind: ResourceClass → DeviceClass, no fix', () => {
    const f = only(lint('apiVersion: resource.k8s.io/v1alpha2\nkind: ResourceClass\nmetadata: {name: p}\n'), 'removed-api');
    assert.equal(f[0].message.id, 'rule.removed-api.changes');
    assert.equal(f[0].message.args!.replacement, 'resource.k8s.io/v1 DeviceClass');
    assert.equal(f[0].fixes, undefined);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(removedApi, {
  valid: [
    WEB_PULL,
  ],
  invalid: [
    {
      code: `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  backend:
    serviceName: web
    servicePort: 80
`,
      errors: [{ messageId: "changes", range: [0, 12, 0, 30], severity: "error" }],
      output: null,
    },
  ],
});
