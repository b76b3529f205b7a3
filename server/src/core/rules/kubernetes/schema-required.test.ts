import { test, describe } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import type { Finding } from '../../types';
import { SCHEMA_RULES, k8s, GOOD_DEPLOYMENT, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { schemaRequired } from './schema-required';
import assert from 'node:assert/strict';

describe('schema-required', () => {
  test('on the key that holds the object', () => {
    const text = GOOD_DEPLOYMENT.replace('          image: nginx:1.27\n', '').replace('        - name: app\n', '        - image: nginx\n');
    const f = only(lint(text), 'schema-required');
    assert.deepEqual(f.map((x) => [r(x), x.message]), [[[15, 10, 15, 15], { id: 'rule.schema-required.message', args: { key: 'name', path: 'spec.template.spec.containers[0]' } }]]);
  });

  test('top-level required fields go on the kind pair', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nsubjects: []\n';
    const f = only(lint(text), 'schema-required');
    assert.deepEqual(f.map((x) => [r(x), x.message]), [[[1, 0, 1, 17], { id: 'rule.schema-required.root', args: { key: 'roleRef', kind: 'RoleBinding' } }]]);
  });

  test('an empty flow mapping: on its key', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n';
    const f = only(lint(text), 'schema-required');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.args]),
      [
        [[3, 0, 3, 4], { key: 'selector', path: 'spec' }],
        [[3, 0, 3, 4], { key: 'template', path: 'spec' }],
      ],
    );
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(schemaRequired, {
  valid: [
    WEB_PULL,
  ],
  invalid: [
    {
      code: WEB_PULL.replace('        - name: app\n          image:', '        - image:'),
      errors: [{ messageId: "message", range: [14, 10, 14, 15], args: {"key": "name", "path": "spec.template.spec.containers[0]"} }],
    },
  ],
});
