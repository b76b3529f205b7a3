import { test, describe } from 'node:test';
import { lint, only, r, applyFix } from '../../../../../test/helpers';
import type { Finding } from '../../types';
import assert from 'node:assert/strict';
import { SCHEMA_RULES, k8s, GOOD_DEPLOYMENT, WEB_DEPLOYMENT_MIN as WEB, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { schemaEnum } from './schema-enum';

describe('schema-enum', () => {
  test('value range, allowed values, nearest-value fix', () => {
    const text = GOOD_DEPLOYMENT.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: ifnotpresent');
    const f = only(lint(text), 'schema-enum');
    assert.equal(f.length, 1);
    assert.deepEqual(r(f[0]), [17, 27, 17, 39]);
    assert.deepEqual(f[0].message, {
      id: 'rule.schema-enum.suggest',
      args: { path: 'spec.template.spec.containers[0].imagePullPolicy', actual: 'ifnotpresent', allowed: 'Always, IfNotPresent, Never', suggestion: 'IfNotPresent' },
    });
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, GOOD_DEPLOYMENT);
    assert.deepEqual(k8s(lint(fixed)), []);
  });

  test('container restart rules: Restart and RestartAllContainers (1.35, KEP-5532) are allowed, other actions are not', () => {
    const pod = (action: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: watcher\n      image: busybox:1.36\n      restartPolicy: Always\n      restartPolicyRules:\n        - action: ${action}\n          exitCodes:\n            operator: In\n            values: [88]\n  containers:\n    - name: main\n      image: busybox:1.36\n`;
    assert.deepEqual(only(lint(pod('RestartAllContainers')), 'schema-enum'), []);
    assert.deepEqual(only(lint(pod('Restart')), 'schema-enum'), []);
    const f = only(lint(pod('Reboot')), 'schema-enum');
    assert.deepEqual(f.map((x) => [r(x), x.message.args?.allowed]), [[[10, 18, 10, 24], 'Restart, RestartAllContainers']]);
  });

  test('no suggestion for a far value', () => {
    const text = GOOD_DEPLOYMENT.replace('restartPolicy: Always', 'restartPolicy: Sometimes');
    const f = only(lint(text), 'schema-enum');
    assert.deepEqual(r(f[0]), [13, 21, 13, 30]);
    assert.equal(f[0].message.id, 'rule.schema-enum.message');
    assert.equal(f[0].fixes, undefined);
  });

  test('protocol inside a port list', () => {
    const text = GOOD_DEPLOYMENT.replace('protocol: TCP', 'protocol: "tcp"');
    const f = only(lint(text), 'schema-enum');
    assert.deepEqual(r(f[0]), [20, 24, 20, 29]);
    assert.equal(f[0].fixes![0].edits[0].newText, '"TCP"');
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(schemaEnum, {
  valid: [
    WEB_PULL,
  ],
  invalid: [
    {
      code: WEB + '          imagePullPolicy: ifnotpresent\n',
      errors: [{ messageId: "suggest", range: [16, 27, 16, 39] }],
      output: WEB_PULL,
    },
  ],
});
